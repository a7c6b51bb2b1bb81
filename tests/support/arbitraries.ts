// fast-check arbitraries for property tests, built on the same factories as the example tests.
import fc from "fast-check";
import { addDays, toDayNumber } from "@/lib/rules/dates";
import type { ISODate } from "@/lib/rules/types";
import { residentId, type ResidentIdSpec } from "./resident-id";

/** Any calendar date from `min` to `max`, both included (by default a century of birth dates, 1930-2029). */
export function isoDateArbitrary(options: { min?: ISODate; max?: ISODate } = {}): fc.Arbitrary<ISODate> {
  const { min = "1930-01-01", max = "2029-12-31" } = options;
  return fc.integer({ min: 0, max: toDayNumber(max, "max") - toDayNumber(min, "min") }).map((days) => addDays(min, days));
}

/** Any valid resident ID in `area`, born in the range of isoDateArbitrary(), of either sex. */
export function residentIdArbitrary(options: Pick<ResidentIdSpec, "area"> = {}): fc.Arbitrary<string> {
  return fc
    .record({ birthDate: isoDateArbitrary(), sequence: fc.integer({ min: 0, max: 999 }) })
    .map(({ birthDate, sequence }) => residentId({ ...options, birthDate, sequence }));
}
