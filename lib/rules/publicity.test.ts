import { describe, expect, it } from "vitest";
import { addWorkingDays, workingDaysBetween } from "./working-days";
import { hasPublicityEnded, isWithinPublicity, publicityEndDate, publicityPeriod } from "./publicity";

describe("publicity period (Art. 19: 5 working days)", () => {
  it("ends on the 5th working day after the start date", () => {
    expect(publicityEndDate("2025-06-09")).toBe("2025-06-16"); // Mon → next Mon
    expect(publicityEndDate("2025-06-07")).toBe("2025-06-13"); // published on a Saturday
  });

  it("skips the National Day holiday and counts its make-up working Saturday", () => {
    // 2025: 1-8 October off; Saturday 11 October is a working day.
    expect(publicityEndDate("2025-09-30")).toBe("2025-10-14");
  });

  it("is shown as counted: from the first working day after publication to the 5th", () => {
    expect(publicityPeriod("2025-06-09")).toEqual({ publishedOn: "2025-06-09", firstDay: "2025-06-10", endDate: "2025-06-16" });
    expect(publicityPeriod("2025-06-07")).toEqual({ publishedOn: "2025-06-07", firstDay: "2025-06-09", endDate: "2025-06-13" });
    expect(publicityPeriod("2025-09-30")).toEqual({ publishedOn: "2025-09-30", firstDay: "2025-10-09", endDate: "2025-10-14" });
    // The shown period holds exactly 5 working days, first and last included.
    for (const day of ["2025-06-09", "2025-06-07", "2025-09-30", "2026-02-13", "2026-04-30"]) {
      const { firstDay, endDate } = publicityPeriod(day);
      expect(workingDaysBetween(firstDay, endDate) + 1).toBe(5);
      expect(firstDay).toBe(addWorkingDays(day, 1));
    }
  });

  it("never starts after a stored end date", () => {
    expect(publicityPeriod("2025-06-09", "2025-06-09")).toEqual({ publishedOn: "2025-06-09", firstDay: "2025-06-09", endDate: "2025-06-09" });
  });

  it("takes objections from the start date through the end date, CST dates", () => {
    const period = { startDate: "2025-06-09", endDate: "2025-06-16" };
    expect(isWithinPublicity(period, "2025-06-08")).toBe(false);
    expect(isWithinPublicity(period, "2025-06-09")).toBe(true);
    expect(isWithinPublicity(period, "2025-06-16")).toBe(true);
    expect(isWithinPublicity(period, "2025-06-17")).toBe(false);
  });

  it("has ended only after the end date", () => {
    expect(hasPublicityEnded("2025-06-16", "2025-06-16")).toBe(false);
    expect(hasPublicityEnded("2025-06-16", "2025-06-17")).toBe(true);
  });
});
