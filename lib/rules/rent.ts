import { addMonths, toDayNumber } from "./dates";
import { assertFen, ceilRatio, floorRatio, roundFen, roundRatioHalfUp } from "./money";
import type { Fen, ISODate } from "./types";

// Rent, penalties and funds (Art. 27, 29, 33, 35, 38, 45). Money is whole fen; where a rule
// multiplies money the result is rounded half up once, at the end, with exact ratio arithmetic.

export { roundFen } from "./money";

/** Art. 27: the standard rent is at most 60 % of the market rent: floor(0.6 x market). */
export function maxStandardRentFen(marketRentFen: Fen): Fen {
  assertFen(marketRentFen, "marketRentFen");
  return floorRatio(marketRentFen * 3, 5);
}

/** Art. 29: 0.05 % of the amount due for each calendar day after the due date. */
export const LATE_FEE_RATE_PER_DAY = 0.0005;

/** Calendar days from `dueDate` to `paidDate`; 0 when paid on or before the due date. */
export function daysLate(dueDate: ISODate, paidDate: ISODate): number {
  return Math.max(0, toDayNumber(paidDate, "paidDate") - toDayNumber(dueDate, "dueDate"));
}

/** Art. 29: amount x 0.05 % x days late, rounded half up once (= amount x days / 2000). */
export function lateFeeFen(amountDueFen: Fen, dueDate: ISODate, paidDate: ISODate): Fen {
  assertFen(amountDueFen, "amountDueFen");
  const days = daysLate(dueDate, paidDate);
  return roundRatioHalfUp(amountDueFen * days, 2000);
}

/** Art. 33: a household that has shrunk below its unit type and does not exchange pays 1.5 x. */
export function unitMismatchRentFen(standardRentFen: Fen): Fen {
  assertFen(standardRentFen, "standardRentFen");
  return roundRatioHalfUp(standardRentFen * 3, 2);
}

/** Art. 38: 1.5 x during the three-month transition after the duty to vacate arose, 2 x from then on. */
export function vacatingRentMultiplier(obligationDate: ISODate, onDate: ISODate): 1.5 | 2 {
  const transitionEnds = addMonths(obligationDate, 3, "obligationDate");
  toDayNumber(onDate, "onDate");
  return onDate < transitionEnds ? 1.5 : 2;
}

/** The first day on which the 2 x rent of Art. 38 applies. */
export function vacatingTransitionEnds(obligationDate: ISODate): ISODate {
  return addMonths(obligationDate, 3, "obligationDate");
}

