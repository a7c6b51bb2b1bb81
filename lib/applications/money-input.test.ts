import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatHundredths, m2NumberToDm2, parseHundredths, yuanToFen } from "./money-input";

describe("amounts typed by people", () => {
  it("converts yuan to fen exactly, without floating point", () => {
    expect(yuanToFen("48000")).toBe(4_800_000);
    expect(yuanToFen("0.29")).toBe(29);
    expect(yuanToFen("1.1")).toBe(110);
    expect(yuanToFen("52,384.05")).toBe(5_238_405);
    expect(yuanToFen(" 12 ")).toBe(1200);
  });

  it("refuses what is not an amount", () => {
    for (const bad of ["", "-1", "1.234", "1e5", "abc", "1.", ".5", "NaN", "１２"]) expect(yuanToFen(bad), bad).toBeNull();
  });

  it("round-trips every amount in fen", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (fen) => parseHundredths(formatHundredths(fen)) === fen));
  });

  it("takes square metres with at most two decimals", () => {
    expect(m2NumberToDm2(45.67)).toBe(4567);
    expect(m2NumberToDm2(0)).toBe(0);
    expect(m2NumberToDm2(0.1 + 0.2)).toBe(30);
    expect(m2NumberToDm2(30.125)).toBeNull();
    expect(m2NumberToDm2(-1)).toBeNull();
  });
});
