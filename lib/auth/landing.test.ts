import { describe, expect, it } from "vitest";
import { landingPathFor, safeNextPath } from "./landing";

describe("landingPathFor", () => {
  it("sends each role home", () => {
    expect(landingPathFor("APPLICANT")).toBe("/me");
    expect(landingPathFor("DISTRICT_OFFICER")).toBe("/staff");
    expect(landingPathFor("MUNICIPAL_OFFICER")).toBe("/staff");
    expect(landingPathFor("ADMIN")).toBe("/staff/admin");
  });
});

describe("safeNextPath", () => {
  it.each([
    ["/me", "APPLICANT", "/me"],
    ["/me/application?step=2", "APPLICANT", "/me/application?step=2"],
    ["/staff/districts/500103", "DISTRICT_OFFICER", "/staff/districts/500103"],
    ["/staff/admin/users?page=2", "ADMIN", "/staff/admin/users?page=2"],
    ["/staff", "MUNICIPAL_OFFICER", "/staff"],
  ] as const)("allows %s for %s", (next, role, expected) => {
    expect(safeNextPath(next, role)).toBe(expected);
  });

  it.each([
    ["/staff", "APPLICANT"],
    ["/me", "DISTRICT_OFFICER"],
    ["/staff/admin", "DISTRICT_OFFICER"],
    ["/staff/administration", "ADMIN"], // not under /staff/admin, but under /staff: allowed for admin
    ["/mexico", "APPLICANT"],
    ["//evil.example/me", "APPLICANT"],
    ["/\\evil.example", "APPLICANT"],
    ["https://evil.example/me", "APPLICANT"],
    ["/\t/evil.example", "APPLICANT"],
    ["me", "APPLICANT"],
    ["", "APPLICANT"],
    [undefined, "APPLICANT"],
  ] as const)("refuses %j for %s", (next, role) => {
    const result = safeNextPath(next, role);
    if (next === "/staff/administration") expect(result).toBe("/staff/administration");
    else expect(result).toBeNull();
  });
});
