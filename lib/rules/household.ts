import type { EmploymentBasis, Relationship } from "./eligibility-types";

// What a household's application must say about itself before anything is assessed: who is in
// it (Art. 12) and on what basis the applicant works where (Art. 13.3, 15), and the housing it
// declares (Art. 13.5). These take what a form holds, so any field may still be missing or
// invalid: they judge only what can be judged and never throw. The form schemas map each issue
// to its field; assessEligibility reports the same Art. 12 make-up as INVALID_HOUSEHOLD.

export type HouseholdIssueCode =
  /** Art. 12: one person twice in the household. */
  | "DUPLICATE_PERSON"
  /** Art. 12: the applicant is the applicant, not also a member. */
  | "APPLICANT_AMONG_MEMBERS"
  /** Art. 12: at most one spouse. */
  | "MORE_THAN_ONE_SPOUSE"
  /** Art. 12: a spouse in the household means a married applicant. */
  | "SPOUSE_NEEDS_MARRIED_APPLICANT"
  /** Art. 13.3: a labour contract or business licence names the Chongqing employer or business. */
  | "EMPLOYER_REQUIRED"
  /** Art. 15: anyone with a work basis says in which district they work. */
  | "WORK_DISTRICT_REQUIRED"
  /** Art. 13.5: a floor area only with housing owned in the city. */
  | "AREA_WITHOUT_HOUSING"
  /** Art. 13.5: owned housing has a floor area. */
  | "AREA_REQUIRED";

export interface HouseholdIssue {
  code: HouseholdIssueCode;
  article: "12" | "13.3" | "13.5" | "15";
  /** Whose field: the applicant, or the co-member at this index. */
  who: "applicant" | number | "housing";
}

export const MARITAL_STATUSES = ["UNMARRIED", "MARRIED", "DIVORCED", "WIDOWED"] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

/** Applicants whose employer or business must be named (Art. 13.3). */
export const EMPLOYMENTS_NEEDING_EMPLOYER: readonly EmploymentBasis[] = ["LABOR_CONTRACT", "BUSINESS_LICENSE"];

export interface HouseholdDeclaration {
  applicant?: { residentId?: unknown; maritalStatus?: unknown; employment?: unknown; employerName?: unknown; workDistrictCode?: unknown };
  members?: ReadonlyArray<{ residentId?: unknown; relationship?: unknown } | null | undefined>;
  housing?: { ownsUrbanHousingInCity?: unknown; floorAreaDm2?: unknown };
}

/** Art. 12: who may be in one household's application. */
export function householdMakeupIssues(data: Pick<HouseholdDeclaration, "applicant" | "members">): HouseholdIssue[] {
  const issues: HouseholdIssue[] = [];
  const seen = new Set<string>();
  if (typeof data.applicant?.residentId === "string" && data.applicant.residentId !== "") seen.add(data.applicant.residentId.toUpperCase());
  const members = data.members ?? [];
  let spouses = 0;
  members.forEach((m, i) => {
    if (typeof m?.residentId === "string" && m.residentId !== "") {
      const id = m.residentId.toUpperCase();
      if (seen.has(id)) issues.push({ code: "DUPLICATE_PERSON", article: "12", who: i });
      else seen.add(id);
    }
  });
  members.forEach((m, i) => {
    const relationship = m?.relationship as Relationship | undefined;
    if (relationship === "APPLICANT") issues.push({ code: "APPLICANT_AMONG_MEMBERS", article: "12", who: i });
    if (relationship === "SPOUSE" && ++spouses > 1) issues.push({ code: "MORE_THAN_ONE_SPOUSE", article: "12", who: i });
  });
  const marital = data.applicant?.maritalStatus;
  if (spouses > 0 && (MARITAL_STATUSES as readonly unknown[]).includes(marital) && marital !== "MARRIED") {
    issues.push({ code: "SPOUSE_NEEDS_MARRIED_APPLICANT", article: "12", who: "applicant" });
  }
  return issues;
}

/** Art. 13.3 and 15: the applicant's work basis names the employer and the work district. */
export function employmentDeclarationIssues(applicant: HouseholdDeclaration["applicant"]): HouseholdIssue[] {
  if (!applicant) return [];
  const issues: HouseholdIssue[] = [];
  const employment = applicant.employment;
  if ((EMPLOYMENTS_NEEDING_EMPLOYER as readonly unknown[]).includes(employment) && !applicant.employerName) {
    issues.push({ code: "EMPLOYER_REQUIRED", article: "13.3", who: "applicant" });
  }
  if (typeof employment === "string" && employment !== "NONE" && !applicant.workDistrictCode) {
    issues.push({ code: "WORK_DISTRICT_REQUIRED", article: "15", who: "applicant" });
  }
  return issues;
}

/** Art. 13.5: a floor area is declared exactly when the household owns urban housing in the city. */
export function housingDeclarationIssues(housing: HouseholdDeclaration["housing"]): HouseholdIssue[] {
  if (!housing || typeof housing.floorAreaDm2 !== "number") return [];
  if (housing.ownsUrbanHousingInCity === false && housing.floorAreaDm2 !== 0) return [{ code: "AREA_WITHOUT_HOUSING", article: "13.5", who: "housing" }];
  if (housing.ownsUrbanHousingInCity === true && housing.floorAreaDm2 <= 0) return [{ code: "AREA_REQUIRED", article: "13.5", who: "housing" }];
  return [];
}

/**
 * Whether the applicant is a migrant worker (Art. 12: may apply alone; Art. 13.3: must pay social
 * insurance in Chongqing). The employment basis MIGRANT_SOCIAL_INSURANCE carries it: the portal
 * asks only that, and the stored flag follows it. The intake API keeps its optional
 * `isMigrantWorker` (its contract), so a platform's `true` is kept as declared.
 */
export function isMigrantWorker(employment: string | null | undefined, declared = false): boolean {
  return employment === "MIGRANT_SOCIAL_INSURANCE" || declared;
}

/** Every issue of a household's declaration at once (Art. 12, 13.3, 13.5, 15). */
export function householdDeclarationIssues(data: HouseholdDeclaration): HouseholdIssue[] {
  return [...householdMakeupIssues(data), ...employmentDeclarationIssues(data.applicant), ...housingDeclarationIssues(data.housing)];
}
