import { describe, expect, it } from "vitest";
import { APPLICANT_SESSION_SECONDS, STAFF_SESSION_SECONDS } from "./auth.config";
import { parseSessionClaims, sessionLifetimeSeconds, sessionStands } from "./session-policy";

const T = 1_800_000_000;

describe("session lifetimes (decision 031)", () => {
  it("gives staff a shorter session than applicants", () => {
    expect(STAFF_SESSION_SECONDS).toBeLessThan(APPLICANT_SESSION_SECONDS);
    for (const role of ["DISTRICT_OFFICER", "MUNICIPAL_OFFICER", "ADMIN"] as const) expect(sessionLifetimeSeconds(role)).toBe(STAFF_SESSION_SECONDS);
    expect(sessionLifetimeSeconds("APPLICANT")).toBe(APPLICANT_SESSION_SECONDS);
  });
});

describe("parseSessionClaims", () => {
  it.each([
    ["a whole set of claims", { id: "u1", sv: 3, signedInAt: T }, { id: "u1", sessionVersion: 3, signedInAt: T }],
    ["a cookie from before session versions", { id: "u1" }, null],
    ["a version that is not a whole number", { id: "u1", sv: 1.5, signedInAt: T }, null],
    ["a negative version", { id: "u1", sv: -1, signedInAt: T }, null],
    ["no sign-in time", { id: "u1", sv: 0 }, null],
    ["no id", { sv: 0, signedInAt: T }, null],
    ["nothing", undefined, null],
  ])("%s", (_, user, expected) => {
    expect(parseSessionClaims(user)).toEqual(expected);
  });
});

describe("sessionStands", () => {
  const claims = { id: "u1", sessionVersion: 2, signedInAt: T };
  it.each([
    ["the same version, just signed in", "APPLICANT", 2, T, true],
    ["an applicant near the end of the day", "APPLICANT", 2, T + APPLICANT_SESSION_SECONDS - 1, true],
    ["an applicant a day later", "APPLICANT", 2, T + APPLICANT_SESSION_SECONDS, false],
    ["an officer within the staff lifetime", "DISTRICT_OFFICER", 2, T + STAFF_SESSION_SECONDS - 1, true],
    ["an officer past the staff lifetime", "DISTRICT_OFFICER", 2, T + STAFF_SESSION_SECONDS, false],
    ["after signing out elsewhere (version raised)", "APPLICANT", 3, T + 10, false],
    ["a version from the future (tampered or restored database)", "ADMIN", 1, T + 10, false],
    ["a sign-in time in the future", "APPLICANT", 2, T - 3600, false],
  ] as const)("%s", (_, role, version, now, expected) => {
    expect(sessionStands(claims, { role, sessionVersion: version }, now)).toBe(expected);
  });

  it("never stands once the account's version differs, whatever the time", () => {
    for (let version = 0; version < 50; version++) {
      for (const now of [T, T + 1, T + 100, T + 3000]) {
        expect(sessionStands(claims, { role: "APPLICANT", sessionVersion: version }, now)).toBe(version === 2);
      }
    }
  });
});
