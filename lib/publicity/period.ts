import { compareISODate, deadlineDate, type ISODate } from "@/lib/rules";

// What "published for 5 working days" (Art. 19) means here (docs/decisions/006):
// - the list is published on its start date, the day an officer publishes it (CST);
// - as for every period counted in days, the start day itself does not count (Civil Code
//   Art. 201): the period ends at the end of the 5th working day after the start date;
// - objections are taken from the start date through the end date inclusive (CST);
// - the period has ended from the first day after the end date: the closing job then qualifies
//   the entries without an open or upheld objection.

/** The last day of publicity: the 5th working day after the start date. */
export function publicityEndDate(startDate: ISODate): ISODate {
  return deadlineDate("PUBLICITY", startDate);
}

/** Whether `today` (CST) is inside the publicity period, start and end dates included. */
export function isWithinPublicity(period: { startDate: ISODate; endDate: ISODate }, today: ISODate): boolean {
  return compareISODate(period.startDate, today) <= 0 && compareISODate(today, period.endDate) <= 0;
}

/** Whether the period is over on `today` (CST): strictly after the end date. */
export function hasPublicityEnded(endDate: ISODate, today: ISODate): boolean {
  return compareISODate(today, endDate) > 0;
}
