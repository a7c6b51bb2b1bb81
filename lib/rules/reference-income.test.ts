import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptableReferenceIncomeYears, referenceIncomeYear } from "./reference-income";

// Art. 13.4: R is the previous year's urban per-capita disposable income ("上年度").
describe("referenceIncomeYear (Art. 13.4)", () => {
  it.each([
    ["the previous year's figure when it is entered", "2026-06-01", [2023, 2024, 2025], 2025],
    ["the year before last while last year's is not published (early in the year)", "2026-01-05", [2023, 2024], 2024],
    ["never the assessment year's own figure", "2026-12-31", [2026, 2024], 2024],
    ["never a later year's figure", "2026-03-01", [2027, 2028], null],
    ["no figure older than the year before last", "2026-06-01", [2022, 2023], null],
    ["nothing without figures", "2026-06-01", [], null],
    ["the first day of the year looks back one year", "2026-01-01", [2025], 2025],
    ["the last day of the year still looks back one year", "2025-12-31", [2024, 2025], 2024],
  ])("takes %s", (_label, date, years, expected) => {
    expect(referenceIncomeYear(date, years)).toBe(expected);
  });

  it("is the same whatever order the years come in, and always one of them before the assessment year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2005, max: 2040 }), fc.array(fc.integer({ min: 2000, max: 2045 }), { maxLength: 12 }), (year, years) => {
        const date = `${year}-07-01`;
        const chosen = referenceIncomeYear(date, years);
        expect(referenceIncomeYear(date, [...years].reverse())).toBe(chosen);
        if (chosen === null) {
          expect(years.some((y) => y === year - 1 || y === year - 2)).toBe(false);
        } else {
          expect(years).toContain(chosen);
          expect(acceptableReferenceIncomeYears(date)).toContain(chosen);
          // The latest usable one.
          expect(years.some((y) => y > chosen && y < year)).toBe(false);
        }
      }),
    );
  });

  it("refuses invalid input with a RangeError naming the field", () => {
    expect(() => referenceIncomeYear("2026-02-30", [2025])).toThrow(/onDate/);
    expect(() => referenceIncomeYear("2026-02-01", [2025.5])).toThrow(/availableYears/);
  });

  it("lists the years that could serve, latest first", () => {
    expect(acceptableReferenceIncomeYears("2026-11-30")).toEqual([2025, 2024]);
  });
});
