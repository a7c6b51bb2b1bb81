import type { Fen, ISODate } from "./types";

export type Relationship = "APPLICANT" | "SPOUSE" | "CHILD" | "PARENT" | "SPOUSE_PARENT" | "OTHER_DEPENDENT";
export type PriorityCategory = "MINIMUM_LIVING" | "EXTREME_POVERTY" | "MARGINAL_LOW_INCOME" | "SPECIAL_CARE";
export type EmploymentBasis = "LABOR_CONTRACT" | "BUSINESS_LICENSE" | "PENSION" | "MIGRANT_SOCIAL_INSURANCE" | "NONE";

export const RELATIONSHIPS: readonly Relationship[] = ["APPLICANT", "SPOUSE", "CHILD", "PARENT", "SPOUSE_PARENT", "OTHER_DEPENDENT"];
export const PRIORITY_CATEGORIES: readonly PriorityCategory[] = ["MINIMUM_LIVING", "EXTREME_POVERTY", "MARGINAL_LOW_INCOME", "SPECIAL_CARE"];
export const EMPLOYMENT_BASES: readonly EmploymentBasis[] = ["LABOR_CONTRACT", "BUSINESS_LICENSE", "PENSION", "MIGRANT_SOCIAL_INSURANCE", "NONE"];

export interface HouseholdMember {
  relationship: Relationship; // exactly one APPLICANT, at most one SPOUSE
  sex: "M" | "F";
  birthDate: ISODate;
  fullCivilCapacity: boolean;
  annualIncomeFen: Fen;
}

export interface EligibilityInput {
  applicationDate: ISODate;
  members: HouseholdMember[];
  employment: EmploymentBasis; // the applicant's basis in Chongqing (Art. 13.3)
  ownsUrbanHousingInCity: boolean;
  housingFloorAreaM2: number; // total floor area the household owns in the city; 0 if none
  lastHousingTransferDate: ISODate | null; // latest sale or transfer of housing by any member
  familyCanSupportHousing: boolean; // Art. 13.6
  priorityCategories: PriorityCategory[];
  referenceIncomeFen: Fen; // R: previous-year urban per-capita disposable income, per year
  bannedUntil: ISODate | null; // Art. 40: may apply again from this date on
  memberAlreadyHoused: boolean; // a member is on another open application or lease (Art. 12)
}

export type IneligibilityCode =
  | "INVALID_HOUSEHOLD"
  | "UNDER_18"
  | "NO_FULL_CIVIL_CAPACITY"
  | "NO_STABLE_EMPLOYMENT"
  | "INCOME_ABOVE_LIMIT"
  | "ADEQUATE_HOUSING"
  | "RECENT_HOUSING_TRANSFER"
  | "FAMILY_CAN_SUPPORT"
  | "BANNED"
  | "ALREADY_HOUSED";

/** Values an explanation names (amounts in fen, dates as ISO dates). */
export type ReasonParams = Record<string, string | number>;

export interface EligibilityReason {
  code: IneligibilityCode;
  article: string;
  message: string;
  /** The figures behind the message, for re-wording it in another language. */
  params?: ReasonParams;
}

export interface EligibilityResult {
  eligible: boolean;
  reasons: EligibilityReason[]; // every condition that fails; empty iff eligible
  householdSize: number;
  perCapitaIncomeFen: number; // total annual income / household size, unrounded
  incomeLimitFen: number; // the per-capita limit that applied (R, 1.1 R or 1.2 R), unrounded
}
