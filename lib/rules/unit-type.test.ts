import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HouseholdMember, Relationship } from "./eligibility-types";
import { UNIT_TYPES, allowedUnitTypes, entitledUnitType } from "./unit-type";

const m = (relationship: Relationship, sex: "M" | "F"): HouseholdMember => ({
  relationship, sex, birthDate: "1990-01-01", fullCivilCapacity: true, annualIncomeFen: 0,
});

describe("Art. 21: unit type by household size", () => {
  it.each<[string, HouseholdMember[], string]>([
    ["one person", [m("APPLICANT", "M")], "STUDIO"],
    ["a couple", [m("APPLICANT", "M"), m("SPOUSE", "F")], "ONE_BEDROOM"],
    ["father and daughter count as three", [m("APPLICANT", "M"), m("CHILD", "F")], "TWO_BEDROOM"],
    ["mother and son count as three", [m("APPLICANT", "F"), m("CHILD", "M")], "TWO_BEDROOM"],
    ["daughter living with her father counts as three", [m("APPLICANT", "F"), m("PARENT", "M")], "TWO_BEDROOM"],
    ["son living with his mother counts as three", [m("APPLICANT", "M"), m("PARENT", "F")], "TWO_BEDROOM"],
    ["mother and daughter: two", [m("APPLICANT", "F"), m("CHILD", "F")], "ONE_BEDROOM"],
    ["father and son: two", [m("APPLICANT", "M"), m("CHILD", "M")], "ONE_BEDROOM"],
    ["man with his wife's mother: two (not parent and child)", [m("APPLICANT", "M"), m("SPOUSE_PARENT", "F")], "ONE_BEDROOM"],
    ["three people", [m("APPLICANT", "M"), m("SPOUSE", "F"), m("CHILD", "M")], "TWO_BEDROOM"],
    ["four people", [m("APPLICANT", "M"), m("SPOUSE", "F"), m("CHILD", "M"), m("CHILD", "F")], "THREE_BEDROOM"],
    ["seven people", Array.from({ length: 7 }, (_, i) => m(i === 0 ? "APPLICANT" : "CHILD", "F")), "THREE_BEDROOM"],
  ])("%s -> %s", (_name, members, expected) => {
    expect(entitledUnitType(members)).toBe(expected);
  });

  it("a household may take any smaller type, listed smallest first", () => {
    expect(allowedUnitTypes([m("APPLICANT", "M")])).toEqual(["STUDIO"]);
    expect(allowedUnitTypes([m("APPLICANT", "M"), m("CHILD", "F")])).toEqual(["STUDIO", "ONE_BEDROOM", "TWO_BEDROOM"]);
  });

  it("allowed types always end with the entitled type and never shrink as the household grows", () => {
    const arb = fc.array(fc.record({ relationship: fc.constantFrom<Relationship>("SPOUSE", "CHILD", "PARENT", "SPOUSE_PARENT", "OTHER_DEPENDENT"), sex: fc.constantFrom<"M" | "F">("M", "F") }), { maxLength: 6 });
    fc.assert(
      fc.property(fc.constantFrom<"M" | "F">("M", "F"), arb, (sex, others) => {
        const members = [m("APPLICANT", sex), ...others.map((o) => m(o.relationship, o.sex))];
        const allowed = allowedUnitTypes(members);
        expect(allowed.at(-1)).toBe(entitledUnitType(members));
        expect(allowed).toEqual(UNIT_TYPES.slice(0, allowed.length));
        const bigger = allowedUnitTypes([...members, m("CHILD", "M"), m("CHILD", "F")]);
        expect(bigger.length).toBeGreaterThanOrEqual(allowed.length);
      }),
    );
  });

  it("an empty household is invalid input", () => {
    expect(() => entitledUnitType([])).toThrow(RangeError);
    expect(() => allowedUnitTypes([])).toThrow(/members/);
  });
});
