import type { HouseholdMember } from "./eligibility-types";

// Art. 21: the unit type follows the household's size.

export type UnitType = "STUDIO" | "ONE_BEDROOM" | "TWO_BEDROOM" | "THREE_BEDROOM";

/** Smallest first. */
export const UNIT_TYPES: readonly UnitType[] = ["STUDIO", "ONE_BEDROOM", "TWO_BEDROOM", "THREE_BEDROOM"];

/**
 * The size Art. 21 counts: the head count, except that a household of exactly two people who are
 * father and daughter or mother and son (the applicant with a child or a parent of the other sex)
 * counts as three.
 */
export function unitTypeHouseholdSize(members: HouseholdMember[]): number {
  if (!Array.isArray(members) || members.length === 0) {
    throw new RangeError("members must list at least one household member");
  }
  if (members.length === 2) {
    const applicant = members.find((m) => m.relationship === "APPLICANT");
    const other = members.find((m) => m !== applicant);
    if (
      applicant && other &&
      (other.relationship === "CHILD" || other.relationship === "PARENT") &&
      applicant.sex !== other.sex
    ) {
      return 3;
    }
  }
  return members.length;
}

/** The largest unit type the household may take (Art. 21). */
export function entitledUnitType(members: HouseholdMember[]): UnitType {
  const size = unitTypeHouseholdSize(members);
  return UNIT_TYPES[Math.min(size, 4) - 1]!;
}

/** Every unit type the household may take, smallest first (Art. 21: "or smaller"). */
export function allowedUnitTypes(members: HouseholdMember[]): UnitType[] {
  return UNIT_TYPES.slice(0, UNIT_TYPES.indexOf(entitledUnitType(members)) + 1);
}
