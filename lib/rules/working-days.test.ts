import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { DEADLINE_WORKING_DAYS, addWorkingDays, calendarCoverage, deadlineDate, isWorkingDay, workingDaysBetween } from "./working-days";

// The State Council's notices on the holiday arrangements (国务院办公厅关于…部分节假日安排的通知):
// 国办发明电〔2023〕7号 for 2024, 〔2024〕12号 for 2025, 〔2025〕7号 for 2026. Each holiday is
// listed as its whole period (weekends inside it included) and each make-up working day (调休上班).
const OFFICIAL: Record<number, { holidays: [string, string, string][]; makeUpWorkdays: string[] }> = {
  2024: {
    holidays: [
      ["元旦", "2024-01-01", "2024-01-01"],
      ["春节", "2024-02-10", "2024-02-17"],
      ["清明节", "2024-04-04", "2024-04-06"],
      ["劳动节", "2024-05-01", "2024-05-05"],
      ["端午节", "2024-06-10", "2024-06-10"],
      ["中秋节", "2024-09-15", "2024-09-17"],
      ["国庆节", "2024-10-01", "2024-10-07"],
    ],
    makeUpWorkdays: ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"],
  },
  2025: {
    holidays: [
      ["元旦", "2025-01-01", "2025-01-01"],
      ["春节", "2025-01-28", "2025-02-04"],
      ["清明节", "2025-04-04", "2025-04-06"],
      ["劳动节", "2025-05-01", "2025-05-05"],
      ["端午节", "2025-05-31", "2025-06-02"],
      ["国庆节、中秋节", "2025-10-01", "2025-10-08"],
    ],
    makeUpWorkdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  2026: {
    holidays: [
      ["元旦", "2026-01-01", "2026-01-03"],
      ["春节", "2026-02-15", "2026-02-23"],
      ["清明节", "2026-04-04", "2026-04-06"],
      ["劳动节", "2026-05-01", "2026-05-05"],
      ["端午节", "2026-06-19", "2026-06-21"],
      ["中秋节", "2026-09-25", "2026-09-27"],
      ["国庆节", "2026-10-01", "2026-10-07"],
    ],
    makeUpWorkdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
};

function* datesFrom(first: string, last: string): Generator<string> {
  for (let d = first; d <= last; d = addDays(d, 1)) yield d;
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

describe("Art. 19-20 working days: the official calendar", () => {
  it("covers at least 2024, 2025 and 2026", () => {
    const { firstYear, lastYear } = calendarCoverage();
    expect(firstYear).toBeLessThanOrEqual(2024);
    expect(lastYear).toBeGreaterThanOrEqual(2026);
  });

  for (const [year, { holidays, makeUpWorkdays }] of Object.entries(OFFICIAL)) {
    describe(String(year), () => {
      for (const [name, first, last] of holidays) {
        it(`${name} ${first}..${last} is no working day`, () => {
          for (const d of datesFrom(first, last)) expect(isWorkingDay(d), d).toBe(false);
        });
      }
      for (const d of makeUpWorkdays) {
        it(`${d} (a ${weekday(d) === 0 ? "Sunday" : "Saturday"}) is a make-up working day`, () => {
          expect([0, 6]).toContain(weekday(d));
          expect(isWorkingDay(d)).toBe(true);
        });
      }
      it("every other day of the year follows Monday-Friday", () => {
        const holidayDates = new Set(holidays.flatMap(([, a, b]) => [...datesFrom(a, b)]));
        const makeUp = new Set(makeUpWorkdays);
        let mismatches: string[] = [];
        for (const d of datesFrom(`${year}-01-01`, `${year}-12-31`)) {
          const expected = makeUp.has(d) || (!holidayDates.has(d) && weekday(d) >= 1 && weekday(d) <= 5);
          if (isWorkingDay(d) !== expected) mismatches.push(d);
        }
        expect(mismatches).toEqual([]);
      });
    });
  }

  it("outside the covered years Monday-Friday are working days", () => {
    const after = calendarCoverage().lastYear + 1;
    for (const d of datesFrom(`${after}-01-01`, `${after}-01-14`)) {
      expect(isWorkingDay(d), d).toBe(weekday(d) >= 1 && weekday(d) <= 5);
    }
  });
});

describe("addWorkingDays and workingDaysBetween", () => {
  it.each([
    // start, n, expected, why
    ["2026-09-30", 1, "2026-10-08", "National Day week is skipped"],
    ["2026-09-30", 3, "2026-10-10", "the Saturday 10-10 is a make-up working day"],
    ["2026-02-13", 1, "2026-02-14", "Saturday 02-14 is a make-up working day before Spring Festival"],
    ["2026-02-14", 1, "2026-02-24", "Spring Festival 02-15..02-23"],
    // 01-26 (make-up Sunday), 01-27, [01-28..02-04 off], 02-05, 02-06, 02-07, 02-08 (make-up Saturday), 02-10
    ["2025-01-24", 7, "2025-02-10", "a first review across Spring Festival 2025"],
    ["2024-12-31", 5, "2025-01-08", "New Year's Day 2025 is skipped"],
    ["2026-11-27", 5, "2026-12-04", "a Friday start skips the weekend"],
    ["2026-12-31", 1, "2027-01-01", "past the covered years Monday-Friday count"],
  ])("%s + %i working days = %s (%s)", (start, n, expected) => {
    expect(addWorkingDays(start, n)).toBe(expected);
  });

  it("deadlines use the statutory periods of Art. 19-20", () => {
    expect(DEADLINE_WORKING_DAYS).toEqual({ FIRST_REVIEW: 7, SECOND_REVIEW: 5, PUBLICITY: 5, APPEAL: 10, RECTIFICATION: 15 });
    expect(deadlineDate("FIRST_REVIEW", "2026-09-28")).toBe(addWorkingDays("2026-09-28", 7));
    // 09-28 (make-up), 09-29, 09-30, [10-01..10-08 off], 10-09, 10-10, 10-11 (make-up), 10-13, 14, 15, 16
    expect(deadlineDate("APPEAL", "2025-09-26")).toBe("2025-10-16");
  });

  it.each([
    ["2026-09-30", "2026-10-12", 4],
    ["2026-10-12", "2026-09-30", 0],
    ["2026-10-01", "2026-10-01", 0],
    // 262 weekdays - 19 weekday holidays + 8 make-up days (01-01 itself is a holiday either way)
    ["2024-01-01", "2024-12-31", 251],
    // 261 - 18 + 5
    ["2025-01-01", "2025-12-31", 248],
    // 261 - 19 + 6
    ["2026-01-01", "2026-12-31", 248],
  ])("workingDaysBetween(%s, %s) = %i", (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  const dayInRange = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays("2003-01-01", n));

  it("addWorkingDays always lands on a working day and grows with n", () => {
    fc.assert(
      fc.property(dayInRange, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const a = addWorkingDays(start, n);
        const b = addWorkingDays(start, n + 1);
        expect(isWorkingDay(a)).toBe(true);
        expect(a > start).toBe(true);
        expect(b > a).toBe(true);
        expect(workingDaysBetween(start, a)).toBe(n);
      }),
    );
  });

  it("workingDaysBetween counts exactly the working days in (from, to]", () => {
    fc.assert(
      fc.property(dayInRange, fc.integer({ min: 0, max: 120 }), (from, span) => {
        const to = addDays(from, span);
        let count = 0;
        for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
        expect(workingDaysBetween(from, to)).toBe(count);
      }),
    );
  });

  it.each([
    ["start", () => addWorkingDays("2025-02-30", 1)],
    ["n", () => addWorkingDays("2025-02-03", 0)],
    ["n", () => addWorkingDays("2025-02-03", 1.5)],
    ["date", () => isWorkingDay("2025-13-01")],
    ["from", () => workingDaysBetween("20250101", "2025-01-02")],
    ["to", () => workingDaysBetween("2025-01-01", "2025-1-2")],
  ])("invalid input throws a RangeError naming %s", (field, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(field);
  });
});
