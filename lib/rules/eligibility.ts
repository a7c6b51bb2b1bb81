import { addDays, addMonths, daysInMonth, ymdNumber } from "./dates";
import type {
  EligibilityInput,
  EligibilityReason,
  EligibilityResult,
  IneligibilityCode,
  PriorityCategory,
  ReasonParams,
} from "./eligibility-types";
import { EMPLOYMENT_BASES, PRIORITY_CATEGORIES, RELATIONSHIPS } from "./eligibility-types";
import { INELIGIBILITY_ARTICLES, explainIneligibility } from "./explanations";
import { areaDm2FromM2, areaM2FromDm2 } from "./area";
import { isFen, roundRatioHalfUp } from "./money";
import type { ISODate } from "./types";

// Enumeration checks as switches: a million households a second cannot afford hashing.
function isRelationship(v: unknown): boolean {
  switch (v) {
    case "APPLICANT": case "SPOUSE": case "CHILD": case "PARENT": case "SPOUSE_PARENT": case "OTHER_DEPENDENT":
      return true;
    default:
      return false;
  }
}
function isEmploymentBasis(v: unknown): boolean {
  switch (v) {
    case "LABOR_CONTRACT": case "BUSINESS_LICENSE": case "PENSION": case "MIGRANT_SOCIAL_INSURANCE": case "NONE":
      return true;
    default:
      return false;
  }
}
function isPriorityCategory(v: unknown): boolean {
  switch (v) {
    case "MINIMUM_LIVING": case "EXTREME_POVERTY": case "MARGINAL_LOW_INCOME": case "SPECIAL_CARE":
      return true;
    default:
      return false;
  }
}

/** Art. 22: any certified category gives priority under equal conditions. */
export function isPriorityHousehold(categories: PriorityCategory[]): boolean {
  return categories.length > 0;
}

/** Art. 14: the household is assessed under the former low-rent rules (income and work conditions met). */
export function isLowRentHousehold(categories: PriorityCategory[]): boolean {
  for (let i = 0; i < categories.length; i++) {
    const c = categories[i];
    if (c === "MINIMUM_LIVING" || c === "EXTREME_POVERTY" || c === "MARGINAL_LOW_INCOME") return true;
  }
  return false;
}

/** Minimum floor area per person for housing to count as adequate (Art. 13.5). */
export const ADEQUATE_FLOOR_AREA_PER_PERSON_M2 = 15;
/** The same in square decimetres, the unit the comparison is made in. */
export const ADEQUATE_FLOOR_AREA_PER_PERSON_DM2 = 1500;

/**
 * Art. 13.5: area / size >= 15 m², compared in whole dm² (dm² >= 1500 x size) for any area given
 * to the hundredth, so binary noise (30.15 - 15.15 = 14.999999999999998) cannot decide it. A
 * finer figure, which no part of the portal produces, is compared as given: area >= 15 x size is
 * exact as well, 15 x size being a whole number.
 */
function hasAdequateHousing(areaM2: number, areaDm2: number | null, size: number): boolean {
  return areaDm2 !== null ? areaDm2 >= ADEQUATE_FLOOR_AREA_PER_PERSON_DM2 * size : areaM2 >= ADEQUATE_FLOOR_AREA_PER_PERSON_M2 * size;
}

/** The per-capita floor area reported with ADEQUATE_HOUSING, to the hundredth of a m², half up. */
function perCapitaAreaM2(areaM2: number, areaDm2: number | null, size: number): number {
  return areaDm2 !== null ? areaM2FromDm2(roundRatioHalfUp(areaDm2, size)) : Math.round((areaM2 / size) * 100) / 100;
}

function fail(field: string, expected: string, value: unknown): never {
  throw new RangeError(`${field} must be ${expected}, got ${JSON.stringify(value)}`);
}

function dateOrFail(value: unknown, field: string): ISODate {
  if (ymdNumber(value) < 0) fail(field, "a real calendar date 'YYYY-MM-DD' from 1900 on", value);
  return value as ISODate;
}

// Explanations without figures are the same every time: word them once.
const CONSTANT_MESSAGES = new Map<IneligibilityCode, string>(
  (["ALREADY_HOUSED", "NO_FULL_CIVIL_CAPACITY", "NO_STABLE_EMPLOYMENT", "FAMILY_CAN_SUPPORT"] as const).map((code) => [
    code,
    explainIneligibility({ code }, "zh-CN"),
  ]),
);

