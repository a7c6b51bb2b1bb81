import { describe, expect, it } from "vitest";
import { classifyIncome, compareEmployment, compareHouseholdData, recordedIncomeOf, sameEmployer, type DeclaredHousehold, type PersonRecords } from "./compare";
import type { SharedDataSourceCode } from "./layouts";

const A = "500103198506120018"; // applicant
const S = "500103198709230022"; // spouse
const C = "50010620100301003X"; // child

function household(overrides: Partial<DeclaredHousehold> = {}): DeclaredHousehold {
  return {
    onDate: "2026-06-01",
    employment: "LABOR_CONTRACT",
    employerName: "重庆山城科技有限公司",
    ownsUrbanHousingInCity: false,
    housingFloorAreaDm2: 0,
    lastHousingTransferDate: null,
    priorityCategories: [],
    members: [
      { id: "m1", name: "张伟", relationship: "APPLICANT", residentId: A, annualIncomeFen: 6_000_000 },
      { id: "m2", name: "李娜", relationship: "SPOUSE", residentId: S, annualIncomeFen: 3_000_000 },
      { id: "m3", name: "张小明", relationship: "CHILD", residentId: C, annualIncomeFen: 0 },
    ],
    ...overrides,
  };
}

const ALL: ReadonlySet<SharedDataSourceCode> = new Set(["SOCIAL_INSURANCE", "HOUSING_FUND", "TAX", "REAL_ESTATE", "CIVIL_AFFAIRS"]);
const tax = (year: number, fen: number) => ({ residentId: "x", name: "x", year, annualIncomeFen: fen });
const si = (overrides: Record<string, unknown> = {}) => ({
  residentId: "x",
  name: "x",
  employerName: "重庆山城科技有限公司",
  region: "重庆市渝中区",
  status: "ACTIVE" as const,
  ...overrides,
});
const src = <T>(rows: T[], asOf = "2026-03-01") => ({ asOf, batchId: "b1", rows });

describe("income (Art. 18)", () => {
  it("tolerance: more than 1,200 yuan AND more than 10 % of the declared income", () => {
    const rec = (fen: number) => ({ source: "TAX" as const, fen, year: 2025, asOf: "2026-03-01" });
    expect(classifyIncome(6_000_000, rec(6_600_000))).toBe("MATCH"); // exactly 10 %
    expect(classifyIncome(6_000_000, rec(6_600_001))).toBe("HIGHER_THAN_DECLARED");
    expect(classifyIncome(6_000_000, rec(5_399_999))).toBe("LOWER_THAN_DECLARED");
    expect(classifyIncome(500_000, rec(620_000))).toBe("MATCH"); // 24 % but only 1,200 yuan
    expect(classifyIncome(500_000, rec(620_001))).toBe("HIGHER_THAN_DECLARED");
    expect(classifyIncome(0, rec(120_001))).toBe("HIGHER_THAN_DECLARED");
    expect(classifyIncome(3_000_000, null)).toBe("NO_RECORD_CERTIFICATE_NEEDED");
    expect(classifyIncome(0, null)).toBe("NO_RECORD");
  });

  it("takes the latest tax year's total, else social-insurance wages", () => {
    expect(recordedIncomeOf({ TAX: src([tax(2024, 100), tax(2025, 200), tax(2025, 300)]) })).toMatchObject({ source: "TAX", fen: 500, year: 2025 });
    expect(recordedIncomeOf({ SOCIAL_INSURANCE: src([si({ annualWageFen: 700, year: 2025 }), si({ annualWageFen: 100, year: 2024 })]) })).toMatchObject({
      source: "SOCIAL_INSURANCE",
      fen: 700,
      year: 2025,
    });
    expect(recordedIncomeOf({ SOCIAL_INSURANCE: src([si()]) })).toBeNull();
    expect(recordedIncomeOf(undefined)).toBeNull();
  });

  it("flags each member; a member with no record and no declared income needs nothing", () => {
    const records = new Map<string, PersonRecords>([
      [A, { TAX: src([tax(2025, 9_000_000)]), SOCIAL_INSURANCE: src([si()]) }],
      [S, {}],
    ]);
    const result = compareHouseholdData({ household: household(), records, availableSources: ALL });
    expect(result.members.map((m) => m.incomeStatus)).toEqual(["HIGHER_THAN_DECLARED", "NO_RECORD_CERTIFICATE_NEEDED", "NO_RECORD"]);
    expect(result.members[0]!.incomeDifferenceFen).toBe(3_000_000);
    expect(result.flags).toEqual(
      expect.arrayContaining([
        { area: "income", code: "HIGHER_THAN_DECLARED", severity: "mismatch", memberId: "m1" },
        { area: "income", code: "NO_RECORD_CERTIFICATE_NEEDED", severity: "info", memberId: "m2" },
      ]),
    );
    expect(result.hasMismatch).toBe(true);
    expect(result.members[0]!.maskedResidentId).toBe("500103********0018");
  });
});

