import { describe, expect, it } from "vitest";
import { UNIT_TYPES } from "@/lib/rules/unit-type";
import { entitlementsAllowing, mayTakeUnitType } from "./unit-types";

describe("Art. 21: the entitled unit type or a smaller one", () => {
  it("lets a household take its own type and every smaller one, never a larger one", () => {
    expect(mayTakeUnitType("TWO_BEDROOM", "TWO_BEDROOM")).toBe(true);
    expect(mayTakeUnitType("TWO_BEDROOM", "ONE_BEDROOM")).toBe(true);
    expect(mayTakeUnitType("TWO_BEDROOM", "STUDIO")).toBe(true);
    expect(mayTakeUnitType("TWO_BEDROOM", "THREE_BEDROOM")).toBe(false);
    expect(mayTakeUnitType("STUDIO", "ONE_BEDROOM")).toBe(false);
    expect(mayTakeUnitType("THREE_BEDROOM", "STUDIO")).toBe(true);
  });

  it("lists the entitlements that may take a type: it and every larger one", () => {
    expect(entitlementsAllowing("STUDIO")).toEqual(UNIT_TYPES);
    expect(entitlementsAllowing("TWO_BEDROOM")).toEqual(["TWO_BEDROOM", "THREE_BEDROOM"]);
    expect(entitlementsAllowing("THREE_BEDROOM")).toEqual(["THREE_BEDROOM"]);
  });

  it("agrees with mayTakeUnitType for every pair", () => {
    for (const unitType of UNIT_TYPES) {
      for (const entitled of UNIT_TYPES) {
        expect(entitlementsAllowing(unitType).includes(entitled)).toBe(mayTakeUnitType(entitled, unitType));
      }
    }
  });
});
