import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  grandfatheredRentFen, lateFeeFen, maintenanceFundMinFen, maxStandardRentFen, monthlyRentFen, multipliedRentFen, rentTierFor, reviewedRentFen, roundFen,
  unitMismatchRentFen, vacatingRentMultiplier,
} from "./rent";

describe("roundFen: half up to a whole fen, once", () => {
  it.each([
    [0, 0], [0.4, 0], [0.5, 1], [1.49, 1], [1.5, 2], [2.5, 3], [1234.5, 1235],
    [1.1 * 15, 17], // 16.500000000000004 in binary
    [2.675 * 100, 268], // 267.49999999999997 in binary stands for 267.5
    [0.49999, 0],
  ])("%f -> %i", (amount, expected) => {
    expect(roundFen(amount)).toBe(expected);
  });
  it("refuses negative or non-finite amounts", () => {
    expect(() => roundFen(-0.5)).toThrow(RangeError);
    expect(() => roundFen(Number.NaN)).toThrow(/amount/);
  });
});

describe("Art. 27: standard rent at most 60 % of market rent", () => {
  it.each([[100_000, 60_000], [99_999, 59_999], [1, 0], [5, 3], [0, 0]])("market %i -> at most %i", (market, max) => {
    expect(maxStandardRentFen(market)).toBe(max); // 99,999 x 0.6 = 59,999.4: floor
  });

  it.each([
    // current, market, changes, expected
    [100_000, 200_000, { disposableIncome: 0.05, cpi: 0.02, rentIndex: 0.03 }, 103_333], // x 1.0333.. = 103,333.33
    [100_000, 200_000, { disposableIncome: 0.06, cpi: 0.03, rentIndex: 0 }, 103_000],
    [1_001, 200_000, { disposableIncome: 0.005, cpi: 0, rentIndex: -0.005 }, 1_001],
    [10_001, 200_000, { disposableIncome: 0.15, cpi: 0, rentIndex: 0 }, 10_501], // 10,501.05
    [100_000, 170_000, { disposableIncome: 0.05, cpi: 0.05, rentIndex: 0.05 }, 102_000], // capped at 60 % of market
    [100_000, 200_000, { disposableIncome: -0.03, cpi: -0.03, rentIndex: 0 }, 98_000],
  ])("reviewed rent of %i (market %i) with %o = %i", (current, market, changes, expected) => {
    expect(reviewedRentFen(current, market, changes)).toBe(expected);
  });

  it("reviewed rent never exceeds 60 % of market", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: -0.5, max: 2, noNaN: true }), (current, market, change) => {
        const r = reviewedRentFen(current, market, { disposableIncome: change, cpi: change, rentIndex: change });
        expect(Number.isInteger(r)).toBe(true);
        expect(r).toBeLessThanOrEqual(maxStandardRentFen(market));
        expect(r).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("Art. 29: late fee of 0.05 % a day", () => {
  it.each([
    [100_000, "2025-01-10", "2025-01-10", 0, "paid on the due date"],
    [100_000, "2025-01-10", "2025-01-05", 0, "paid early"],
    [100_000, "2025-01-10", "2025-01-11", 50, "one day"],
    [100_000, "2025-01-10", "2025-02-09", 1_500, "thirty days"],
    [999, "2025-01-10", "2025-01-11", 0, "0.4995 fen rounds down"],
    [1_000, "2025-01-10", "2025-01-11", 1, "0.5 fen rounds up"],
    [3_333, "2024-02-28", "2024-03-01", 3, "across a leap day: 2 days, 3.333 fen"],
    [123_457, "2025-12-31", "2026-01-31", 1_914, "31 days: 1913.5835 fen"],
  ])("%i fen due %s, paid %s: %i fen (%s)", (amount, due, paid, fee) => {
    expect(lateFeeFen(amount, due, paid)).toBe(fee);
  });

  it("grows linearly with the days late (before rounding)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (amount, a, b) => {
        const due = "2025-01-01";
        const paid = (days: number) => new Date(Date.UTC(2025, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
        const fa = lateFeeFen(amount, due, paid(a));
        const fab = lateFeeFen(amount, due, paid(a + b));
        // Exactly amount x days / 2000, rounded once: within half a fen of the linear value.
        expect(Math.abs(fa - (amount * a) / 2000)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(fab - (amount * (a + b)) / 2000)).toBeLessThanOrEqual(0.5);
        expect(fab).toBeGreaterThanOrEqual(fa);
        if (amount % 2000 === 0) expect(fab).toBe(fa + (amount / 2000) * b);
      }),
    );
  });

  it("invalid input throws a RangeError naming the field", () => {
    expect(() => lateFeeFen(-1, "2025-01-01", "2025-01-02")).toThrow(/amountDueFen/);
    expect(() => lateFeeFen(10.5, "2025-01-01", "2025-01-02")).toThrow(/amountDueFen/);
    expect(() => lateFeeFen(100, "2025-02-29", "2025-03-02")).toThrow(/dueDate/);
    expect(() => lateFeeFen(100, "2025-01-01", "2025-1-2")).toThrow(/paidDate/);
  });
});

describe("Art. 33: 1.5 x rent for a unit larger than the household", () => {
  it.each([[1_000, 1_500], [1_001, 1_502], [1, 2], [0, 0], [333, 500]])("%i -> %i", (standard, expected) => {
    expect(unitMismatchRentFen(standard)).toBe(expected); // 1,001 x 1.5 = 1,501.5 -> 1,502
  });
});

