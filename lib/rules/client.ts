// The part of the rules that the browser loads (docs/decisions/009-client-bundles.md): the checks
// and enumerations that client components and the schemas they share with the server use. Each
// name is the same value lib/rules/index.ts exports. Not here: the lottery (node:crypto), working
// days (the State Council calendar), eligibility and its explanation tables: they stay on the
// server. components/client-imports.test.ts fails if browser code imports the whole index.

export type { Fen, ISODate } from "./types";
// The household and eligibility types, and the enumerations RELATIONSHIPS, EMPLOYMENT_BASES, PRIORITY_CATEGORIES.
export * from "./eligibility-types";
export type { RulesLocale } from "./articles";
export type { UnitType } from "./unit-type";

export { addDays, addMonths, assertISODate, compareISODate, isValidISODate } from "./dates";
export { birthDateFromResidentId, isValidResidentId, maskName, maskPhone, maskResidentId, sexFromResidentId } from "./identity";
export { UNIT_TYPES, allowedUnitTypes, entitledUnitType, unitTypeHouseholdSize } from "./unit-type";
export { INELIGIBILITY_ARTICLES, articleLabel } from "./articles";
