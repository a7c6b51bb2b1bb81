import { describe, expect, it } from "vitest";
import { changeFractionOfBp, isRentReviewDue, rentOnBasisFen, rentReviewDate, rentTierProblems, reviewedTiers } from "./rent-standards";

// Rent standards (Art. 27, 33, 45), table by table.

const tier = (tierNo: number, rentFenPerM2: number, maxPerCapitaIncomeFen: number | null, isLowRent = false) => ({ tierNo, rentFenPerM2, maxPerCapitaIncomeFen, isLowRent });

describe("rentReviewDate / isRentReviewDue (Art. 27: every 3 years)", () => {
  it.each([
    ["2024-07-22", "2027-07-22"],
    ["2024-02-29", "2027-02-28"],
    ["2026-01-01", "2029-01-01"],
  ])("a standard from %s is reviewed on %s", (from, due) => {
    expect(rentReviewDate(from)).toBe(due);
  });
  it.each([
    ["2027-07-22", "2027-07-21", false],
    ["2027-07-22", "2027-07-22", true],
    ["2027-07-22", "2028-01-01", true],
  ])("due %s, today %s: %s", (due, today, expected) => {
    expect(isRentReviewDue(due, today)).toBe(expected);
  });
  it("refuses an impossible date", () => {
    expect(() => rentReviewDate("2026-02-30")).toThrow(RangeError);
  });
});

describe("rentTierProblems (Art. 27: tiers by income, at most 60 % of market)", () => {
  // Market 35.00 yuan/m²: the cap is 21.00.
  const market = 3_500;
  it.each([
    ["a valid standard", [tier(1, 1_200, 2_000_000), tier(2, 1_800, 4_000_000), tier(3, 2_100, null), tier(9, 500, null, true)], []],
    ["one unbounded tier alone", [tier(1, 1_500, null)], []],
    ["a rate above 60 % of market", [tier(1, 2_101, null)], [{ code: "ABOVE_MARKET_SHARE", article: "27", index: 0 }]],
    ["a low-rent rate above the cap", [tier(1, 1_000, null), tier(9, 2_200, null, true)], [{ code: "ABOVE_MARKET_SHARE", article: "27", index: 1 }]],
    ["bounds not ascending", [tier(1, 1_200, 3_000_000), tier(2, 1_500, 3_000_000), tier(3, 1_800, null)], [{ code: "BOUNDS_NOT_ASCENDING", article: "27", index: 1 }]],
    ["the last tier bounded", [tier(1, 1_200, 2_000_000), tier(2, 1_500, 3_000_000)], [{ code: "LAST_TIER_BOUNDED", article: "27", index: 1 }]],
    ["a middle tier unbounded", [tier(1, 1_200, null), tier(2, 1_500, null)], [{ code: "MIDDLE_TIER_UNBOUNDED", article: "27", index: 0 }]],
    ["a tier number twice", [tier(1, 1_200, 2_000_000), tier(1, 1_500, null)], [{ code: "DUPLICATE_TIER_NO", article: "27", index: 1 }]],
    ["only the low-rent rate", [tier(9, 500, null, true)], [{ code: "NO_INCOME_TIER", article: "27", index: null }]],
    ["two low-rent rates", [tier(1, 1_500, null), tier(8, 500, null, true), tier(9, 400, null, true)], [{ code: "LOW_RENT_TIER", article: "27", index: 2 }]],
    ["a low-rent rate with an income bound", [tier(1, 1_500, null), tier(9, 500, 1_000_000, true)], [{ code: "LOW_RENT_TIER", article: "27", index: 1 }]],
  ] as const)("%s", (_name, tiers, expected) => {
    expect(rentTierProblems(tiers, market)).toEqual(expected);
  });
  it("orders income tiers by number, not by input order", () => {
    expect(rentTierProblems([tier(2, 1_800, null), tier(1, 1_200, 2_000_000)], market)).toEqual([]);
  });
  it("throws on a fractional rate", () => {
    expect(() => rentTierProblems([tier(1, 12.5, null)], market)).toThrow(RangeError);
  });
});

describe("reviewedTiers (Art. 27: the mean of the three changes, capped at 60 % of market)", () => {
  it.each([
    // (5 % + 2 % + 2 %) / 3 = 3 %: 12.00 → 12.36, 18.00 → 18.54.
    [{ disposableIncomeBp: 500, cpiBp: 200, rentIndexBp: 200 }, 3_500, [1_236, 1_854]],
    // A fall: (-3 % + 0 % + 0 %) / 3 = -1 %: 12.00 → 11.88, 18.00 → 17.82.
    [{ disposableIncomeBp: -300, cpiBp: 0, rentIndexBp: 0 }, 3_500, [1_188, 1_782]],
    // Capped: market 30.00 caps at 18.00.
    [{ disposableIncomeBp: 500, cpiBp: 200, rentIndexBp: 200 }, 3_000, [1_236, 1_800]],
    // Half a fen rounds up: 12.00 x (1 + 0.25 % / 3 x 3)... (25 + 0 + 0) / 3 bp of 1 200 = 1 201.
    [{ disposableIncomeBp: 25, cpiBp: 0, rentIndexBp: 0 }, 3_500, [1_201, 1_802]],
  ] as const)("%o with market %i gives %o", (changes, market, rates) => {
    const reviewed = reviewedTiers([tier(1, 1_200, 2_000_000), tier(2, 1_800, null)], market, changes);
    expect(reviewed.map((t) => t.rentFenPerM2)).toEqual(rates);
    expect(reviewed.map((t) => t.previousRentFenPerM2)).toEqual([1_200, 1_800]);
    expect(reviewed.map((t) => t.maxPerCapitaIncomeFen)).toEqual([2_000_000, null]);
  });
  it.each([[-10_001], [1.5], [Number.NaN]])("refuses a change of %s bp", (bp) => {
    expect(() => changeFractionOfBp(bp)).toThrow(RangeError);
  });
});

describe("rentOnBasisFen (Art. 27, 33, 45)", () => {
  it.each([
    ["STANDARD", 100_000],
    ["LOW_RENT", 100_000],
    ["LEGACY_110_PERCENT", 110_000],
    ["MARKET", 250_000],
    ["UNIT_MISMATCH_150_PERCENT", 150_000],
  ] as const)("%s on a standard rent of 1,000.00 and a market rent of 2,500.00: %i", (basis, expected) => {
    expect(rentOnBasisFen({ basis, standardRentFen: 100_000, marketRentFen: 250_000 })).toBe(expected);
  });
  it("rounds half up once (Art. 45: 1.1 x 1,000.05 = 1,100.055 → 1,100.06)", () => {
    expect(rentOnBasisFen({ basis: "LEGACY_110_PERCENT", standardRentFen: 100_005, marketRentFen: 0 })).toBe(110_006);
  });
});
