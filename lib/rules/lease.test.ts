import { describe, expect, it } from "vitest";
import { isRenewalOnTime, isValidLeaseTermMonths, latestRenewalDate, leaseEndDate } from "./lease";

describe("Art. 25: a lease of one to five years", () => {
  it.each([[11, false], [12, true], [36, true], [60, true], [61, false], [12.5, false], [0, false], [-12, false]])("%f months: %s", (months, ok) => {
    expect(isValidLeaseTermMonths(months)).toBe(ok);
  });

  it.each([
    ["2025-01-01", 12, "2025-12-31"],
    ["2025-03-15", 36, "2028-03-14"],
    ["2024-02-29", 12, "2025-02-27"], // 2024-02-29 + 12 months clamps to 2025-02-28, less a day
    ["2024-02-29", 48, "2028-02-28"],
    ["2025-01-31", 13, "2026-02-27"],
    ["2025-08-31", 60, "2030-08-30"],
  ])("starting %s for %i months ends %s", (start, months, end) => {
    expect(leaseEndDate(start, months)).toBe(end);
  });

  it("refuses a term outside Art. 25 or a malformed start", () => {
    expect(() => leaseEndDate("2025-01-01", 6)).toThrow(/termMonths/);
    expect(() => leaseEndDate("2025-02-29", 12)).toThrow(/start/);
  });
});

describe("Art. 32: renewal applied for at least three months before expiry", () => {
  it.each([
    ["2025-12-31", "2025-09-30"],
    ["2026-05-31", "2026-02-28"], // month-end clamped
    ["2028-05-31", "2028-02-29"], // leap year
    ["2026-06-15", "2026-03-15"],
  ])("lease ending %s: latest request %s", (end, latest) => {
    expect(latestRenewalDate(end)).toBe(latest);
  });
  it("a request on the latest date is on time, a day later is not", () => {
    expect(isRenewalOnTime("2025-09-30", "2025-12-31")).toBe(true);
    expect(isRenewalOnTime("2025-10-01", "2025-12-31")).toBe(false);
  });
  it("invalid dates throw", () => {
    expect(() => latestRenewalDate("2025-06-31")).toThrow(/leaseEnd/);
  });
});
