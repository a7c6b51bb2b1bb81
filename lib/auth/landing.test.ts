import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { landingPathFor, safeNextPath } from "./landing";
import type { Actor } from "./permissions";

const users: Record<Role, Actor> = {
  APPLICANT: { id: "u-applicant", role: "APPLICANT", districtCode: null },
  DISTRICT_OFFICER: { id: "u-district", role: "DISTRICT_OFFICER", districtCode: "500103" },
  MUNICIPAL_OFFICER: { id: "u-municipal", role: "MUNICIPAL_OFFICER", districtCode: null },
  ADMIN: { id: "u-admin", role: "ADMIN", districtCode: null },
};

describe("landingPathFor", () => {
  it("sends each role home", () => {
    expect(landingPathFor(users.APPLICANT)).toBe("/me");
    expect(landingPathFor(users.DISTRICT_OFFICER)).toBe("/staff");
    expect(landingPathFor(users.MUNICIPAL_OFFICER)).toBe("/staff");
    expect(landingPathFor(users.ADMIN)).toBe("/staff/admin");
  });

  it("sends a district officer without a district, who may enter no area, to the home page", () => {
    expect(landingPathFor({ id: "u-orphan", role: "DISTRICT_OFFICER", districtCode: null })).toBe("/");
  });
});

describe("safeNextPath", () => {
  it.each([
    ["/me", "APPLICANT", "/me"],
    ["/me/application?step=2", "APPLICANT", "/me/application?step=2"],
    ["/staff/districts/500103", "DISTRICT_OFFICER", "/staff/districts/500103"],
    ["/staff/admin/users?page=2", "ADMIN", "/staff/admin/users?page=2"],
    ["/staff", "MUNICIPAL_OFFICER", "/staff"],
    ["/staff/review", "ADMIN", "/staff/review"],
    // Not under /staff/admin, but under /staff.
    ["/staff/administration", "ADMIN", "/staff/administration"],
    ["/staff/administration", "DISTRICT_OFFICER", "/staff/administration"],
  ] as const)("allows %s for %s", (next, role, expected) => {
    expect(safeNextPath(next, users[role])).toBe(expected);
  });

  it.each([
    ["/staff", "APPLICANT"],
    ["/me", "DISTRICT_OFFICER"],
    ["/me", "ADMIN"],
    ["/staff/admin", "DISTRICT_OFFICER"],
    ["/staff/admin/users", "MUNICIPAL_OFFICER"],
    ["/publicity", "APPLICANT"],
    ["/mexico", "APPLICANT"],
    ["//evil.example/me", "APPLICANT"],
    ["/\\evil.example", "APPLICANT"],
    ["https://evil.example/me", "APPLICANT"],
    ["/\t/evil.example", "APPLICANT"],
    ["me", "APPLICANT"],
    ["", "APPLICANT"],
    [undefined, "APPLICANT"],
  ] as const)("refuses %j for %s", (next, role) => {
    expect(safeNextPath(next, users[role])).toBeNull();
  });
});
