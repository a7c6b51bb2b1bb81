import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, cstDateOf, dayNumberToYmd, isValidISODate, parseInstant, ymdToDayNumber } from "./dates";

describe("calendar dates", () => {
  it.each([
    ["2024-02-29", true], ["2023-02-29", false], ["2000-02-29", true], ["1900-02-29", false], ["2025-04-31", false],
    ["2025-4-01", false], ["2025-04-01T00:00", false], ["1899-12-31", false], ["", false], ["2025-00-10", false],
  ])("%s valid=%s", (date, valid) => {
    expect(isValidISODate(date)).toBe(valid);
  });

  it.each([
    ["2024-11-30", 3, "2025-02-28"],
    ["2023-11-30", 3, "2024-02-29"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", -12, "2023-02-28"],
    ["2025-12-15", 1, "2026-01-15"],
  ])("%s + %i months = %s (month-end clamped)", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("day numbers round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: ymdToDayNumber(1900, 1, 1), max: ymdToDayNumber(2200, 12, 31) }), (n) => {
        const [y, m, d] = dayNumberToYmd(n);
        expect(ymdToDayNumber(y, m, d)).toBe(n);
        expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(addDays("1970-01-01", n));
      }),
    );
  });

  it("date-times convert to China Standard Time dates", () => {
    expect(cstDateOf("2024-12-31T16:00:00Z")).toBe("2025-01-01");
    expect(cstDateOf("2024-12-31T15:59:59.999Z")).toBe("2024-12-31");
    expect(cstDateOf("2025-03-10T09:30:00+08:00")).toBe("2025-03-10");
    expect(parseInstant("2025-03-10T09:30:00+08:00", "x").epochMs).toBe(Date.parse("2025-03-10T01:30:00Z"));
    expect(() => parseInstant("2025-03-10T24:00:00Z", "acceptedAt")).toThrow(/acceptedAt/);
  });
});
