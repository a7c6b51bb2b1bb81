import { describe, expect, it } from "vitest";
import { sumExact, sumSafe } from "./sum";

describe("sums of amounts", () => {
  it("adds past 2^31 fen and past Number.MAX_SAFE_INTEGER without losing a fen", () => {
    // A year of rent for 3,000 flats at 2,000 yuan a month: 7.2 × 10^9 fen, past an integer column.
    expect(sumExact(Array.from({ length: 36_000 }, () => 200_000))).toBe(7_200_000_000n);
    expect(sumExact([Number.MAX_SAFE_INTEGER, 2, 2_147_483_647n])).toBe(9_007_201_402_224_640n);
    expect(sumExact([])).toBe(0n);
  });

  it("refuses a fraction of a fen", () => {
    expect(() => sumExact([1, 0.5])).toThrow(RangeError);
  });

  it("gives a number only while a number holds the total exactly", () => {
    expect(sumSafe([2_147_483_647, 2_147_483_647])).toBe(4_294_967_294);
    expect(() => sumSafe([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