function assertNonNegativeNumber(value: unknown, field: string): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${field} must be a non-negative finite number, got ${String(value)}`);
  }
}

/**
 * Art. 45: a household qualified before 2024-07-22 that moves in or renews after it pays the
 * standard rent while its per-capita income is within the limit, 1.1 x standard above the limit
 * up to twice it, and the market rent above twice the limit.
 */
export function grandfatheredRentFen(a: {
  standardRentFen: Fen;
  marketRentFen: Fen;
  perCapitaIncomeFen: number;
  incomeLimitFen: number;
}): Fen {
  if (a === null || typeof a !== "object") throw new RangeError("input must be an object");
  assertFen(a.standardRentFen, "standardRentFen");
  assertFen(a.marketRentFen, "marketRentFen");
  assertNonNegativeNumber(a.perCapitaIncomeFen, "perCapitaIncomeFen");
  assertNonNegativeNumber(a.incomeLimitFen, "incomeLimitFen");
  if (a.perCapitaIncomeFen <= a.incomeLimitFen) return a.standardRentFen;
  if (a.perCapitaIncomeFen <= 2 * a.incomeLimitFen) return roundRatioHalfUp(a.standardRentFen * 11, 10);
  return a.marketRentFen;
}

/**
 * Art. 27: every three years the rent moves by the mean of the changes in urban per-capita
 * disposable income, CPI and the housing-rent index, never above 60 % of the market rent.
 */
export function reviewedRentFen(
  currentRentFen: Fen,
  marketRentFen: Fen,
  changes: { disposableIncome: number; cpi: number; rentIndex: number },
): Fen {
  assertFen(currentRentFen, "currentRentFen");
  assertFen(marketRentFen, "marketRentFen");
  if (changes === null || typeof changes !== "object") throw new RangeError("changes must be an object");
  for (const key of ["disposableIncome", "cpi", "rentIndex"] as const) {
    const v = changes[key];
    if (typeof v !== "number" || !Number.isFinite(v) || v < -1) {
      throw new RangeError(`changes.${key} must be a finite fraction not below -1 (0.05 is +5 %), got ${String(v)}`);
    }
  }
  const meanChange = (changes.disposableIncome + changes.cpi + changes.rentIndex) / 3;
  const reviewed = roundFen(Math.max(0, currentRentFen * (1 + meanChange)));
  return Math.min(reviewed, maxStandardRentFen(marketRentFen));
}

/** Art. 35: at least 5 % of rent income goes to the maintenance fund each year: ceil(rent / 20). */
export function maintenanceFundMinFen(rentIncomeFen: Fen): Fen {
  assertFen(rentIncomeFen, "rentIncomeFen");
  return ceilRatio(rentIncomeFen, 20);
}

/** Art. 39: arrears adding up to six months' rent or more oblige the tenant to vacate. */
export const ARREARS_MONTHS_TO_VACATE = 6;

/**
 * Art. 27: a unit's monthly rent from a rate per m² per month and its floor area in dm²
 * (1 m² = 100 dm²): rate x area, rounded half up once.
 */
export function monthlyRentFen(rateFenPerM2: Fen, floorAreaDm2: number): Fen {
  assertFen(rateFenPerM2, "rateFenPerM2");
  if (!Number.isSafeInteger(floorAreaDm2) || floorAreaDm2 <= 0) {
    throw new RangeError(`floorAreaDm2 must be a positive whole number of dm², got ${String(floorAreaDm2)}`);
  }
  return roundRatioHalfUp(rateFenPerM2 * floorAreaDm2, 100);
}

/** A tier of a rent standard (Art. 27): households up to `maxPerCapitaIncomeFen` a year (null: no bound). */
export interface RentTierRule {
  tierNo: number;
  isLowRent: boolean;
  maxPerCapitaIncomeFen: number | null;
  rentFenPerM2: Fen;
}

/**
 * Art. 27: the tier a household pays. 低保/特困/低保边缘 households pay the former low-rent rate
 * (the low-rent tier); every other household the first income tier, in ascending order, whose bound
 * its per-capita income does not exceed. Null when the standard has no tier that fits.
 */
export function rentTierFor<T extends RentTierRule>(tiers: readonly T[], household: { perCapitaIncomeFen: number; lowRent: boolean }): T | null {
  assertNonNegativeNumber(household.perCapitaIncomeFen, "perCapitaIncomeFen");
  if (household.lowRent) {
    const low = tiers.filter((t) => t.isLowRent).sort((a, b) => a.tierNo - b.tierNo)[0];
    if (low) return low;
  }
  const income = [...tiers].filter((t) => !t.isLowRent).sort((a, b) => a.tierNo - b.tierNo);
  for (const tier of income) {
    if (tier.maxPerCapitaIncomeFen === null || household.perCapitaIncomeFen <= tier.maxPerCapitaIncomeFen) return tier;
  }
  return null;
}

/** A rent multiplier in percent as the rules give it: 100, 150 (Art. 33, 38) or 200 (Art. 38). */
export function multipliedRentFen(rentFen: Fen, multiplierPercent: 100 | 150 | 200): Fen {
  assertFen(rentFen, "rentFen");
  return roundRatioHalfUp(rentFen * multiplierPercent, 100);
}
