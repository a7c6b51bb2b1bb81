// The Measures of Chongqing Municipality for the Administration of Public Rental Housing (2024) as
// pure functions. The public API is fixed by shared/docs/rules-contract.md; more exports are
// welcome, changed ones are not. No I/O, no clock, no randomness, no framework imports here.

export type { Fen, ISODate } from "./types";

export {
  addDays,
  addMonths,
  assertISODate,
  compareISODate,
  cstDateOf,
  cstDateOfEpochMs,
  isValidISODate,
} from "./dates";

export { birthDateFromResidentId, isValidResidentId, maskName, maskPhone, maskResidentId, sexFromResidentId } from "./identity";

export type {
  EligibilityInput,
  EligibilityReason,
  EligibilityResult,
  EmploymentBasis,
  HouseholdMember,
  IneligibilityCode,
  PriorityCategory,
  ReasonParams,
  Relationship,
} from "./eligibility-types";
export { EMPLOYMENT_BASES, PRIORITY_CATEGORIES, RELATIONSHIPS } from "./eligibility-types";
export {
  ADEQUATE_FLOOR_AREA_PER_PERSON_DM2,
  ADEQUATE_FLOOR_AREA_PER_PERSON_M2,
  assessEligibility,
  eighteenthBirthday,
  isLowRentHousehold,
  isPriorityHousehold,
  transferWindowEnds,
} from "./eligibility";
export type { RulesLocale } from "./explanations";
export {
  INELIGIBILITY_ARTICLES,
  INELIGIBILITY_MESSAGES,
  INELIGIBILITY_MESSAGES_WITHOUT_FIGURES,
  articleLabel,
  explainIneligibility,
  explanationParams,
} from "./explanations";

export type { HouseholdDeclaration, HouseholdIssue, HouseholdIssueCode, MaritalStatus } from "./household";
export {
  EMPLOYMENTS_NEEDING_EMPLOYER,
  MARITAL_STATUSES,
  employmentDeclarationIssues,
  householdDeclarationIssues,
  householdMakeupIssues,
  housingDeclarationIssues,
  isMigrantWorker,
} from "./household";

export type { PublicityPeriod } from "./publicity";
export { hasPublicityEnded, isWithinPublicity, publicityEndDate, publicityPeriod } from "./publicity";

export type { AppealableStatus } from "./application-status";
export {
  APPEALABLE_STATUSES,
  CLAIMING_APPLICATION_STATUSES,
  CLOSED_APPLICATION_STATUSES,
  OCCUPYING_LEASE_STATUSES,
  claimsMembers,
  isAppealableStatus,
} from "./application-status";

export type { UploadDocumentKind } from "./documents";
export { UPLOAD_DOCUMENT_KINDS, missingDocumentGroups, requiredDocumentGroups } from "./documents";

export { REFERENCE_INCOME_MAX_AGE_YEARS, acceptableReferenceIncomeYears, referenceIncomeYear } from "./reference-income";

export type { UnitType } from "./unit-type";
export { UNIT_TYPES, allowedUnitTypes, entitledUnitType, unitTypeHouseholdSize } from "./unit-type";

export type { DeadlineKind } from "./working-days";
export {
  DEADLINE_WORKING_DAYS,
  addWorkingDays,
  calendarCoverage,
  deadlineDate,
  isWorkingDay,
  workingDaysBetween,
} from "./working-days";

export type { QueueEntry } from "./waiting-list";
export { MEASURES_EFFECTIVE_DATE, rankWaitingList } from "./waiting-list";

export type { LotteryEntrant, LotteryInput, LotteryResult } from "./lottery";
export { drawLottery, lotteryTicket, reservedPriorityUnits, seedCommitment } from "./lottery";

export {
  ARREARS_MONTHS_TO_VACATE,
  LATE_FEE_RATE_PER_DAY,
  daysLate,
  grandfatheredRentFen,
  lateFeeFen,
  maintenanceFundMinFen,
  maxStandardRentFen,
  monthlyRentFen,
  multipliedRentFen,
  rentTierFor,
  reviewedRentFen,
  roundFen,
  unitMismatchRentFen,
  vacatingRentMultiplier,
  vacatingTransitionEnds,
} from "./rent";
export type { RentTierRule } from "./rent";
export {
  RENT_REVIEW_YEARS,
  changeFractionOfBp,
  isRentReviewDue,
  rentOnBasisFen,
  rentReviewDate,
  rentTierProblems,
  reviewedTiers,
} from "./rent-standards";
export type { LeaseRentBasis, RentReviewChangesBp, RentTierProblem, RentTierProblemCode } from "./rent-standards";
export type { FeeSettlement, OpenBill, OpenLateFee, RentSettlement, Settlement } from "./settlement";
export { amountToSettleFen, settlePayment } from "./settlement";

// Whole hundredths (fen, dm²) as text and from numbers, and the one crossing between dm² and the
// m² of EligibilityInput (docs/decisions/010). Pages and forms use lib/money, built on these.
export { hundredthsText, wholeHundredths } from "./money";
export { areaDm2FromM2, areaM2FromDm2 } from "./area";

export {
  MAX_LEASE_TERM_MONTHS,
  MIN_LEASE_TERM_MONTHS,
  RENEWAL_NOTICE_MONTHS,
  isRenewalOnTime,
  isValidLeaseTermMonths,
  latestRenewalDate,
  leaseEndDate,
} from "./lease";

export type { ExchangeCheck, ExchangeCheckInput, ExchangeProblem, ExchangeReasonCode } from "./exchange";
export { MAX_ADDED_MEMBERS, checkExchangeRequest, exchangeHouseholdSize, householdBelowUnitType, unitTypeForSize } from "./exchange";
