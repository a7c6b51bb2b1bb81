import { describe, expect, it } from "vitest";
import { employmentDeclarationIssues, householdDeclarationIssues, householdMakeupIssues, housingDeclarationIssues } from "./household";

const A = "500103199005170011";
const B = "500103199205170022";
const C = "500103201505170033";

describe("householdMakeupIssues (Art. 12)", () => {
  it.each([
    ["a couple with a child", { applicant: { residentId: A, maritalStatus: "MARRIED" }, members: [{ residentId: B, relationship: "SPOUSE" }, { residentId: C, relationship: "CHILD" }] }, []],
    ["one person twice (case-insensitive X)", { applicant: { residentId: A }, members: [{ residentId: A.toLowerCase(), relationship: "CHILD" }] }, [{ code: "DUPLICATE_PERSON", article: "12", who: 0 }]],
    ["the same co-member twice", { applicant: { residentId: A }, members: [{ residentId: B, relationship: "CHILD" }, { residentId: B, relationship: "CHILD" }] }, [{ code: "DUPLICATE_PERSON", article: "12", who: 1 }]],
    ["a second applicant among the members", { applicant: { residentId: A }, members: [{ residentId: B, relationship: "APPLICANT" }] }, [{ code: "APPLICANT_AMONG_MEMBERS", article: "12", who: 0 }]],
    ["two spouses", { applicant: { residentId: A, maritalStatus: "MARRIED" }, members: [{ residentId: B, relationship: "SPOUSE" }, { residentId: C, relationship: "SPOUSE" }] }, [{ code: "MORE_THAN_ONE_SPOUSE", article: "12", who: 1 }]],
    ["a spouse of an unmarried applicant", { applicant: { residentId: A, maritalStatus: "UNMARRIED" }, members: [{ residentId: B, relationship: "SPOUSE" }] }, [{ code: "SPOUSE_NEEDS_MARRIED_APPLICANT", article: "12", who: "applicant" }]],
    ["a spouse while the marital status is not chosen yet", { applicant: { residentId: A }, members: [{ residentId: B, relationship: "SPOUSE" }] }, []],
    ["fields still empty or invalid", { applicant: { residentId: 42 }, members: [null, { residentId: "" }, {}] }, []],
  ] as const)("%s", (_label, data, expected) => {
    expect(householdMakeupIssues(data as Parameters<typeof householdMakeupIssues>[0])).toEqual(expected);
  });
});

describe("employmentDeclarationIssues (Art. 13.3, 15)", () => {
  it.each([
    ["a labour contract without the employer", { employment: "LABOR_CONTRACT", workDistrictCode: "500103" }, ["EMPLOYER_REQUIRED"]],
    ["a business licence without the business", { employment: "BUSINESS_LICENSE", workDistrictCode: "500103", employerName: "" }, ["EMPLOYER_REQUIRED"]],
    ["a pension without a district", { employment: "PENSION" }, ["WORK_DISTRICT_REQUIRED"]],
    ["migrant social insurance with its district", { employment: "MIGRANT_SOCIAL_INSURANCE", workDistrictCode: "500106" }, []],
    ["no work at all needs neither", { employment: "NONE" }, []],
    ["a complete labour contract", { employment: "LABOR_CONTRACT", employerName: "重庆某公司", workDistrictCode: "500103" }, []],
  ] as const)("%s", (_label, applicant, codes) => {
    expect(employmentDeclarationIssues(applicant).map((i) => i.code)).toEqual(codes);
  });
});

describe("housingDeclarationIssues (Art. 13.5)", () => {
  it.each([
    [false, 0, []],
    [false, 1, ["AREA_WITHOUT_HOUSING"]],
    [true, 0, ["AREA_REQUIRED"]],
    [true, 1, []],
    [true, undefined, []],
  ] as const)("owns housing %s with %s dm²", (owns, dm2, codes) => {
    expect(housingDeclarationIssues({ ownsUrbanHousingInCity: owns, floorAreaDm2: dm2 }).map((i) => i.code)).toEqual(codes);
  });

  it("householdDeclarationIssues reports every kind at once", () => {
    const issues = householdDeclarationIssues({
      applicant: { residentId: A, maritalStatus: "UNMARRIED", employment: "LABOR_CONTRACT" },
      members: [{ residentId: B, relationship: "SPOUSE" }],
      housing: { ownsUrbanHousingInCity: true, floorAreaDm2: 0 },
    });
    expect(issues.map((i) => [i.code, i.article])).toEqual([
      ["SPOUSE_NEEDS_MARRIED_APPLICANT", "12"],
      ["EMPLOYER_REQUIRED", "13.3"],
      ["WORK_DISTRICT_REQUIRED", "15"],
      ["AREA_REQUIRED", "13.5"],
    ]);
  });
});
