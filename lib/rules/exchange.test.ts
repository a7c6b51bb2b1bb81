import { describe, expect, it } from "vitest";
import type { HouseholdMember, Relationship } from "./eligibility-types";
import { checkExchangeRequest, exchangeHouseholdSize, householdBelowUnitType, unitTypeForSize, type ExchangeCheckInput } from "./exchange";
import type { UnitType } from "./unit-type";

// 第三十三条: a household that grows may apply to exchange; one that has shrunk below its unit type
// at the end of the term must exchange (or pay 1.5 x). The type asked for must fit the household's
// size (第二十一条), counted with the people joining it.

const m = (relationship: Relationship, sex: "M" | "F" = "M"): HouseholdMember => ({ relationship, sex, birthDate: "1990-01-01", fullCivilCapacity: true, annualIncomeFen: 0 });
const single = [m("APPLICANT")];
const couple = [m("APPLICANT", "M"), m("SPOUSE", "F")];
const family3 = [m("APPLICANT", "M"), m("SPOUSE", "F"), m("CHILD", "F")];
const motherSon = [m("APPLICANT", "F"), m("CHILD", "M")];

describe("第三十三条: the size counted for an exchange", () => {
  it.each<[string, HouseholdMember[], ExchangeCheckInput["reason"], number, number]>([
    ["a couple with a birth counts three", couple, "HOUSEHOLD_GREW", 1, 3],
    ["a couple with twins counts four", couple, "HOUSEHOLD_GREW", 2, 4],
    ["a mother and son already count three; a second child makes three people", motherSon, "HOUSEHOLD_GREW", 1, 3],
    ["no one joining: the recorded size", family3, "OTHER", 3, 3],
    ["shrunk: the recorded size, joining ignored", single, "HOUSEHOLD_SHRANK", 2, 1],
  ])("%s", (_name, members, reason, added, expected) => {
    expect(exchangeHouseholdSize(members, reason, added)).toBe(expected);
  });

  it.each<[number, UnitType]>([[1, "STUDIO"], [2, "ONE_BEDROOM"], [3, "TWO_BEDROOM"], [4, "THREE_BEDROOM"], [9, "THREE_BEDROOM"], [0, "STUDIO"]])("size %i -> %s", (size, type) => {
    expect(unitTypeForSize(size)).toBe(type);
  });
});

describe("第三十三条: checking an exchange request", () => {
  const base = { members: couple, addedMembers: 1, currentUnitType: "ONE_BEDROOM" as UnitType };
  it.each<[string, Partial<ExchangeCheckInput> & { reason: ExchangeCheckInput["reason"]; requestedUnitType: UnitType }, string | null]>([
    ["a birth: a couple asks for a two-bedroom", { reason: "HOUSEHOLD_GREW", requestedUnitType: "TWO_BEDROOM" }, null],
    ["a birth does not make a couple four: no three-bedroom", { reason: "HOUSEHOLD_GREW", requestedUnitType: "THREE_BEDROOM" }, "typeTooLarge"],
    ["grew, but no one named as joining", { reason: "HOUSEHOLD_GREW", addedMembers: 0, requestedUnitType: "TWO_BEDROOM" }, "noneAdded"],
    ["grew, asking for the type it has", { reason: "HOUSEHOLD_GREW", requestedUnitType: "ONE_BEDROOM" }, "typeNotLarger"],
    ["parents move in with a family of three: a three-bedroom", { reason: "HOUSEHOLD_GREW", members: family3, currentUnitType: "TWO_BEDROOM", addedMembers: 2, requestedUnitType: "THREE_BEDROOM" }, null],
    ["shrunk: one person in a two-bedroom goes to a studio", { reason: "HOUSEHOLD_SHRANK", members: single, currentUnitType: "TWO_BEDROOM", requestedUnitType: "STUDIO" }, null],
    ["shrunk: one person may not ask for a one-bedroom", { reason: "HOUSEHOLD_SHRANK", members: single, currentUnitType: "TWO_BEDROOM", requestedUnitType: "ONE_BEDROOM" }, "typeTooLarge"],
    ["not shrunk: a couple in a one-bedroom need not exchange", { reason: "HOUSEHOLD_SHRANK", requestedUnitType: "STUDIO" }, "notShrunk"],
    ["other reasons: the same type elsewhere", { reason: "OTHER", requestedUnitType: "ONE_BEDROOM" }, null],
    ["other reasons: no larger than the household's type", { reason: "OTHER", requestedUnitType: "TWO_BEDROOM" }, "typeTooLarge"],
  ])("%s", (_name, input, problem) => {
    const result = checkExchangeRequest({ ...base, ...input });
    expect(result.ok ? null : result.problem).toBe(problem);
  });

  it("reports the size counted and the type it allows", () => {
    expect(checkExchangeRequest({ ...base, reason: "HOUSEHOLD_GREW", requestedUnitType: "THREE_BEDROOM" })).toEqual({ ok: false, problem: "typeTooLarge", countedSize: 3, entitled: "TWO_BEDROOM" });
  });
});

describe("第三十三条: below its unit type", () => {
  it.each<[string, HouseholdMember[], UnitType, boolean]>([
    ["one person in a two-bedroom", single, "TWO_BEDROOM", true],
    ["one person in a studio", single, "STUDIO", false],
    ["a mother and son in a two-bedroom (they count three)", motherSon, "TWO_BEDROOM", false],
    ["a couple in a two-bedroom", couple, "TWO_BEDROOM", true],
  ])("%s -> %s", (_name, members, type, expected) => {
    expect(householdBelowUnitType(members, type)).toBe(expected);
  });
});
