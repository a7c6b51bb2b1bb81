import { UNIT_TYPES, type UnitType } from "@/lib/rules/unit-type";

// Art. 21: a household may take the unit type it is entitled to or a smaller one
// (STUDIO < ONE_BEDROOM < TWO_BEDROOM < THREE_BEDROOM). Pure.

/** May a household entitled to `entitled` take a unit of `unitType`? */
export function mayTakeUnitType(entitled: UnitType, unitType: UnitType): boolean {
  return UNIT_TYPES.indexOf(unitType) <= UNIT_TYPES.indexOf(entitled);
}

/** The entitlements whose holders may take `unitType`: it and every larger type, smallest first. */
export function entitlementsAllowing(unitType: UnitType): UnitType[] {
  return UNIT_TYPES.filter((entitled) => mayTakeUnitType(entitled, unitType));
}