function reason(code: IneligibilityCode, params?: ReasonParams): EligibilityReason {
  const article = INELIGIBILITY_ARTICLES[code];
  if (!params) return { code, article, message: CONSTANT_MESSAGES.get(code) ?? explainIneligibility({ code }, "zh-CN") };
  return { code, article, message: explainIneligibility({ code, params }, "zh-CN"), params };
}

/** The 18th birthday; for a 29 February birth in a common year, 28 February (Civil Code Art. 201). */
export function eighteenthBirthday(birthDate: ISODate): ISODate {
  return addMonths(birthDate, 18 * 12, "birthDate");
}

/** Whether `onDate` falls before the 18th birthday, without building date strings (hot path). */
function isBeforeEighteenthBirthday(birthDate: ISODate, onDate: ISODate): boolean {
  const b = ymdNumber(birthDate);
  const by = Math.floor(b / 10000), bm = Math.floor(b / 100) % 100, bd = b % 100;
  const ay = by + 18;
  return ymdNumber(onDate) < ay * 10000 + bm * 100 + Math.min(bd, daysInMonth(ay, bm));
}

/** The earliest application date for which a transfer on `transferDate` is no longer recent (Art. 13.5). */
export function transferWindowEnds(transferDate: ISODate): ISODate {
  let candidate = addMonths(transferDate, 36, "lastHousingTransferDate");
  // Month-end clamping maps 29 February three years back onto 28 February: step past it.
  while (addMonths(candidate, -36) < transferDate) candidate = addDays(candidate, 1);
  return candidate;
}

/** total / size > R x tenths / 10, exactly (BigInt only when the products leave the safe range). */
function incomeAboveLimit(total: number | bigint, R: number, tenths: number, size: number): boolean {
  if (typeof total === "number") {
    const left = total * 10;
    const right = R * tenths * size;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left > right;
  }
  return BigInt(total) * 10n > BigInt(R) * BigInt(tenths) * BigInt(size);
}

/** The household's total income, exactly: as a bigint when the sum leaves the safe integer range. */
function exactTotalIncome(members: EligibilityInput["members"], sum: number): number | bigint {
  if (Number.isSafeInteger(sum)) return sum;
  let total = 0n;
  for (let i = 0; i < members.length; i++) total += BigInt(members[i]!.annualIncomeFen);
  return total;
}

/**
 * Assesses a household against Art. 12-14 and 40, reporting every condition that fails with its
 * article. Art. 14 households (低保, 特困, 低保边缘) have the income and work conditions met by
 * their certification; every other condition applies to them too.
 */
