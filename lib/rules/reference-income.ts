import { assertISODate } from "./dates";
import type { ISODate } from "./types";

// Art. 13.4: R is "本市上年度城镇居民人均可支配收入", the city's urban per-capita disposable income of
// the year before the one the household is assessed in. The statistics for a year are published
// some months into the next, so until the previous year's figure is available the latest earlier
// one stands in, and the year used is recorded with the assessment. A figure older than the year
// before last is not used: it means the figures have not been kept up, which an officer must fix.

/** How many years before the assessment year the oldest usable figure may be (Y-1, or Y-2 early in the year). */
export const REFERENCE_INCOME_MAX_AGE_YEARS = 2;

/**
 * The year whose figure is R for an assessment made on `onDate`, among the years that have one:
 * the latest year before `onDate`'s year, if it is at most two years before; otherwise null.
 */
export function referenceIncomeYear(onDate: ISODate, availableYears: readonly number[]): number | null {
  assertISODate(onDate, "onDate");
  const year = Number(onDate.slice(0, 4));
  let best: number | null = null;
  for (const y of availableYears) {
    if (!Number.isInteger(y)) throw new RangeError(`availableYears must hold whole years, got ${String(y)}`);
    if (y < year && (best === null || y > best)) best = y;
  }
  return best !== null && year - best <= REFERENCE_INCOME_MAX_AGE_YEARS ? best : null;
}

/** The years that could serve as R on `onDate`, latest first: Y-1, then Y-2. */
export function acceptableReferenceIncomeYears(onDate: ISODate): number[] {
  assertISODate(onDate, "onDate");
  const year = Number(onDate.slice(0, 4));
  return Array.from({ length: REFERENCE_INCOME_MAX_AGE_YEARS }, (_, i) => year - 1 - i);
}
