import { describe, expect, it } from "vitest";
import { assessEligibility } from "@/lib/rules";
import { compareHouseholdData, type PersonRecords } from "@/lib/shared-data/compare";
import type { SharedDataSourceCode } from "@/lib/shared-data/layouts";
import { buildRecheckInput, type RecheckHousehold } from "./recheck-input";

const A = "500103198506120018";
const S = "500103198709230022";
const R = 5_238_400; // 2025 reference income, fen per year
const ALL: ReadonlySet<SharedDataSourceCode> = new Set(["SOCIAL_INSURANCE", "HOUSING_FUND", "TAX", "REAL_ESTATE", "CIVIL_AFFAIRS"]);

const household: RecheckHousehold = {
  members: [
    { id: "m1", relationship: "APPLICANT", sex: "M", birthDate: "1985-06-12", fullCivilCapacity: true, annualIncomeFen: 4_000_000 },
    { id: "m2", relationship: "SPOUSE", sex: "F", birthDate: "1987-09-23", fullCivilCapacity: true, annualIncomeFen: 3_000_000 },
  ],
  employment: "LABOR_CONTRACT",
  ownsUrbanHousingInCity: false,
  housingFloorAreaDm2: 0,
  lastHousingTransferDate: null,
  familyCanSupportHousing: false,
  priorityCategories: ["MINIMUM_LIVING"],
};

function run(records: Map<string, PersonRecords>, available: ReadonlySet<SharedDataSourceCode> = ALL) {
  const comparison = compareHouseholdData({
    household: {
      onDate: "2026-11-29",
      employment: household.employment,
      employerName: null,
      ownsUrbanHousingInCity: household.ownsUrbanHousingInCity,
      housingFloorAreaDm2: household.housingFloorAreaDm2,
      lastHousingTransferDate: null,
      priorityCategories: household.priorityCategories,
      members: [
        { id: "m1", name: "张伟", relationship: "APPLICANT", residentId: A, annualIncomeFen: 4_000_000 },
        { id: "m2", name: "李娜", relationship: "SPOUSE", residentId: S, annualIncomeFen: 3_000_000 },
      ],
    },
    records,
    availableSources: available,
  });
  return buildRecheckInput({ household, comparison, referenceIncomeFen: R, checkDate: "2026-11-29", bannedUntil: null });
}

const src = <T>(rows: T[]) => ({ asOf: "2026-06-30", batchId: "b", rows });

describe("buildRecheckInput (Art. 20)", () => {
  it("without shared data the declaration stands", () => {
    const { input, changes } = run(new Map(), new Set());
    expect(changes).toEqual([]);
    expect(input.members.map((m) => m.annualIncomeFen)).toEqual([4_000_000, 3_000_000]);
    expect(input.priorityCategories).toEqual(["MINIMUM_LIVING"]);
    expect(input.memberAlreadyHoused).toBe(false);
    expect(assessEligibility(input).eligible).toBe(true);
  });

  it("replaces incomes with the records, and a lapsed certification brings the income test back (Art. 14)", () => {
    const records = new Map<string, PersonRecords>([
      [A, { TAX: src([{ residentId: A, name: "张伟", year: 2025, annualIncomeFen: 9_000_000 }]), CIVIL_AFFAIRS: src([{ residentId: A, name: "张伟", category: "MINIMUM_LIVING" as const, status: "REVOKED" as const }]) }],
    ]);
    const { input, changes } = run(records);
    expect(input.members.map((m) => m.annualIncomeFen)).toEqual([9_000_000, 3_000_000]);
    expect(input.priorityCategories).toEqual([]);
    expect(changes).toEqual([
      { kind: "income", memberId: "m1", declaredFen: 4_000_000, recordedFen: 9_000_000, source: "TAX", year: 2025 },
      { kind: "priority", category: "MINIMUM_LIVING" },
    ]);
    // (9,000,000 + 3,000,000) / 2 = 6,000,000 > 1.1 R = 5,762,240.
    const result = assessEligibility(input);
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(["INCOME_ABOVE_LIMIT"]);
  });

  it("takes housing and transfers from the real-estate register when it has been imported", () => {
    const records = new Map<string, PersonRecords>([
      [S, { REAL_ESTATE: src([
        { residentId: S, name: "李娜", address: "a", areaDm2: 9000, status: "HELD" as const },
        { residentId: S, name: "李娜", address: "b", areaDm2: 5000, status: "TRANSFERRED" as const, transferredOn: "2025-01-10" },
      ]) }],
    ]);
    const { input, changes } = run(records);
    expect(input.ownsUrbanHousingInCity).toBe(true);
    expect(input.housingFloorAreaM2).toBe(90);
    expect(input.lastHousingTransferDate).toBe("2025-01-10");
    expect(changes.map((c) => c.kind)).toEqual(["housing", "transfer"]);
    expect(assessEligibility(input).reasons.map((r) => r.code)).toEqual(["ADEQUATE_HOUSING", "RECENT_HOUSING_TRANSFER"]);
  });
});
