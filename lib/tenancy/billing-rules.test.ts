import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, toDayNumber } from "@/lib/rules/dates";
import { leaseEndDate } from "@/lib/rules/lease";
import { periodIndexInMonth, periodsBegunBy, rentPeriod } from "./billing-rules";

// Rent periods are the lease's whole months (Art. 25-26); rent is due on each period's 10th day.

describe("rent periods of a lease", () => {
  it.each([
    ["2026-01-15", 0, "2026-01-15", "2026-02-14", "2026-01-24"],
    ["2026-01-15", 11, "2026-12-15", "2027-01-14", "2026-12-24"],
    ["2026-01-31", 1, "2026-02-28", "2026-03-30", "2026-03-09"], // month-end clamped
    ["2024-01-31", 1, "2024-02-29", "2024-03-30", "2024-03-09"], // leap year
    ["2026-03-01", 0, "2026-03-01", "2026-03-31", "2026-03-10"],
  ])("start %s, period %i: %s to %s, due %s", (start, k, from, to, due) => {
    expect(rentPeriod(start, k)).toEqual({ index: k, periodStart: from, periodEnd: to, dueDate: due });
  });

  it("the period starting in a month", () => {
    expect(periodIndexInMonth("2026-01-15", "2026-01")).toBe(0);
    expect(periodIndexInMonth("2026-01-15", "2027-03")).toBe(14);
    expect(periodIndexInMonth("2026-05-15", "2026-03")).toBe(-2);
    expect(() => periodIndexInMonth("2026-05-15", "2026-13")).toThrow(RangeError);
  });

  it("for every start and term, the periods tile the lease from its start to its end date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 12, max: 60 }), (offset, term) => {
        const start = addDays("2024-01-01", offset);
        const periods = periodsBegunBy(start, term, "2099-12-31");
        expect(periods).toHaveLength(term);
        expect(periods[0]!.periodStart).toBe(start);
        expect(periods.at(-1)!.periodEnd).toBe(leaseEndDate(start, term));
        for (let i = 1; i < periods.length; i++) expect(toDayNumber(periods[i]!.periodStart)).toBe(toDayNumber(periods[i - 1]!.periodEnd) + 1);
        // exactly one period starts in each calendar month of the term
        const months = periods.map((p) => p.periodStart.slice(0, 7));
        expect(new Set(months).size).toBe(term);
        periods.forEach((p) => expect(periodIndexInMonth(start, p.periodStart.slice(0, 7))).toBe(p.index));
      }),
    );
  });
});
