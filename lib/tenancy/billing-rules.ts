import { addDays, addMonths } from "@/lib/rules/dates";
import type { ISODate } from "@/lib/rules/types";

// Rent periods (Art. 26: "rent and how it is paid", as the standard lease states them): a lease's
// periods are whole months from its start date (start + k months, month-end clamped, as lib/rules
// adds months), the last one ending on the lease's end date. Each period's rent is due within
// RENT_PAYMENT_DAYS days of its first day; after that the late fee of Art. 29 runs.

/** Days to pay a period's rent, its first day included: due on the 10th day. */
export const RENT_PAYMENT_DAYS = 10;

export interface RentPeriod {
  index: number;
  periodStart: ISODate;
  periodEnd: ISODate;
  dueDate: ISODate;
}

/** The k-th period (0-based) of a lease starting on `start`. */
export function rentPeriod(start: ISODate, index: number): RentPeriod {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`index must be a whole number from 0, got ${String(index)}`);
  const periodStart = addMonths(start, index, "start");
  return { index, periodStart, periodEnd: addDays(addMonths(start, index + 1, "start"), -1), dueDate: addDays(periodStart, RENT_PAYMENT_DAYS - 1) };
}

/** Months from the start date's month to `month` ("YYYY-MM"): the index of the period that starts in that month. */
export function periodIndexInMonth(start: ISODate, month: string): number {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`month must be YYYY-MM, got ${String(month)}`);
  return (Number(month.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(month.slice(5, 7)) - Number(start.slice(5, 7));
}

/** The periods of a lease that have begun by `through` (inclusive), up to `count` periods in all. */
export function periodsBegunBy(start: ISODate, count: number, through: ISODate): RentPeriod[] {
  const out: RentPeriod[] = [];
  for (let k = 0; k < count; k++) {
    const period = rentPeriod(start, k);
    if (period.periodStart > through) break;
    out.push(period);
  }
  return out;
}