describe("Art. 38: 1.5 x during the three-month transition, then 2 x", () => {
  it.each([
    ["2024-11-30", "2025-02-27", 1.5],
    ["2024-11-30", "2025-02-28", 2], // month-end clamped: 2024-11-30 + 3 months = 2025-02-28
    ["2023-11-30", "2024-02-28", 1.5],
    ["2023-11-30", "2024-02-29", 2], // leap year
    ["2025-01-15", "2025-04-14", 1.5],
    ["2025-01-15", "2025-04-15", 2],
    ["2025-01-15", "2025-01-15", 1.5],
  ] as const)("obligation %s, on %s: x %f", (obligation, on, multiplier) => {
    expect(vacatingRentMultiplier(obligation, on)).toBe(multiplier);
  });
  it("invalid dates throw", () => {
    expect(() => vacatingRentMultiplier("2025-02-30", "2025-03-01")).toThrow(/obligationDate/);
    expect(() => vacatingRentMultiplier("2025-01-30", "x")).toThrow(/onDate/);
  });
});

describe("Art. 45: rent for households qualified before 2024-07-22", () => {
  const base = { standardRentFen: 1_005, marketRentFen: 3_000 };
  it.each([
    [5_000_000, 5_000_000, 1_005, "income at the limit: standard rent"],
    [5_000_001, 5_000_000, 1_106, "just above: 1.1 x (1105.5 rounds up)"],
    [10_000_000, 5_000_000, 1_106, "exactly twice the limit: still 1.1 x"],
    [10_000_000.5, 5_000_000, 3_000, "above twice: market rent"],
    [5_500_000.4, 5_500_000.4, 1_005, "fractional per-capita income equal to a fractional limit"],
  ])("per-capita %f, limit %f -> %i (%s)", (perCapitaIncomeFen, incomeLimitFen, expected) => {
    expect(grandfatheredRentFen({ ...base, perCapitaIncomeFen, incomeLimitFen })).toBe(expected);
  });
  it("invalid input throws", () => {
    expect(() => grandfatheredRentFen({ ...base, standardRentFen: -5, perCapitaIncomeFen: 1, incomeLimitFen: 1 })).toThrow(/standardRentFen/);
    expect(() => grandfatheredRentFen({ ...base, perCapitaIncomeFen: Number.NaN, incomeLimitFen: 1 })).toThrow(/perCapitaIncomeFen/);
  });
});

describe("Art. 35: at least 5 % of rent income to the maintenance fund", () => {
  it.each([[0, 0], [20, 1], [21, 2], [100, 5], [101, 6], [1_000_000, 50_000]])("%i -> %i", (income, fund) => {
    expect(maintenanceFundMinFen(income)).toBe(fund);
  });
  it("refuses fractional fen", () => {
    expect(() => maintenanceFundMinFen(1.5)).toThrow(/rentIncomeFen/);
  });
});

describe("Art. 27: a unit's monthly rent from the rate per m² and its area", () => {
  it.each([
    [1_500, 4_567, 68_505], // 15.00 yuan/m² x 45.67 m² = 685.05 yuan
    [1_234, 5_001, 61_712], // 61,712.34: half up to whole fen
    [1, 50, 1], // 0.5 fen rounds up
    [0, 6_000, 0],
  ])("%i fen/m² x %i dm² = %i fen", (rate, dm2, expected) => {
    expect(monthlyRentFen(rate, dm2)).toBe(expected);
  });
  it("refuses a zero or fractional area", () => {
    expect(() => monthlyRentFen(1_500, 0)).toThrow(/floorAreaDm2/);
    expect(() => monthlyRentFen(1_500, 45.5)).toThrow(RangeError);
  });
});

describe("Art. 27: the rent tier by income; low-rent households at the former low-rent rate", () => {
  const tiers = [
    { tierNo: 3, isLowRent: false, maxPerCapitaIncomeFen: null, rentFenPerM2: 1_800 },
    { tierNo: 1, isLowRent: false, maxPerCapitaIncomeFen: 3_000_000, rentFenPerM2: 1_200 },
    { tierNo: 2, isLowRent: false, maxPerCapitaIncomeFen: 5_000_000, rentFenPerM2: 1_500 },
    { tierNo: 9, isLowRent: true, maxPerCapitaIncomeFen: null, rentFenPerM2: 500 },
  ];
  it.each([
    [1_000_000, false, 1],
    [3_000_000, false, 1],
    [3_000_001, false, 2],
    [9_000_000, false, 3],
    [9_000_000, true, 9],
  ])("per-capita income %i, low-rent %s -> tier %i", (perCapitaIncomeFen, lowRent, tierNo) => {
    expect(rentTierFor(tiers, { perCapitaIncomeFen, lowRent })?.tierNo).toBe(tierNo);
  });
  it("no tier fits when every tier is bounded below the income", () => {
    expect(rentTierFor(tiers.slice(1, 3), { perCapitaIncomeFen: 9_000_000, lowRent: false })).toBeNull();
  });
});

describe("Art. 33, 38: rent multipliers", () => {
  it.each([[100, 68_505, 68_505], [150, 68_505, 102_758], [200, 68_505, 137_010]] as const)("%i %% of %i = %i", (pct, rent, expected) => {
    expect(multipliedRentFen(rent, pct)).toBe(expected);
  });
  it("1.5 x agrees with unitMismatchRentFen for all rents", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (rent) => {
      expect(multipliedRentFen(rent, 150)).toBe(unitMismatchRentFen(rent));
    }));
  });
});
