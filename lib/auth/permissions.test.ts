import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  allPermissions,
  belongsToDistrict,
  can,
  districtOfReach,
  districtRoles,
  homeDistrictOf,
  isCityWide,
  isPermission,
  reachOf,
  reaches,
  type Actor,
  type Permission,
  type Reach,
} from "./permissions";
import { NOTHING, scopeWhere } from "./scope-where";

// The expected matrix, written out independently of the table: applicant, district officer,
// municipal officer, admin. "-" means denied. Changing the table means changing this on purpose.
type Cell = "own" | "district" | "city" | "all" | "-";
const matrix: Record<Permission, [Cell, Cell, Cell, Cell]> = {
  "applicantArea:enter": ["own", "-", "-", "-"],
  "staffArea:enter": ["-", "district", "city", "all"],
  "adminArea:enter": ["-", "-", "-", "all"],
  "application:create": ["own", "-", "-", "-"],
  "application:read": ["own", "district", "city", "-"],
  "application:update": ["own", "-", "-", "-"],
  "application:withdraw": ["own", "-", "-", "-"],
  "application:link": ["own", "-", "-", "-"],
  "applicationLink:unlock": ["-", "district", "-", "-"],
  "intake:submit": ["-", "district", "-", "-"],
  "review:read": ["-", "district", "city", "-"],
  "application:accept": ["-", "district", "-", "-"],
  "application:review": ["-", "district", "-", "-"],
  "recheck:manage": ["-", "district", "-", "-"],
  "review:sample": ["-", "-", "city", "-"],
  "rectification:read": ["-", "district", "city", "-"],
  "rectification:report": ["-", "district", "-", "-"],
  "rectification:close": ["-", "-", "city", "-"],
  "sharedData:import": ["-", "district", "city", "-"],
  "publicity:manage": ["-", "district", "city", "-"],
  "objection:decide": ["-", "district", "-", "-"],
  "appeal:submit": ["own", "-", "-", "-"],
  "selection:take": ["own", "-", "-", "-"],
  "appeal:decide": ["-", "-", "city", "-"],
  "estate:read": ["-", "district", "city", "-"],
  "municipalEstate:manage": ["-", "-", "city", "-"],
  "districtEstate:manage": ["-", "district", "-", "-"],
  "allocation:manage": ["-", "district", "city", "-"],
  "lease:read": ["own", "district", "city", "-"],
  "lease:manage": ["-", "district", "city", "-"],
  "payment:read": ["own", "district", "city", "-"],
  "rentStandard:manage": ["-", "-", "city", "-"],
  "rentStandard:read": ["-", "district", "city", "-"],
  "referenceIncome:manage": ["-", "-", "city", "-"],
  "repair:request": ["own", "-", "-", "-"],
  "repair:manage": ["-", "district", "city", "-"],
  "inspection:manage": ["-", "district", "city", "-"],
  "maintenanceFund:manage": ["-", "district", "city", "-"],
  "district:read": ["-", "district", "city", "all"],
  "report:read": ["-", "district", "city", "-"],
  "audit:read": ["-", "district", "city", "all"],
  "user:manage": ["-", "-", "-", "all"],
  "audit:export": ["-", "-", "-", "all"],
  "notification:manage": ["-", "-", "-", "all"],
  "jobs:run": ["-", "-", "city", "all"],
};

const roles: Role[] = ["APPLICANT", "DISTRICT_OFFICER", "MUNICIPAL_OFFICER", "ADMIN"];
const DISTRICT_A = "500103"; // 渝中区
const DISTRICT_B = "500106"; // 沙坪坝区

const users: Record<Role, Actor> = {
  APPLICANT: { id: "u-applicant", role: "APPLICANT", districtCode: null },
  DISTRICT_OFFICER: { id: "u-district", role: "DISTRICT_OFFICER", districtCode: DISTRICT_A },
  MUNICIPAL_OFFICER: { id: "u-municipal", role: "MUNICIPAL_OFFICER", districtCode: null },
  ADMIN: { id: "u-admin", role: "ADMIN", districtCode: null },
};

const cases = allPermissions.flatMap((permission) =>
  roles.map((role, i) => ({ permission, role, expected: matrix[permission][i] as Cell })),
);

