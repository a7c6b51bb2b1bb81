import { addMonths } from "./dates";
import { assertFen, roundRatioHalfUp } from "./money";
import { maxStandardRentFen, reviewedRentFen, unitMismatchRentFen, type RentTierRule } from "./rent";
import type { Fen, ISODate } from "./types";

// Rent standards (Art. 27, 33, 45): what a standard's tiers must satisfy, when it is due for its
// three-yearly review, the rates a review gives, and the rent a lease pays on a standard under its
// rent basis. Pure: the services and the forms call these, never a copy.

/** Art. 27: a standard is reviewed every three years. */
export const RENT_REVIEW_YEARS = 3;

/** Art. 27: the date a standard in force from `effectiveFrom` is due for review (three years on, month-end clamped). */
export function rentReviewDate(effectiveFrom: ISODate): ISODate {
  return addMonths(effectiveFrom, RENT_REVIEW_YEARS * 12, "effectiveFrom");
}

/** Whether a standard is due for its review on `today` (the review date has come). */
export function isRentReviewDue(nextReviewDate: ISODate, today: ISODate): boolean {
  return nextReviewDate <= today;
}

export type RentTierProblemCode =
  /** Art. 27: a rate above 60 % of the market rent. */
  | "ABOVE_MARKET_SHARE"
  /** Two tiers with the same number. */
  | "DUPLICATE_TIER_NO"
  /** Income tiers' bounds must rise, tier by tier. */
  | "BOUNDS_NOT_ASCENDING"
  /** The last income tier takes every income above the others: it has no bound. */
  | "LAST_TIER_BOUNDED"
  /** Only the last income tier may be unbounded. */
  | "MIDDLE_TIER_UNBOUNDED"
  /** Art. 27: tiers by income: at least one. */
  | "NO_INCOME_TIER"
  /** Art. 14, 27: one former low-rent rate, not by income. */
  | "LOW_RENT_TIER";

export interface RentTierProblem {
  code: RentTierProblemCode;
  article: string;
  /** The index of the tier in the input, when one tier is at fault. */
  index: number | null;
}

/**
 * What is wrong with a standard's tiers (empty: nothing). Income tiers are taken in the order of
 * their numbers; every rate is at most `maxStandardRentFen(market)` (Art. 27).
 */
export function rentTierProblems(tiers: readonly RentTierRule[], marketRentFenPerM2: Fen): RentTierProblem[] {
  assertFen(marketRentFenPerM2, "marketRentFenPerM2");
  const problems: RentTierProblem[] = [];
  const cap = maxStandardRentFen(marketRentFenPerM2);
  const seen = new Set<number>();
  tiers.forEach((t, index) => {
    assertFen(t.rentFenPerM2, `tiers[${index}].rentFenPerM2`);
    if (t.rentFenPerM2 > cap) problems.push({ code: "ABOVE_MARKET_SHARE", article: "27", index });
    if (seen.has(t.tierNo)) problems.push({ code: "DUPLICATE_TIER_NO", article: "27", index });
    seen.add(t.tierNo);
  });
  const low = tiers.map((t, index) => ({ t, index })).filter(({ t }) => t.isLowRent);
  low.slice(1).forEach(({ index }) => problems.push({ code: "LOW_RENT_TIER", article: "27", index }));
  low.filter(({ t }) => t.maxPerCapitaIncomeFen !== null).forEach(({ index }) => problems.push({ code: "LOW_RENT_TIER", article: "27", index }));
  const income = tiers.map((t, index) => ({ t, index })).filter(({ t }) => !t.isLowRent).sort((a, b) => a.t.tierNo - b.t.tierNo);
  if (income.length === 0) {
    problems.push({ code: "NO_INCOME_TIER", article: "27", index: null });
    return problems;
  }
  let previous: number | null = null;
  income.forEach(({ t, index }, i) => {
    const last = i === income.length - 1;
    if (last) {
      if (t.maxPerCapitaIncomeFen !== null) problems.push({ code: "LAST_TIER_BOUNDED", article: "27", index });
      return;
    }
    if (t.maxPerCapitaIncomeFen === null) {
      problems.push({ code: "MIDDLE_TIER_UNBOUNDED", article: "27", index });
      return;
    }
    if (previous !== null && t.maxPerCapitaIncomeFen <= previous) problems.push({ code: "BOUNDS_NOT_ASCENDING", article: "27", index });
    previous = t.maxPerCapitaIncomeFen;
  });
  return problems;
}

/** A change typed in basis points of a per cent (250 = +2.5 %) as the fraction `reviewedRentFen` takes (0.025). */
export function changeFractionOfBp(bp: number): number {
  if (!Number.isSafeInteger(bp) || bp < -10_000) throw new RangeError(`bp must be a whole number of basis points not below -10000, got ${String(bp)}`);
  return bp / 10_000;
}

export interface RentReviewChangesBp {
  disposableIncomeBp: number;
  cpiBp: number;
  rentIndexBp: number;
}

/**
 * Art. 27: the three-yearly review of a standard's tiers: each rate moves by the mean of the three
 * changes (`reviewedRentFen`), never above 60 % of the (new) market rent. Tiers keep their numbers,
 * names and bounds.
 */
export function reviewedTiers<T extends RentTierRule>(tiers: readonly T[], marketRentFenPerM2: Fen, changes: RentReviewChangesBp): Array<T & { previousRentFenPerM2: Fen }> {
  const fractions = {
    disposableIncome: changeFractionOfBp(changes.disposableIncomeBp),
    cpi: changeFractionOfBp(changes.cpiBp),
    rentIndex: changeFractionOfBp(changes.rentIndexBp),
  };
  return tiers.map((t) => ({ ...t, previousRentFenPerM2: t.rentFenPerM2, rentFenPerM2: reviewedRentFen(t.rentFenPerM2, marketRentFenPerM2, fractions) }));
}

/** The rent rules a lease's rent follows (Art. 27, 33, 45), as the lease records them. */
export type LeaseRentBasis = "STANDARD" | "LOW_RENT" | "LEGACY_110_PERCENT" | "MARKET" | "UNIT_MISMATCH_150_PERCENT";

/**
 * The monthly rent of a lease on its basis, from the standard rent of its tier (already capped at
 * 60 % of the unit's market rent) and the unit's market rent: the standard (Art. 27) or the former
 * low-rent rate (Art. 27, 14) as it is; 1.1 x (Art. 45) or the market rent (Art. 45) for a
 * household qualified before 2024-07-22 above the income standard; 1.5 x for a household that
 * should exchange and does not (Art. 33).
 */
export function rentOnBasisFen(a: { basis: LeaseRentBasis; standardRentFen: Fen; marketRentFen: Fen }): Fen {
  assertFen(a.standardRentFen, "standardRentFen");
  assertFen(a.marketRentFen, "marketRentFen");
  switch (a.basis) {
    case "STANDARD":
    case "LOW_RENT":
      return a.standardRentFen;
    case "LEGACY_110_PERCENT":
      return roundRatioHalfUp(a.standardRentFen * 11, 10);
    case "MARKET":
      return a.marketRentFen;
    case "UNIT_MISMATCH_150_PERCENT":
      return unitMismatchRentFen(a.standardRentFen);
  }
}
