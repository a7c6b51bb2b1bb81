// The dates module, not the rules index: end-to-end fixtures load this file too, and the index pulls
// in the holiday calendar as a JSON module, which Playwright's loader refuses.
import { cstDateOfEpochMs } from "@/lib/rules/dates";
import type { ISODate } from "@/lib/rules/types";

// The one place services read the time. Services take `now` as a parameter where a test needs
// to move it; this module supplies the default. Calendar dates are China Standard Time.

export function now(): Date {
  return new Date();
}

/** Today's date in China Standard Time. */
export function todayCST(at: Date = now()): ISODate {
  return cstDateOfEpochMs(at.getTime());
}

/** A CST calendar date as the Date Prisma stores in a `@db.Date` column (midnight UTC of that date). */
export function dateColumn(date: ISODate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** A `@db.Date` column value back to its ISO date. */
export function fromDateColumn(value: Date): ISODate {
  return value.toISOString().slice(0, 10);
}

/** A CST minute as notices and printed documents show it: "2026-12-03 18:00". */
export function cstMinute(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