describe("property (Art. 13.5)", () => {
  const held = (address: string, areaDm2: number, use?: string) => ({ residentId: "x", name: "x", address, areaDm2, status: "HELD" as const, use });
  const sold = (address: string, transferredOn: string) => ({ residentId: "x", name: "x", address, areaDm2: 5000, status: "TRANSFERRED" as const, transferredOn });

  it("flags undeclared housing, counting a co-owned home once and ignoring parking spaces", () => {
    const records = new Map<string, PersonRecords>([
      [A, { REAL_ESTATE: src([held("重庆市渝中区1号", 8950), held("重庆市渝中区车库", 1200, "车位")]) }],
      [S, { REAL_ESTATE: src([held("重庆市渝中区 1号", 8950)]) }],
    ]);
    const r = compareHouseholdData({ household: household(), records, availableSources: ALL });
    expect(r.property.recordedAreaDm2).toBe(8950);
    expect(r.property.holdings).toHaveLength(1);
    expect(r.property.flags).toEqual(["UNDECLARED_HOUSING"]);
  });

  it("compares declared and recorded areas within 1 m2", () => {
    const records = new Map<string, PersonRecords>([[A, { REAL_ESTATE: src([held("a", 4000)]) }]]);
    const within = compareHouseholdData({ household: household({ ownsUrbanHousingInCity: true, housingFloorAreaDm2: 3900 }), records, availableSources: ALL });
    expect(within.property.flags).toEqual([]);
    const beyond = compareHouseholdData({ household: household({ ownsUrbanHousingInCity: true, housingFloorAreaDm2: 3899 }), records, availableSources: ALL });
    expect(beyond.property.flags).toEqual(["AREA_MISMATCH"]);
    const none = compareHouseholdData({ household: household({ ownsUrbanHousingInCity: true, housingFloorAreaDm2: 3000 }), records: new Map(), availableSources: ALL });
    expect(none.property.flags).toEqual(["DECLARED_HOUSING_NOT_FOUND"]);
    const noData = compareHouseholdData({ household: household({ ownsUrbanHousingInCity: true, housingFloorAreaDm2: 3000 }), records: new Map(), availableSources: new Set() });
    expect(noData.property.flags).toEqual([]);
  });

  it("flags a transfer in the three years before the date that was not declared (lib/rules window)", () => {
    const records = new Map<string, PersonRecords>([[S, { REAL_ESTATE: src([sold("b", "2023-06-02"), sold("c", "2020-01-01")]) }]]);
    const r = compareHouseholdData({ household: household(), records, availableSources: ALL });
    expect(r.property.transfers.map((t) => [t.transferredOn, t.isRecent])).toEqual([
      ["2023-06-02", true],
      ["2020-01-01", false],
    ]);
    expect(r.property.latestTransferDate).toBe("2023-06-02");
    expect(r.property.flags).toEqual(["UNDECLARED_RECENT_TRANSFER"]);
    // Exactly three years before: no longer recent.
    const old = compareHouseholdData({ household: household(), records: new Map([[S, { REAL_ESTATE: src([sold("b", "2023-06-01")]) }]]), availableSources: ALL });
    expect(old.property.flags).toEqual([]);
    // Declared: no flag.
    const declared = compareHouseholdData({ household: household({ lastHousingTransferDate: "2023-06-02" }), records, availableSources: ALL });
    expect(declared.property.flags).toEqual([]);
  });
});

