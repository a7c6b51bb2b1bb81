import type { ISODate } from "./types";

// Calendar arithmetic on 'YYYY-MM-DD' strings through day numbers (days since 1970-01-01),
// with no Date objects and no clock, so the rules give the same answer on every machine.

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * 'YYYY-MM-DD' as the number YYYYMMDD, or -1 when malformed or impossible. Allocates nothing,
 * for hot paths; the numbers order as the dates do.
 */
export function ymdNumber(value: unknown): number {
  if (typeof value !== "string" || value.length !== 10) return -1;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  const d0 = digit(value, 0), d1 = digit(value, 1), d2 = digit(value, 2), d3 = digit(value, 3);
  const m0 = digit(value, 5), m1 = digit(value, 6), a0 = digit(value, 8), a1 = digit(value, 9);
  if ((d0 | d1 | d2 | d3 | m0 | m1 | a0 | a1) < 0) return -1;
  const year = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const month = m0 * 10 + m1;
  const day = a0 * 10 + a1;
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

/** Parses 'YYYY-MM-DD' into [year, month, day], or null when malformed or impossible. */
export function parseYmd(value: unknown): [number, number, number] | null {
  if (typeof value !== "string" || value.length !== 10) return null;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const d0 = digit(value, 0), d1 = digit(value, 1), d2 = digit(value, 2), d3 = digit(value, 3);
  const m0 = digit(value, 5), m1 = digit(value, 6), a0 = digit(value, 8), a1 = digit(value, 9);
  if ((d0 | d1 | d2 | d3 | m0 | m1 | a0 | a1) < 0) return null;
  const year = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const month = m0 * 10 + m1;
  const day = a0 * 10 + a1;
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

export function isValidISODate(value: unknown): value is ISODate {
  return parseYmd(value) !== null;
}

/** Throws a RangeError naming `field` unless `value` is a real calendar date. */
export function assertISODate(value: unknown, field: string): asserts value is ISODate {
  if (parseYmd(value) === null) {
    throw new RangeError(`${field} must be a real calendar date 'YYYY-MM-DD' from ${MIN_YEAR} on, got ${JSON.stringify(value)}`);
  }
}

/** Day number of a civil date (days since 1970-01-01), proleptic Gregorian. */
export function ymdToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function dayNumberToYmd(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function formatYmd(year: number, month: number, day: number): ISODate {
  if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`date out of range: year ${year}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function toDayNumber(date: ISODate, field = "date"): number {
  const ymd = parseYmd(date);
  if (!ymd) assertISODate(date, field);
  const [y, m, d] = ymd as [number, number, number];
  return ymdToDayNumber(y, m, d);
}

export function fromDayNumber(dayNumber: number): ISODate {
  const [y, m, d] = dayNumberToYmd(dayNumber);
  return formatYmd(y, m, d);
}

/** Day of the week, 0 = Sunday .. 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function addDays(date: ISODate, days: number, field = "date"): ISODate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  return fromDayNumber(toDayNumber(date, field) + days);
}

/**
 * Adds calendar months, clamping to the last day of the target month when the day does not exist
 * there (2024-11-30 + 3 months = 2025-02-28). This is how the Civil Code (Art. 201) ends a period
 * counted in months: on the corresponding day, or the month's last day when there is none.
 */
export function addMonths(date: ISODate, months: number, field = "date"): ISODate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number, got ${months}`);
  const ymd = parseYmd(date);
  if (!ymd) assertISODate(date, field);
  const [y, m, d] = ymd as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatYmd(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Compares two valid ISO dates; their string order is their calendar order. */
export function compareISODate(a: ISODate, b: ISODate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** An instant parsed from an ISO 8601 date-time with an offset: epoch milliseconds plus sub-millisecond nanoseconds. */
export interface Instant {
  epochMs: number;
  subMsNanos: number;
}

export function parseInstant(value: unknown, field: string): Instant {
  const m = typeof value === "string" ? DATE_TIME.exec(value) : null;
  if (!m) throw new RangeError(`${field} must be an ISO 8601 date-time with an offset, got ${JSON.stringify(value)}`);
  const year = +m[1]!, month = +m[2]!, day = +m[3]!, hour = +m[4]!, minute = +m[5]!;
  const second = m[6] ? +m[6] : 0;
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw new RangeError(`${field} is not a real date-time: ${JSON.stringify(value)}`);
  }
  let offsetMinutes = 0;
  if (m[8] !== "Z") {
    const oh = +m[10]!, om = +m[11]!;
    if (oh > 23 || om > 59) throw new RangeError(`${field} has an impossible offset: ${JSON.stringify(value)}`);
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const fraction = (m[7] ?? "").padEnd(9, "0");
  const ms = +fraction.slice(0, 3);
  const subMsNanos = +fraction.slice(3);
  const epochMs =
    ((ymdToDayNumber(year, month, day) * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + ms;
  return { epochMs, subMsNanos };
}

const CST_OFFSET_MS = 8 * 3_600_000;

/** The China Standard Time calendar date of an instant given in epoch milliseconds. */
export function cstDateOfEpochMs(epochMs: number): ISODate {
  return fromDayNumber(Math.floor((epochMs + CST_OFFSET_MS) / 86_400_000));
}

/** The China Standard Time calendar date of an ISO 8601 date-time with an offset. */
export function cstDateOf(dateTime: string, field = "dateTime"): ISODate {
  return cstDateOfEpochMs(parseInstant(dateTime, field).epochMs);
}

/** The year in China Standard Time of an instant given in epoch milliseconds. */
export function cstYearOfEpochMs(epochMs: number): number {
  return dayNumberToYmd(Math.floor((epochMs + CST_OFFSET_MS) / 86_400_000))[0];
}
