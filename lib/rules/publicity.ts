import { compareISODate } from "./dates";
import type { ISODate } from "./types";
import { addWorkingDays, deadlineDate } from "./working-days";

// What "published for 5 working days" (Art. 19) means here (docs/decisions/006):
// - the list is published on its publication day, the day an officer publishes it (CST); that is
//   the `startDate` column of a batch;
// - as for every period counted in days, the publication day itself does not count (Civil Code
//   Art. 201): the period is the 5 working days after it, from the first working day after the
//   publication day (`firstDay`) to the 5th (`endDate`, the column of that name). Every page and
//   notice shows the period as counted, `firstDay` to `endDate` (publicityPeriod);
// - objections are taken from the publication day through the end date inclusive (CST);
// - the period has ended from the first day after the end date: the closing job then qualifies
//   the entries without an open or upheld objection.

/** The last day of publicity: the 5th working day after the publication day. */
export function publicityEndDate(publishedOn: ISODate): ISODate {
  return deadlineDate("PUBLICITY", publishedOn);
}

/** A publicity period as counted and as shown: published on one day, counted from the next working day. */
export interface PublicityPeriod {
  /** The day the list was published (the batch's `startDate` column); objections from this day. */
  publishedOn: ISODate;
  /** The first of the 5 working days: the first working day after the publication day. */
  firstDay: ISODate;
  /** The 5th working day after the publication day (the batch's `endDate` column). */
  endDate: ISODate;
}

/** THE period of a list published on `publishedOn` (ending on the stored `endDate`, if given). */
export function publicityPeriod(publishedOn: ISODate, endDate: ISODate = publicityEndDate(publishedOn)): PublicityPeriod {
  const next = addWorkingDays(publishedOn, 1);
  // A period never starts after it ends (a batch whose dates were set by hand).
  const firstDay = compareISODate(next, endDate) > 0 ? endDate : next;
  return { publishedOn, firstDay, endDate };
}

/** Whether `today` (CST) takes objections: from the publication day through the end date. */
export function isWithinPublicity(period: { startDate: ISODate; endDate: ISODate }, today: ISODate): boolean {
  return compareISODate(period.startDate, today) <= 0 && compareISODate(today, period.endDate) <= 0;
}

/** Whether the period is over on `today` (CST): strictly after the end date. */
export function hasPublicityEnded(endDate: ISODate, today: ISODate): boolean {
  return compareISODate(today, endDate) > 0;
}
