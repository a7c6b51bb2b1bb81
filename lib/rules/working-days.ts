import calendar from "chinese-days/dist/chinese-days.json";
import { fromDayNumber, toDayNumber, weekdayOfDayNumber, ymdToDayNumber } from "./dates";
import type { ISODate } from "./types";

// Art. 19 and 20 count deadlines in working days (工作日): Monday to Friday, less the public
// holidays the State Council announces each year, plus the weekend days it makes working days
// (调休). The holiday data comes from the maintained `chinese-days` package; outside the years it
// covers, Monday to Friday are working days.

/** Statutory periods in working days (Art. 19, 20). */
export const DEADLINE_WORKING_DAYS = {
  FIRST_REVIEW: 7,
  SECOND_REVIEW: 5,
  PUBLICITY: 5,
  APPEAL: 10,
  RECTIFICATION: 15,
} as const satisfies Record<string, number>;

export type DeadlineKind = keyof typeof DEADLINE_WORKING_DAYS;

interface CalendarData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = calendar as CalendarData;

function yearsOf(dates: string[]): number[] {
  return dates.map((d) => Number(d.slice(0, 4)));
}

const coveredYears = yearsOf(Object.keys(data.holidays));
const FIRST_YEAR = Math.min(...coveredYears);
const LAST_YEAR = Math.max(...coveredYears);
const FIRST_DAY = ymdToDayNumber(FIRST_YEAR, 1, 1);
const LAST_DAY = ymdToDayNumber(LAST_YEAR, 12, 31);

function isWeekend(dayNumber: number): boolean {
  const w = weekdayOfDayNumber(dayNumber);
  return w === 0 || w === 6;
}

// One byte a day over the covered years: 1 = working day.
const working = new Uint8Array(LAST_DAY - FIRST_DAY + 1);
for (let d = FIRST_DAY; d <= LAST_DAY; d++) working[d - FIRST_DAY] = isWeekend(d) ? 0 : 1;
// Exceptions to the Monday-Friday rule, sorted, for counting over long spans.
const weekdayHolidays: number[] = [];
const weekendWorkdays: number[] = [];
for (const date of Object.keys(data.holidays)) {
  const d = toDayNumber(date);
  if (!isWeekend(d)) weekdayHolidays.push(d);
  working[d - FIRST_DAY] = 0;
}
for (const date of Object.keys(data.workdays)) {
  const d = toDayNumber(date);
  if (isWeekend(d)) weekendWorkdays.push(d);
  working[d - FIRST_DAY] = 1;
}
weekdayHolidays.sort((a, b) => a - b);
weekendWorkdays.sort((a, b) => a - b);

/** The years for which the official holiday calendar is known. */
export function calendarCoverage(): { firstYear: number; lastYear: number } {
  return { firstYear: FIRST_YEAR, lastYear: LAST_YEAR };
}

export function isWorkingDayNumber(dayNumber: number): boolean {
  if (dayNumber >= FIRST_DAY && dayNumber <= LAST_DAY) return working[dayNumber - FIRST_DAY] === 1;
  return !isWeekend(dayNumber);
}

export function isWorkingDay(date: ISODate): boolean {
  return isWorkingDayNumber(toDayNumber(date, "date"));
}

/** The n-th working day after `start` (n >= 1); `start` itself never counts. */
export function addWorkingDays(start: ISODate, n: number): ISODate {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`n must be a whole number of working days from 1, got ${n}`);
  let day = toDayNumber(start, "start");
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkingDayNumber(day)) left--;
  }
  return fromDayNumber(day);
}

// Monday-Friday days in [1, d] counted from a fixed Monday, in O(1).
const MONDAY_ORIGIN = ymdToDayNumber(1900, 1, 1); // a Monday
function weekdaysUpTo(d: number): number {
  const offset = d - MONDAY_ORIGIN + 1; // days in [MONDAY_ORIGIN, d]
  const weeks = Math.floor(offset / 7);
  const rest = offset - weeks * 7;
  return weeks * 5 + Math.min(rest, 5);
}

/** Count of sorted values v with lo < v <= hi. */
function countIn(sorted: number[], lo: number, hi: number): number {
  return upperBound(sorted, hi) - upperBound(sorted, lo);
}
function upperBound(sorted: number[], x: number): number {
  let a = 0, b = sorted.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (sorted[mid]! <= x) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** Working days d with from < d <= to (0 when `to` is not after `from`). */
export function workingDaysBetween(from: ISODate, to: ISODate): number {
  const a = toDayNumber(from, "from");
  const b = toDayNumber(to, "to");
  if (b <= a) return 0;
  return weekdaysUpTo(b) - weekdaysUpTo(a) - countIn(weekdayHolidays, a, b) + countIn(weekendWorkdays, a, b);
}

/** The due date of a statutory period that starts on `start` (Art. 19, 20). */
export function deadlineDate(kind: DeadlineKind, start: ISODate): ISODate {
  return addWorkingDays(start, DEADLINE_WORKING_DAYS[kind]);
}
