import { addDays, addMonths } from "./dates";
import type { ISODate } from "./types";

// Lease dates (Art. 25: a term of one to five years; Art. 32: renewal applied for at least three
// months before expiry).

export const MIN_LEASE_TERM_MONTHS = 12;
export const MAX_LEASE_TERM_MONTHS = 60;
export const RENEWAL_NOTICE_MONTHS = 3;

/** Whole months from 12 to 60 (Art. 25). */
export function isValidLeaseTermMonths(months: number): boolean {
  return Number.isInteger(months) && months >= MIN_LEASE_TERM_MONTHS && months <= MAX_LEASE_TERM_MONTHS;
}

/** The last day of the lease: start + term (month-end clamped) - 1 day. */
export function leaseEndDate(start: ISODate, termMonths: number): ISODate {
  if (!isValidLeaseTermMonths(termMonths)) {
    throw new RangeError(`termMonths must be a whole number of months from 12 to 60 (Art. 25), got ${String(termMonths)}`);
  }
  return addDays(addMonths(start, termMonths, "start"), -1);
}

/** The last day on which a renewal request is on time: leaseEnd - 3 months, month-end clamped (Art. 32). */
export function latestRenewalDate(leaseEnd: ISODate): ISODate {
  return addMonths(leaseEnd, -RENEWAL_NOTICE_MONTHS, "leaseEnd");
}

/** Art. 32: a renewal request dated on or before the latest renewal date is on time. */
export function isRenewalOnTime(requestDate: ISODate, leaseEnd: ISODate): boolean {
  addDays(requestDate, 0, "requestDate");
  return requestDate <= latestRenewalDate(leaseEnd);
}
