import { addDays, addMonths, toDayNumber } from "./dates";
import { leaseEndDate } from "./lease";
import { ARREARS_MONTHS_TO_VACATE, vacatingRentMultiplier } from "./rent";
import { assertFen } from "./money";
import type { Fen, ISODate } from "./types";

// Leaving public rental housing (Art. 38-41) and the ban of Art. 40, as pure rules.

/** The grounds on which a household must leave (the data model's VacateGround). */
export const VACATE_GROUNDS = [
  "TERM_ENDED_NO_RENEWAL",
  "RENEWAL_REJECTED",
  "NO_LONGER_ELIGIBLE",
  "OTHER_SUBSIDISED_HOUSING",
  "RENT_ARREARS",
  "VIOLATION",
  "ANNUAL_CHECK_FAILED",
] as const;
export type VacateGroundCode = (typeof VACATE_GROUNDS)[number];

/** The article each ground comes from, as the Measures number it. */
export const VACATE_GROUND_ARTICLE: Record<VacateGroundCode, string> = {
  TERM_ENDED_NO_RENEWAL: "38.1",
  RENEWAL_REJECTED: "38.1",
  NO_LONGER_ELIGIBLE: "38.2",
  OTHER_SUBSIDISED_HOUSING: "38.3",
  RENT_ARREARS: "39",
  VIOLATION: "40",
  ANNUAL_CHECK_FAILED: "42",
};

/**
 * Art. 38: a household leaving on one of its grounds may be given a 3-month transition at 1.5 x
 * rent. Art. 42 (no longer eligible at the annual check) is the same situation as Art. 38.2. Arrears
 * (Art. 39) and a breach of Art. 31 (Art. 40) carry no transition.
 */
export function transitionAllowed(ground: VacateGroundCode): boolean {
  return ground !== "RENT_ARREARS" && ground !== "VIOLATION";
}

/**
 * The date the duty to leave arose, from which the transition runs (Art. 38): the day after the
 * lease's last day when the term ended without a renewal request; for a renewal refused, that day or
 * the decision, whichever is later (the household asked in time and may stay until it is decided);
 * on every other ground, the date of the decision.
 */
export function vacateObligationDate(ground: VacateGroundCode, input: { leaseStart: ISODate; termMonths: number; decisionDate: ISODate }): ISODate {
  toDayNumber(input.decisionDate, "decisionDate");
  const dayAfterEnd = addDays(leaseEndDate(input.leaseStart, input.termMonths), 1);
  if (ground === "TERM_ENDED_NO_RENEWAL") return dayAfterEnd;
  if (ground === "RENEWAL_REJECTED") return dayAfterEnd > input.decisionDate ? dayAfterEnd : input.decisionDate;
  return input.decisionDate;
}

/** Whether the lease's term has ended by `onDate` (the ground TERM_ENDED_NO_RENEWAL needs it). */
export function termHasEnded(leaseStart: ISODate, termMonths: number, onDate: ISODate): boolean {
  return leaseEndDate(leaseStart, termMonths) < onDate;
}

/**
 * The rent multiplier in percent for a period starting `periodStart` while a household holds over
 * (Art. 38): with a transition granted, 150 before the transition ends and 200 from then on
 * (vacatingRentMultiplier); without one, 200 at once.
 */
export function holdingOverRentPercent(input: { obligationDate: ISODate; transitionGranted: boolean; periodStart: ISODate }): 150 | 200 {
  const on = input.periodStart < input.obligationDate ? input.obligationDate : input.periodStart;
  toDayNumber(on, "periodStart");
  if (!input.transitionGranted) return 200;
  return vacatingRentMultiplier(input.obligationDate, on) === 2 ? 200 : 150;
}

/**
 * Art. 39: arrears "adding up to 6 months or more" oblige the tenant to leave: the rent overdue and
 * unpaid, summed over every period, reaches six months of the lease's rent.
 */
export function arrearsObligeVacating(overdueRentFen: Fen, monthlyRentFen: Fen): boolean {
  assertFen(overdueRentFen, "overdueRentFen");
  assertFen(monthlyRentFen, "monthlyRentFen");
  if (monthlyRentFen === 0) return false;
  return overdueRentFen >= monthlyRentFen * ARREARS_MONTHS_TO_VACATE;
}

/** Whole months of rent the arrears amount to (for the arrears-by-age lists). */
export function arrearsInMonths(overdueRentFen: Fen, monthlyRentFen: Fen): number {
  assertFen(overdueRentFen, "overdueRentFen");
  assertFen(monthlyRentFen, "monthlyRentFen");
  return monthlyRentFen === 0 ? 0 : Math.floor(overdueRentFen / monthlyRentFen);
}

/** Art. 40: years during which a household that broke Art. 31 may not apply again. */
export const BAN_YEARS = 5;

/**
 * Art. 40: "自退回之日起五年内不得再次申请": from the date the unit was returned, five years; the
 * household may apply again from the returned date five years on (29 February: 28 February).
 */
export function banUntilDate(returnedOn: ISODate): ISODate {
  return addMonths(returnedOn, BAN_YEARS * 12, "returnedOn");
}

/** The household members the ban of Art. 40 covers: every one who is an adult on `onDate`. */
export function bannedMembers<M extends { birthDate: ISODate }>(members: readonly M[], onDate: ISODate): M[] {
  toDayNumber(onDate, "onDate");
  // The 18th birthday as eligibility counts it (29 February: 28 February), without its explanation tables.
  return members.filter((m) => addMonths(m.birthDate, 18 * 12, "birthDate") <= onDate);
}
