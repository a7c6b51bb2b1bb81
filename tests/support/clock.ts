// Clock helpers for tests: instants at a China Standard Time wall-clock time, the CST date of an
// instant, and days counted back from now. The production helpers (lib/clock.ts) are re-exported
// so that tests import time from one place; working days come from lib/rules (addWorkingDays).
import { dateColumn, fromDateColumn, todayCST } from "@/lib/clock";
import { addDays, assertISODate, cstDateOfEpochMs } from "@/lib/rules/dates";
import type { ISODate } from "@/lib/rules/types";

export { dateColumn, fromDateColumn, todayCST };

const DAY_MS = 86_400_000;

/** The instant at `time` (HH:MM or HH:MM:SS) on `date` in China Standard Time: cstInstant("2026-03-02", "10:00"). */
export function cstInstant(date: ISODate, time = "10:00"): Date {
  assertISODate(date, "date");
  if (!/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(time)) throw new RangeError(`time must be HH:MM or HH:MM:SS, got ${JSON.stringify(time)}`);
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

/** The China Standard Time calendar date of an instant. */
export function cstDate(instant: Date): ISODate {
  return cstDateOfEpochMs(instant.getTime());
}

/** The instant `days` whole days (of 24 hours) before `from`. */
export function daysBefore(days: number, from: Date = new Date()): Date {
  return new Date(from.getTime() - days * DAY_MS);
}

/** Today's CST date moved by `days` calendar days (negative: into the past). */
export function cstDateFromToday(days: number, now: Date = new Date()): ISODate {
  return addDays(todayCST(now), days);
}