export function assessEligibility(input: EligibilityInput): EligibilityResult {
  if (input === null || typeof input !== "object") fail("input", "an object", input);
  const applicationDate = dateOrFail(input.applicationDate, "applicationDate");
  const members = input.members;
  if (!Array.isArray(members)) fail("members", "an array", members);
  if (!isEmploymentBasis(input.employment)) fail("employment", `one of ${EMPLOYMENT_BASES.join(", ")}`, input.employment);
  if (!isFen(input.referenceIncomeFen)) fail("referenceIncomeFen", "a non-negative whole number of fen", input.referenceIncomeFen);
  const area = input.housingFloorAreaM2;
  if (typeof area !== "number" || !Number.isFinite(area) || area < 0) fail("housingFloorAreaM2", "a non-negative number", area);
  const transfer = input.lastHousingTransferDate === null ? null : dateOrFail(input.lastHousingTransferDate, "lastHousingTransferDate");
  const bannedUntil = input.bannedUntil === null ? null : dateOrFail(input.bannedUntil, "bannedUntil");
  const categories = input.priorityCategories;
  if (!Array.isArray(categories)) fail("priorityCategories", "an array", categories);
  for (let i = 0; i < categories.length; i++) {
    if (!isPriorityCategory(categories[i])) fail(`priorityCategories[${i}]`, `one of ${PRIORITY_CATEGORIES.join(", ")}`, categories[i]);
  }

  let totalIncome = 0;
  let applicantIndex = -1;
  let applicants = 0;
  let spouses = 0;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (m === null || typeof m !== "object") fail(`members[${i}]`, "an object", m);
    if (!isRelationship(m.relationship)) fail(`members[${i}].relationship`, `one of ${RELATIONSHIPS.join(", ")}`, m.relationship);
    if (m.sex !== "M" && m.sex !== "F") fail(`members[${i}].sex`, "'M' or 'F'", m.sex);
    // (Field names are built only on failure: this loop runs millions of times.)
    if (ymdNumber(m.birthDate) < 0) dateOrFail(m.birthDate, `members[${i}].birthDate`);
    if (!isFen(m.annualIncomeFen)) fail(`members[${i}].annualIncomeFen`, "a non-negative whole number of fen", m.annualIncomeFen);
    totalIncome += m.annualIncomeFen;
    if (m.relationship === "APPLICANT") {
      applicants++;
      applicantIndex = i;
    } else if (m.relationship === "SPOUSE") {
      spouses++;
    }
  }

  const size = members.length;
  const exactIncome = exactTotalIncome(members, totalIncome);
  const R = input.referenceIncomeFen;
  // Art. 13.4: R for three or more people, 1.1 R for two, 1.2 R for one. Kept as tenths of R so
  // that the comparison below is exact integer arithmetic.
  const limitTenths = size >= 3 ? 10 : size === 2 ? 11 : 12;
  const incomeLimitFen = (R * limitTenths) / 10;
  const perCapitaIncomeFen = size > 0 ? totalIncome / size : 0;
  const lowRent = isLowRentHousehold(categories);
  const reasons: EligibilityReason[] = [];

  // Art. 12: one applicant, at most one spouse; nobody on two applications or leases.
  if (applicants !== 1 || spouses > 1) reasons.push(reason("INVALID_HOUSEHOLD", { applicants, spouses }));
  if (input.memberAlreadyHoused === true) reasons.push(reason("ALREADY_HOUSED"));

  if (applicants === 1) {
    const applicant = members[applicantIndex]!;
    // Art. 13.1: 18 or over on the application date; the 18th birthday itself counts.
    if (isBeforeEighteenthBirthday(applicant.birthDate, applicationDate)) {
      reasons.push(reason("UNDER_18", { adultOn: eighteenthBirthday(applicant.birthDate) }));
    }
    // Art. 13.2
    if (applicant.fullCivilCapacity !== true) reasons.push(reason("NO_FULL_CIVIL_CAPACITY"));
  }
  // Art. 13.3, met by certification under Art. 14.
  if (!lowRent && input.employment === "NONE") reasons.push(reason("NO_STABLE_EMPLOYMENT"));
  // Art. 13.4: per-capita income may equal the limit. total/size <= R x tenths/10, compared exactly.
  if (!lowRent && size > 0 && incomeAboveLimit(exactIncome, R, limitTenths, size)) {
    reasons.push(reason("INCOME_ABOVE_LIMIT", {
      householdSize: size,
      perCapitaIncomeFen,
      incomeLimitFen,
      limitFactor: limitTenths === 10 ? "1" : limitTenths === 11 ? "1.1" : "1.2",
    }));
  }
  // Art. 13.5: owned urban housing counts against the household from 15 m2 per person.
  if (input.ownsUrbanHousingInCity === true && size > 0) {
    const areaDm2 = areaDm2FromM2(area);
    if (hasAdequateHousing(area, areaDm2, size)) reasons.push(reason("ADEQUATE_HOUSING", { perCapitaAreaM2: perCapitaAreaM2(area, areaDm2, size) }));
  }
  // Art. 13.5: no sale or transfer in the three years before the application date.
  if (transfer !== null && transfer > addMonths(applicationDate, -36)) {
    reasons.push(reason("RECENT_HOUSING_TRANSFER", { transferDate: transfer, eligibleFrom: transferWindowEnds(transfer) }));
  }
  // Art. 13.6
  if (input.familyCanSupportHousing === true) reasons.push(reason("FAMILY_CAN_SUPPORT"));
  // Art. 40: may apply again from bannedUntil on.
  if (bannedUntil !== null && applicationDate < bannedUntil) reasons.push(reason("BANNED", { bannedUntil }));

  return { eligible: reasons.length === 0, reasons, householdSize: size, perCapitaIncomeFen, incomeLimitFen };
}
