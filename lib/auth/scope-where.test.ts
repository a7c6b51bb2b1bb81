import { describe, expect, it } from "vitest";
import type { Actor, Reach } from "./permissions";
import { NOTHING, reachWhere, scopeWhere, type ScopedEntity } from "./scope-where";

// The where-clause of every scoped entity for every kind of reach, written out by hand: how each
// record states where it belongs. "-" is NOTHING (the reach cannot find that entity).
const A = "500103"; // 渝中区
const B = "500106"; // 沙坪坝区

const reachesByKind = {
  own: { kind: "own", userId: "u1" },
  household: { kind: "household", householdId: "app1" },
  district: { kind: "district", districtCode: A },
  estates: { kind: "estates", estateIds: ["e1", "e2"] },
  city: { kind: "city" },
  all: { kind: "all" },
} as const satisfies Record<Reach["kind"], Reach>;
type Kind = keyof typeof reachesByKind;

/** Documents and appeals belong wherever their application does. */
const throughApplication: Record<Kind, unknown> = {
  own: { application: { applicantUserId: "u1" } },
  household: { application: { id: "app1" } },
  district: { application: { districtCode: A } },
  estates: "-",
  city: {},
  all: {},
};

const expected: Record<ScopedEntity, Record<Kind, unknown>> = {
  Application: {
    own: { applicantUserId: "u1" },
    household: { id: "app1" },
    district: { districtCode: A },
    estates: "-",
    city: {},
    all: {},
  },
  Document: throughApplication,
  Appeal: throughApplication,
  PublicityBatch: { own: "-", household: "-", district: { districtCode: A }, estates: "-", city: {}, all: {} },
  Objection: { own: "-", household: "-", district: { batch: { districtCode: A } }, estates: "-", city: {}, all: {} },
  ReviewAudit: { own: "-", household: "-", district: { districtCode: A }, estates: "-", city: {}, all: {} },
  Rectification: { own: "-", household: "-", district: { districtCode: A }, estates: "-", city: {}, all: {} },
  SharedDataImportBatch: { own: "-", household: "-", district: { importedBy: { districtCode: A } }, estates: "-", city: {}, all: {} },
  AnnualRecheck: { own: "-", household: "-", district: { districtCode: A }, estates: "-", city: {}, all: {} },
  Art12Conflict: { own: "-", household: "-", district: { districtCode: A }, estates: "-", city: {}, all: {} },
  District: { own: "-", household: "-", district: { code: A }, estates: "-", city: {}, all: {} },
  Estate: { own: "-", household: "-", district: { districtCode: A }, estates: { id: { in: ["e1", "e2"] } }, city: {}, all: {} },
  AllocationPlan: { own: "-", household: "-", district: { districtCode: A }, estates: "-", city: {}, all: {} },
  BankCollectionFile: { own: "-", household: "-", district: { districtCode: A }, estates: "-", city: {}, all: {} },
  Lease: {
    own: { tenantUserId: "u1" },
    household: { applicationId: "app1" },
    district: { unit: { estate: { districtCode: A } } },
    estates: { unit: { estateId: { in: ["e1", "e2"] } } },
    city: {},
    all: {},
  },
  RepairRequest: {
    own: { lease: { tenantUserId: "u1" } },
    household: { lease: { applicationId: "app1" } },
    district: { estate: { districtCode: A } },
    estates: { estateId: { in: ["e1", "e2"] } },
    city: {},
    all: {},
  },
  Inspection: { own: "-", household: "-", district: { estate: { districtCode: A } }, estates: { estateId: { in: ["e1", "e2"] } }, city: {}, all: {} },
  RentStandard: { own: "-", household: "-", district: { estate: { districtCode: A } }, estates: { estateId: { in: ["e1", "e2"] } }, city: {}, all: {} },
};

const entities = Object.keys(expected) as ScopedEntity[];
const cases = entities.flatMap((entity) =>
  (Object.keys(reachesByKind) as Kind[]).map((kind) => ({ entity, kind, where: expected[entity][kind] })),
);