describe("permission table", () => {
  it("the test matrix lists exactly the permissions in the table", () => {
    expect(Object.keys(matrix).sort()).toEqual([...allPermissions].sort());
  });

  it("permission names are entity:action", () => {
    for (const p of allPermissions) expect(p).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
    expect(isPermission("user:manage")).toBe(true);
    expect(isPermission("user:delete")).toBe(false);
    expect(isPermission("toString")).toBe(false);
  });

  it.each(cases)("$role / $permission → $expected", ({ permission, role, expected }) => {
    const user = users[role];
    expect(reachOf(user, permission)?.kind ?? "-").toBe(expected);
    const ownInDistrict = { ownerId: user.id, districtCode: DISTRICT_A };
    switch (expected) {
      case "-":
        expect(can(user, permission)).toBe(false);
        expect(can(user, permission, ownInDistrict)).toBe(false);
        expect(can(user, permission, { districtCode: DISTRICT_B, ownerId: "someone" })).toBe(false);
        expect(scopeWhere(user, permission, "Application")).toBe(NOTHING);
        break;
      case "own":
        expect(can(user, permission)).toBe(true);
        expect(can(user, permission, { ownerId: user.id })).toBe(true);
        expect(can(user, permission, { ownerId: "another-applicant", districtCode: DISTRICT_A })).toBe(false);
        expect(can(user, permission, { districtCode: DISTRICT_A })).toBe(false);
        expect(can(user, permission, { ownerId: null })).toBe(false);
        expect(scopeWhere(user, permission, "Application")).toEqual({ applicantUserId: user.id });
        break;
      case "district":
        expect(can(user, permission)).toBe(true);
        expect(can(user, permission, { districtCode: DISTRICT_A })).toBe(true);
        expect(can(user, permission, { districtCode: DISTRICT_B })).toBe(false);
        expect(can(user, permission, { districtCode: null })).toBe(false);
        expect(can(user, permission, { ownerId: user.id })).toBe(false);
        expect(scopeWhere(user, permission, "Application")).toEqual({ districtCode: DISTRICT_A });
        expect(scopeWhere(user, permission, "Application", { districtCode: DISTRICT_B })).toEqual({ districtCode: DISTRICT_A });
        break;
      case "city":
      case "all":
        expect(can(user, permission)).toBe(true);
        expect(can(user, permission, { districtCode: DISTRICT_A })).toBe(true);
        expect(can(user, permission, { districtCode: DISTRICT_B, ownerId: "another-applicant" })).toBe(true);
        expect(can(user, permission, {})).toBe(true);
        expect(scopeWhere(user, permission, "Application")).toEqual({});
        expect(scopeWhere(user, permission, "Application", { districtCode: DISTRICT_B })).toEqual({ districtCode: DISTRICT_B });
        break;
    }
  });
});

describe("the cases that matter most", () => {
  const officerA = users.DISTRICT_OFFICER;
  const officerB: Actor = { id: "u-district-b", role: "DISTRICT_OFFICER", districtCode: DISTRICT_B };

  it("an officer of district A is denied on district B's records", () => {
    for (const p of ["application:read", "application:review", "district:read", "publicity:manage"] as const) {
      expect(can(officerA, p, { districtCode: DISTRICT_A })).toBe(true);
      expect(can(officerA, p, { districtCode: DISTRICT_B })).toBe(false);
      expect(can(officerB, p, { districtCode: DISTRICT_A })).toBe(false);
    }
  });

  it("an applicant is denied on another applicant's records", () => {
    const other: Actor = { id: "u-other", role: "APPLICANT", districtCode: null };
    for (const p of ["application:read", "application:update", "lease:read", "payment:read", "appeal:submit"] as const) {
      expect(can(users.APPLICANT, p, { ownerId: users.APPLICANT.id })).toBe(true);
      expect(can(users.APPLICANT, p, { ownerId: other.id })).toBe(false);
      expect(can(other, p, { ownerId: users.APPLICANT.id })).toBe(false);
    }
  });

  it("an applicant holds no staff permission, even on their own records", () => {
    const staffOnly = allPermissions.filter((p) => matrix[p][0] === "-");
    expect(staffOnly).toEqual(
      expect.arrayContaining(["application:review", "user:manage", "audit:read", "district:read", "publicity:manage", "appeal:decide", "intake:submit"]),
    );
    for (const p of staffOnly) {
      expect(can(users.APPLICANT, p)).toBe(false);
      expect(can(users.APPLICANT, p, { ownerId: users.APPLICANT.id, districtCode: DISTRICT_A })).toBe(false);
    }
  });

  it("a municipal officer works city-wide", () => {
    const m = users.MUNICIPAL_OFFICER;
    for (const d of [DISTRICT_A, DISTRICT_B, "500242"]) {
      expect(can(m, "application:read", { districtCode: d })).toBe(true);
      expect(can(m, "district:read", { districtCode: d })).toBe(true);
      expect(can(m, "appeal:decide", { districtCode: d })).toBe(true);
    }
    expect(can(m, "application:review", { districtCode: DISTRICT_A })).toBe(false);
    expect(can(m, "user:manage")).toBe(false);
  });

  it("only an administrator manages users, and administrators do not decide casework", () => {
    expect(can(users.ADMIN, "user:manage")).toBe(true);
    expect(can(users.ADMIN, "audit:read")).toBe(true);
    for (const role of ["APPLICANT", "DISTRICT_OFFICER", "MUNICIPAL_OFFICER"] as const) {
      expect(can(users[role], "user:manage")).toBe(false);
    }
    for (const p of ["application:review", "application:accept", "appeal:decide", "allocation:manage"] as const) {
      expect(can(users.ADMIN, p)).toBe(false);
    }
  });

  it("nobody signed in, nothing allowed", () => {
    for (const p of allPermissions) {
      expect(can(null, p)).toBe(false);
      expect(can(undefined, p, { districtCode: DISTRICT_A })).toBe(false);
    }
  });

  it("a district officer without a district can do nothing district-wide", () => {
    const orphan: Actor = { id: "u-orphan", role: "DISTRICT_OFFICER", districtCode: null };
    expect(can(orphan, "application:read")).toBe(false);
    expect(can(orphan, "application:read", { districtCode: null })).toBe(false);
    expect(scopeWhere(orphan, "application:read", "Application")).toBe(NOTHING);
    expect(can(orphan, "staffArea:enter")).toBe(false);
    expect(homeDistrictOf(orphan)).toBeNull();
  });

  it("only the officers who review see the queue: not the applicant who owns the application", () => {
    expect(can(users.APPLICANT, "review:read", { ownerId: users.APPLICANT.id, districtCode: DISTRICT_A })).toBe(false);
    expect(can(users.ADMIN, "review:read")).toBe(false);
    expect(can(officerA, "review:read", { districtCode: DISTRICT_A })).toBe(true);
    expect(can(officerB, "review:read", { districtCode: DISTRICT_A })).toBe(false);
  });
});