describe("employment (Art. 13.3)", () => {
  const rec = (overrides: Partial<{ source: "SOCIAL_INSURANCE" | "HOUSING_FUND"; employerName: string | null; status: string; isChongqing: boolean; isActive: boolean }>) => ({
    source: "SOCIAL_INSURANCE" as const,
    employerName: "重庆山城科技有限公司",
    region: "重庆市",
    status: "ACTIVE",
    isChongqing: true,
    isActive: true,
    ...overrides,
  });
  it("labour contract: an active Chongqing record of the declared employer", () => {
    expect(compareEmployment("LABOR_CONTRACT", "重庆山城科技有限公司", [rec({})], ALL)).toBe("CONFIRMED");
    expect(compareEmployment("LABOR_CONTRACT", "山城科技", [rec({})], ALL)).toBe("CONFIRMED");
    expect(compareEmployment("LABOR_CONTRACT", "重庆另一家公司", [rec({})], ALL)).toBe("EMPLOYER_MISMATCH");
    expect(compareEmployment("LABOR_CONTRACT", "x", [rec({ source: "HOUSING_FUND", employerName: "x" })], ALL)).toBe("CONFIRMED");
    expect(compareEmployment("LABOR_CONTRACT", "x", [rec({ isChongqing: false })], ALL)).toBe("NOT_IN_CHONGQING");
    expect(compareEmployment("LABOR_CONTRACT", "x", [rec({ isActive: false, status: "TERMINATED" })], ALL)).toBe("NOT_ACTIVE");
    expect(compareEmployment("LABOR_CONTRACT", "x", [], ALL)).toBe("NO_RECORD");
    expect(compareEmployment("LABOR_CONTRACT", "x", [], new Set())).toBe("NO_DATA");
  });
  it("migrant workers need social insurance; pensions a retired record; licences cannot be verified", () => {
    expect(compareEmployment("MIGRANT_SOCIAL_INSURANCE", null, [rec({ source: "HOUSING_FUND" })], ALL)).toBe("NO_RECORD");
    expect(compareEmployment("MIGRANT_SOCIAL_INSURANCE", null, [rec({ employerName: null })], ALL)).toBe("CONFIRMED");
    expect(compareEmployment("PENSION", null, [rec({ status: "RETIRED", isActive: false })], ALL)).toBe("CONFIRMED");
    expect(compareEmployment("PENSION", null, [rec({})], ALL)).toBe("PENSION_NOT_FOUND");
    expect(compareEmployment("BUSINESS_LICENSE", null, [], ALL)).toBe("NOT_VERIFIABLE");
    expect(compareEmployment("NONE", null, [], ALL)).toBe("NOT_APPLICABLE");
  });
  it("compares employer names loosely", () => {
    expect(sameEmployer("重庆山城科技（集团）有限公司", "重庆山城科技(集团)有限公司")).toBe(true);
    expect(sameEmployer("", "x")).toBe(false);
  });
  it("looks at the applicant only", () => {
    const records = new Map<string, PersonRecords>([[S, { SOCIAL_INSURANCE: src([si()]) }]]);
    const r = compareHouseholdData({ household: household(), records, availableSources: ALL });
    expect(r.employment.status).toBe("NO_RECORD");
    expect(r.flags).toContainEqual({ area: "employment", code: "NO_RECORD", severity: "mismatch", memberId: "m1" });
  });
});

describe("priority status (Art. 14, 22)", () => {
  const cert = (category: string, overrides: Record<string, unknown> = {}) => ({ residentId: "x", name: "x", category, ...overrides });
  it("declared categories against valid certifications of any member", () => {
    const records = new Map<string, PersonRecords>([
      [A, { CIVIL_AFFAIRS: src([cert("MINIMUM_LIVING", { validUntil: "2026-12-31" }) as never]) }],
      [S, { CIVIL_AFFAIRS: src([cert("SPECIAL_CARE", { status: "REVOKED" }) as never, cert("MARGINAL_LOW_INCOME", { validUntil: "2026-05-31" }) as never]) }],
      [C, { CIVIL_AFFAIRS: src([cert("EXTREME_POVERTY") as never]) }],
    ]);
    const r = compareHouseholdData({
      household: household({ priorityCategories: ["MINIMUM_LIVING", "SPECIAL_CARE", "MARGINAL_LOW_INCOME"] }),
      records,
      availableSources: ALL,
    });
    expect(r.priority.items).toEqual([
      { category: "MINIMUM_LIVING", status: "CERTIFIED" },
      { category: "SPECIAL_CARE", status: "CERTIFICATION_LAPSED" },
      { category: "MARGINAL_LOW_INCOME", status: "CERTIFICATION_LAPSED" },
      { category: "EXTREME_POVERTY", status: "CERTIFIED_NOT_DECLARED" },
    ]);
    const none = compareHouseholdData({ household: household({ priorityCategories: ["SPECIAL_CARE"] }), records: new Map(), availableSources: ALL });
    expect(none.priority.items).toEqual([{ category: "SPECIAL_CARE", status: "DECLARED_NOT_CERTIFIED" }]);
    const noData = compareHouseholdData({ household: household({ priorityCategories: ["SPECIAL_CARE"] }), records: new Map(), availableSources: new Set() });
    expect(noData.priority.items).toEqual([{ category: "SPECIAL_CARE", status: "NO_DATA" }]);
    expect(noData.hasMismatch).toBe(false);
  });
});