describe("reachWhere: each entity, each reach", () => {
  it.each(cases)("$entity / $kind", ({ entity, kind, where }) => {
    const result = reachWhere(entity, reachesByKind[kind]);
    if (where === "-") expect(result).toBe(NOTHING);
    else expect(result).toEqual(where);
  });

  it("nobody's reach finds nothing, for every entity", () => {
    for (const entity of entities) expect(reachWhere(entity, null)).toBe(NOTHING);
  });

  it("a chosen district narrows a city-wide reach to the entity's district, and never moves a district reach", () => {
    const city = reachWhere("Objection", { kind: "city" }, { districtCode: B });
    expect(city).toEqual({ batch: { districtCode: B } });
    expect(reachWhere("SharedDataImportBatch", { kind: "all" }, { districtCode: B })).toEqual({ importedBy: { districtCode: B } });
    expect(reachWhere("Appeal", reachesByKind.district, { districtCode: B })).toEqual({ application: { districtCode: A } });
    expect(reachWhere("Application", reachesByKind.own, { districtCode: B })).toEqual({ applicantUserId: "u1" });
    expect(reachWhere("Application", { kind: "city" }, { districtCode: null })).toEqual({});
  });

  it("personal: only what the actor holds in person, never what they handle in office", () => {
    expect(reachWhere("Application", reachesByKind.own, { personal: true })).toEqual({ applicantUserId: "u1" });
    expect(reachWhere("Lease", reachesByKind.household, { personal: true })).toEqual({ applicationId: "app1" });
    for (const kind of ["district", "estates", "city", "all"] as const) {
      expect(reachWhere("Application", reachesByKind[kind], { personal: true })).toBe(NOTHING);
      expect(reachWhere("Lease", reachesByKind[kind], { personal: true })).toBe(NOTHING);
    }
  });
});

describe("scopeWhere: the actor and the permission table", () => {
  const applicant: Actor = { id: "u-app", role: "APPLICANT", districtCode: null };
  const officerA: Actor = { id: "u-a", role: "DISTRICT_OFFICER", districtCode: A };
  const officerB: Actor = { id: "u-b", role: "DISTRICT_OFFICER", districtCode: B };
  const municipal: Actor = { id: "u-m", role: "MUNICIPAL_OFFICER", districtCode: null };
  const admin: Actor = { id: "u-x", role: "ADMIN", districtCode: null };

  it("an officer of another district is confined to theirs on every entity", () => {
    expect(scopeWhere(officerB, "review:read", "Application", { districtCode: A })).toEqual({ districtCode: B });
    expect(scopeWhere(officerB, "publicity:manage", "Objection")).toEqual({ batch: { districtCode: B } });
    expect(scopeWhere(officerB, "sharedData:import", "SharedDataImportBatch")).toEqual({ importedBy: { districtCode: B } });
    expect(scopeWhere(officerB, "rectification:read", "ReviewAudit")).toEqual({ districtCode: B });
    expect(scopeWhere(officerB, "recheck:manage", "AnnualRecheck")).toEqual({ districtCode: B });
    expect(scopeWhere(officerA, "application:read", "District")).toEqual({ code: A });
  });

  it("roles without the permission get NOTHING", () => {
    expect(scopeWhere(officerA, "appeal:decide", "Appeal")).toBe(NOTHING);
    expect(scopeWhere(admin, "review:read", "Application")).toBe(NOTHING);
    expect(scopeWhere(applicant, "publicity:manage", "PublicityBatch")).toBe(NOTHING);
    expect(scopeWhere(null, "application:read", "Application")).toBe(NOTHING);
  });

  it("an own reach finds only what states an owner", () => {
    expect(scopeWhere(applicant, "application:read", "Document")).toEqual({ application: { applicantUserId: "u-app" } });
    expect(scopeWhere(applicant, "application:read", "District")).toBe(NOTHING);
  });

  it("city-wide roles see every record, or the district they chose", () => {
    expect(scopeWhere(municipal, "appeal:decide", "Appeal")).toEqual({});
    expect(scopeWhere(municipal, "appeal:decide", "Appeal", { districtCode: B })).toEqual({ application: { districtCode: B } });
    expect(scopeWhere(admin, "district:read", "District")).toEqual({});
  });

  it("the applicant's own pages: own records for applicants, nothing for officers", () => {
    expect(scopeWhere(applicant, "application:read", "Application", { personal: true })).toEqual({ applicantUserId: "u-app" });
    expect(scopeWhere(officerA, "application:read", "Application", { personal: true })).toBe(NOTHING);
    expect(scopeWhere(municipal, "application:read", "Application", { personal: true })).toBe(NOTHING);
  });
});