describe("questions pages ask of the table", () => {
  const officerA = users.DISTRICT_OFFICER;

  it("a role belongs to a district when one of its grants is district-scoped", () => {
    expect(roles.filter(belongsToDistrict)).toEqual(["DISTRICT_OFFICER"]);
    expect(districtRoles()).toEqual(["DISTRICT_OFFICER"]);
    expect(homeDistrictOf(officerA)).toBe(DISTRICT_A);
    // A municipal account with a district left on it still belongs to none.
    expect(homeDistrictOf({ ...users.MUNICIPAL_OFFICER, districtCode: DISTRICT_B })).toBeNull();
    expect(homeDistrictOf(users.APPLICANT)).toBeNull();
    expect(homeDistrictOf(null)).toBeNull();
  });

  it("city-wide reaches may choose a district; a district reach keeps to its own", () => {
    expect(isCityWide(users.MUNICIPAL_OFFICER, "review:read")).toBe(true);
    expect(isCityWide(users.ADMIN, "district:read")).toBe(true);
    expect(isCityWide(officerA, "review:read")).toBe(false);
    expect(isCityWide(users.APPLICANT, "application:read")).toBe(false);
    expect(isCityWide(users.ADMIN, "review:read")).toBe(false);
    expect(districtOfReach(officerA, "recheck:manage")).toBe(DISTRICT_A);
    expect(districtOfReach(users.MUNICIPAL_OFFICER, "publicity:manage")).toBeNull();
    expect(districtOfReach(users.MUNICIPAL_OFFICER, "recheck:manage")).toBeNull();
  });

  it("the areas: applicants their own pages, staff the workbench, administrators its administration", () => {
    expect(roles.filter((r) => can(users[r], "applicantArea:enter"))).toEqual(["APPLICANT"]);
    expect(roles.filter((r) => can(users[r], "staffArea:enter"))).toEqual(["DISTRICT_OFFICER", "MUNICIPAL_OFFICER", "ADMIN"]);
    expect(roles.filter((r) => can(users[r], "adminArea:enter"))).toEqual(["ADMIN"]);
  });
});

describe("reaches (the scopes tenancy will grant, too)", () => {
  const cases: Array<[Reach, Parameters<typeof reaches>[1], boolean]> = [
    [{ kind: "own", userId: "u1" }, { ownerId: "u1" }, true],
    [{ kind: "own", userId: "u1" }, { ownerId: "u2", districtCode: DISTRICT_A, householdId: "h1" }, false],
    [{ kind: "household", householdId: "h1" }, { householdId: "h1" }, true],
    [{ kind: "household", householdId: "h1" }, { householdId: "h2", ownerId: "u1" }, false],
    [{ kind: "household", householdId: "h1" }, { householdId: null }, false],
    [{ kind: "district", districtCode: DISTRICT_A }, { districtCode: DISTRICT_A }, true],
    [{ kind: "district", districtCode: DISTRICT_A }, { districtCode: DISTRICT_B, estateId: "e1" }, false],
    [{ kind: "estates", estateIds: ["e1", "e2"] }, { estateId: "e2" }, true],
    [{ kind: "estates", estateIds: ["e1", "e2"] }, { estateId: "e3", districtCode: DISTRICT_A }, false],
    [{ kind: "estates", estateIds: ["e1"] }, {}, false],
    [{ kind: "city" }, {}, true],
    [{ kind: "all" }, { districtCode: DISTRICT_B }, true],
  ];
  it.each(cases)("%j takes in %j: %s", (reach, resource, expected) => {
    expect(reaches(reach, resource)).toBe(expected);
  });
});
