import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { residentId } from "@/tests/support/resident-id";
import { applicationInputSchema, householdStepSchema, housingStepSchema, issuePath, missingDocumentGroups, stepOfPath, V, workStepSchema } from "./schemas";

const base = {
  districtCode: "500103",
  estateLevel: "MUNICIPAL",
  applicant: {
    name: "张三",
    residentId: residentId({ birthDate: "1990-01-01", sequence: 11 }),
    maritalStatus: "MARRIED",
    fullCivilCapacity: true,
    employment: "LABOR_CONTRACT",
    employerName: "某公司",
    workDistrictCode: "500103",
    annualIncomeFen: 100,
  },
  members: [{ name: "李四", residentId: residentId({ birthDate: "1991-01-01", sequence: 12 }), relationship: "SPOUSE", fullCivilCapacity: true, annualIncomeFen: 0 }],
  housing: { ownsUrbanHousingInCity: false, housingFloorAreaM2: 0, lastHousingTransferDate: null },
  familyCanSupportHousing: false,
  preferences: { estateCodes: ["YZ-001"], unitType: "ONE_BEDROOM" },
  consentToVerification: true,
  declarationTrue: true,
};

function pathsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${issuePath(i.path)}:${i.message.split(".").pop()}`);
}

describe("the application schema", () => {
  it("accepts a valid household and normalises it", () => {
    const lower = { ...base, applicant: { ...base.applicant, residentId: base.applicant.residentId.toLowerCase() }, priorityCategories: ["SPECIAL_CARE", "SPECIAL_CARE"] };
    const parsed = applicationInputSchema.parse(lower);
    expect(parsed.priorityCategories).toEqual(["SPECIAL_CARE"]);
    expect(parsed.receivesRentalSubsidy).toBe(false);
    expect(parsed.applicant.isMigrantWorker).toBe(false);
  });

  it("never asks for sex or birth date: they come from the ID", () => {
    expect(Object.keys(applicationInputSchema.parse(base).applicant)).not.toContain("sex");
    expect(Object.keys(applicationInputSchema.parse(base).applicant)).not.toContain("birthDate");
  });

  it("reports household rules and field errors together", () => {
    const result = applicationInputSchema.safeParse({
      ...base,
      applicant: { ...base.applicant, maritalStatus: "UNMARRIED", residentId: "500103199001011234" },
      preferences: { estateCodes: ["YZ-001"], unitType: "THREE_BEDROOM" },
      consentToVerification: false,
    });
    expect(pathsOf(result).sort()).toEqual(["applicant.maritalStatus:spouseRequiresMarried", "applicant.residentId:residentIdInvalid", "consentToVerification:consentRequired"]);
  });

  it("says one thing per resident ID: an empty one is required, not also invalid", () => {
    const household = (residentId: string) =>
      householdStepSchema.safeParse({
        applicant: { name: "张伟", residentId, maritalStatus: "UNMARRIED", fullCivilCapacity: true, annualIncomeYuan: "1000" },
        members: [],
      });
    expect(pathsOf(household("")).filter((p) => p.startsWith("applicant.residentId"))).toEqual(["applicant.residentId:residentIdRequired"]);
    expect(pathsOf(household("   ")).filter((p) => p.startsWith("applicant.residentId"))).toEqual(["applicant.residentId:residentIdRequired"]);
    expect(pathsOf(household("500103199001011234")).filter((p) => p.startsWith("applicant.residentId"))).toEqual(["applicant.residentId:residentIdInvalid"]);
  });

  it("checks the unit type against the household by Art. 21", () => {
    expect(pathsOf(applicationInputSchema.safeParse({ ...base, preferences: { estateCodes: ["YZ-001"], unitType: "TWO_BEDROOM" } }))).toEqual([
      "preferences.unitType:unitTypeTooLarge",
    ]);
    expect(applicationInputSchema.safeParse({ ...base, members: [], applicant: { ...base.applicant, maritalStatus: "UNMARRIED" }, preferences: { estateCodes: ["YZ-001"], unitType: "STUDIO" } }).success).toBe(true);
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ applicant: fc.jsonValue(), members: fc.jsonValue(), housing: fc.jsonValue(), preferences: fc.jsonValue() })), (value) => {
        expect(() => applicationInputSchema.safeParse(value)).not.toThrow();
        expect(() => householdStepSchema.safeParse(value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe("the form's steps", () => {
  const person = { name: "张三", residentId: residentId({ birthDate: "1990-01-01", sequence: 11 }), maritalStatus: "UNMARRIED", fullCivilCapacity: true };
  const spouse = { name: "李四", residentId: residentId({ birthDate: "1991-01-01", sequence: 12 }), relationship: "SPOUSE", maritalStatus: "MARRIED", fullCivilCapacity: true };

  it("takes incomes typed in yuan and puts out fen, under a name that says so", () => {
    const parsed = householdStepSchema.parse({
      applicant: { ...person, maritalStatus: "MARRIED", annualIncomeYuan: "52,384.07" },
      members: [{ ...spouse, annualIncomeYuan: "１２００" }],
    });
    expect(parsed.applicant.annualIncomeFen).toBe(5_238_407);
    expect(parsed.members[0]!.annualIncomeFen).toBe(120_000);
    expect(parsed.applicant).not.toHaveProperty("annualIncomeYuan");
  });

  // The reported defect: 100 trillion yuan was told "enter an amount of 0 or more" (invalid).
  it.each([
    ["99999999999999", "incomeTooLarge"],
    ["20000000.01", "incomeTooLarge"],
    ["1,000,000,000,000,000,000,000", "incomeTooLarge"],
    ["20000000", null],
    ["1.234", "incomeInvalid"],
    ["-5", "incomeInvalid"],
    ["12,34", "incomeInvalid"],
    ["五万", "incomeInvalid"],
    ["1e9", "incomeInvalid"],
    [" ", "incomeRequired"],
  ])("says what is wrong with the income %j, for the applicant and for a member", (text, key) => {
    const result = householdStepSchema.safeParse({
      applicant: { ...person, maritalStatus: "MARRIED", annualIncomeYuan: text },
      members: [{ ...spouse, annualIncomeYuan: text }],
    });
    expect(pathsOf(result)).toEqual(key ? [`applicant.annualIncomeYuan:${key}`, `members.0.annualIncomeYuan:${key}`] : []);
  });

  it.each([
    ["100000.01", "areaTooLarge"],
    ["99999999999999999999", "areaTooLarge"],
    ["100000", null],
    ["45.678", "areaInvalid"],
    ["-45", "areaInvalid"],
    ["四十五", "areaInvalid"],
  ])("says what is wrong with the floor area %j", (text, key) => {
    const result = housingStepSchema.safeParse({ ownsUrbanHousingInCity: true, housingFloorAreaM2: text, familyCanSupportHousing: false });
    expect(pathsOf(result)).toEqual(key ? [`housingFloorAreaM2:${key}`] : []);
  });

  it.each([
    [2_000_000_001, "incomeTooLarge"],
    [1e20, "incomeTooLarge"],
    [100.5, "incomeInvalid"],
    [-1, "incomeInvalid"],
    [Number.NaN, "incomeRequired"],
  ])("says what is wrong with the intake API's income of %d fen, once", (fen, key) => {
    expect(pathsOf(applicationInputSchema.safeParse({ ...base, applicant: { ...base.applicant, annualIncomeFen: fen } }))).toEqual([`applicant.annualIncomeFen:${key}`]);
  });

  it.each([
    [100_000.01, "areaTooLarge"],
    [1e300, "areaTooLarge"],
    [30.125, "areaInvalid"],
    [-1, "areaInvalid"],
  ])("says what is wrong with the intake API's floor area of %d m²", (m2, key) => {
    const housing = { ownsUrbanHousingInCity: true, housingFloorAreaM2: m2, lastHousingTransferDate: null };
    expect(pathsOf(applicationInputSchema.safeParse({ ...base, housing }))).toEqual([`housing.housingFloorAreaM2:${key}`]);
  });

  it("names the employer and work district when the basis needs them", () => {
    expect(pathsOf(workStepSchema.safeParse({ employment: "LABOR_CONTRACT", employerName: " ", workDistrictCode: "" })).sort()).toEqual([
      "employerName:employerRequired",
      "workDistrictCode:workDistrictRequired",
    ]);
    expect(workStepSchema.safeParse({ employment: "NONE" }).success).toBe(true);
    expect(workStepSchema.safeParse({ employment: "PENSION", workDistrictCode: "500103" }).success).toBe(true);
  });

  it("takes floor areas typed in m² and puts out dm², under a name that says so", () => {
    const parsed = housingStepSchema.parse({ ownsUrbanHousingInCity: true, housingFloorAreaM2: "45.6", familyCanSupportHousing: false });
    expect(parsed.housingFloorAreaDm2).toBe(4560);
    expect(parsed).not.toHaveProperty("housingFloorAreaM2");
    expect(pathsOf(housingStepSchema.safeParse({ ownsUrbanHousingInCity: true, housingFloorAreaM2: "", familyCanSupportHousing: false }))).toEqual([
      "housingFloorAreaM2:areaRequired",
    ]);
  });

  it("sends each field back to its step", () => {
    expect(stepOfPath("members.2.residentId")).toBe("household");
    expect(stepOfPath("applicant.annualIncomeFen")).toBe("household");
    expect(stepOfPath("applicant.workDistrictCode")).toBe("work");
    expect(stepOfPath("housing.lastHousingTransferDate")).toBe("housing");
    expect(stepOfPath("priorityCategories.0")).toBe("housing");
    expect(stepOfPath("preferences.estateCodes.1")).toBe("where");
    expect(stepOfPath("consentToVerification")).toBe("review");
  });

  it("knows which documents Art. 16 asks for", () => {
    expect(missingDocumentGroups("LABOR_CONTRACT", [])).toEqual([["ID_CARD"], ["HOUSEHOLD_REGISTER", "RESIDENCE_PERMIT"], ["MARITAL_STATUS"], ["LABOR_CONTRACT"]]);
    expect(missingDocumentGroups("PENSION", ["ID_CARD", "RESIDENCE_PERMIT", "MARITAL_STATUS"])).toEqual([]);
    expect(V.alreadyHoused).toBe("applications.validation.alreadyHoused");
  });
});

describe("groupIssues", () => {
  it("groups messages by field, with form-wide issues under _form", async () => {
    const { groupIssues } = await import("./schemas");
    const issues = [
      { path: ["members", 0, "residentId"], message: "a" },
      { path: ["members", 0, "residentId"], message: "b" },
      { path: [], message: "c" },
    ];
    const upper = (key: string) => key.toUpperCase();
    expect(groupIssues(issues, upper)).toEqual({ "members.0.residentId": ["A", "B"], _form: ["C"] });
    expect(groupIssues(issues, upper, (p) => p.split(".")[0] ?? "")).toEqual({ members: ["A", "B"], _form: ["C"] });
  });
});
