import type { HouseholdMember } from "./eligibility-types";
import { entitledUnitType, UNIT_TYPES, unitTypeHouseholdSize, type UnitType } from "./unit-type";

// Art. 33: "During the term, a household that grows by marriage, birth or parents moving in may apply
// to exchange; at the end of the term, a household that has shrunk below the standard of its unit
// type shall exchange, and one that shall but does not pays 1.5 x the standard rent. Exchanges go by
// the waiting list, and a new lease is signed after allocation."
//
// The unit type asked for must fit the household (Art. 21, lib/rules/unit-type): for a household
// that grew, counted with the people joining it.

export type ExchangeReasonCode = "HOUSEHOLD_GREW" | "HOUSEHOLD_SHRANK" | "OTHER";

/** Most people a tenant may declare as joining in one request (a larger change is a new application). */
export const MAX_ADDED_MEMBERS = 6;

export type ExchangeProblem =
  /** A household that grew names at least one person joining it. */
  | "noneAdded"
  /** The unit type asked for is larger than the household's size allows (Art. 21, 33). */
  | "typeTooLarge"
  /** A household that grew asks for a larger type than it lives in (else there is nothing to exchange for). */
  | "typeNotLarger"
  /** Art. 33's mandatory exchange: the household is not below its unit type. */
  | "notShrunk"
  /** Shrunk: the type asked for is not smaller than the one lived in. */
  | "typeNotSmaller";

export interface ExchangeCheckInput {
  reason: ExchangeReasonCode;
  /** The household as recorded (the tenant and the people living with them). */
  members: HouseholdMember[];
  /** People joining (HOUSEHOLD_GREW); ignored otherwise. */
  addedMembers: number;
  /** The type of the unit lived in now. */
  currentUnitType: UnitType;
  requestedUnitType: UnitType;
}

export type ExchangeCheck =
  | { ok: true; countedSize: number; entitled: UnitType }
  | { ok: false; problem: ExchangeProblem; countedSize: number; entitled: UnitType };

function rank(type: UnitType): number {
  return UNIT_TYPES.indexOf(type);
}

/**
 * The size Art. 21 counts for an exchange: the recorded household's, or for one that grew, its head
 * count with the people joining (never less than the recorded count, which may count a parent with a
 * child of the other sex as three).
 */
export function exchangeHouseholdSize(members: HouseholdMember[], reason: ExchangeReasonCode, addedMembers: number): number {
  const recorded = unitTypeHouseholdSize(members);
  if (reason !== "HOUSEHOLD_GREW") return recorded;
  return Math.max(recorded, members.length + Math.max(0, Math.trunc(addedMembers)));
}

/** The largest type for a counted size (Art. 21: 1 studio, 2 one-bedroom, 3 two-bedroom, 4 or more three-bedroom). */
export function unitTypeForSize(size: number): UnitType {
  return UNIT_TYPES[Math.min(Math.max(1, Math.trunc(size)), 4) - 1]!;
}

/** Whether a household lives in a unit above its type: at the end of the term it must exchange (Art. 33). */
export function householdBelowUnitType(members: HouseholdMember[], unitType: UnitType): boolean {
  return rank(unitType) > rank(entitledUnitType(members));
}

/** Checks an exchange request against Art. 21 and 33. */
export function checkExchangeRequest(input: ExchangeCheckInput): ExchangeCheck {
  const countedSize = exchangeHouseholdSize(input.members, input.reason, input.addedMembers);
  const entitled = unitTypeForSize(countedSize);
  const fail = (problem: ExchangeProblem): ExchangeCheck => ({ ok: false, problem, countedSize, entitled });
  if (input.reason === "HOUSEHOLD_GREW") {
    if (!(input.addedMembers >= 1)) return fail("noneAdded");
    if (rank(input.requestedUnitType) > rank(entitled)) return fail("typeTooLarge");
    if (rank(input.requestedUnitType) <= rank(input.currentUnitType)) return fail("typeNotLarger");
    return { ok: true, countedSize, entitled };
  }
  if (input.reason === "HOUSEHOLD_SHRANK") {
    if (rank(input.currentUnitType) <= rank(entitled)) return fail("notShrunk");
    if (rank(input.requestedUnitType) > rank(entitled)) return fail("typeTooLarge");
    if (rank(input.requestedUnitType) >= rank(input.currentUnitType)) return fail("typeNotSmaller");
    return { ok: true, countedSize, entitled };
  }
  if (rank(input.requestedUnitType) > rank(entitled)) return fail("typeTooLarge");
  return { ok: true, countedSize, entitled };
}
