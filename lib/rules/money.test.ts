import { describe, expect, it } from "vitest";
import { formatYuan, hundredthsText, wholeHundredths } from "./money";

describe("whole hundredths as text", () => {
  it.each<[number | bigint, string, string]>([
    [0, "0.00", "0.00"],
    [7, "0.07", "0.07"],
    [123_456, "1234.56", "1,234.56"],
    [-123_456, "-1234.56", "-1,234.56"],
    [2n ** 64n, "184467440737095516.16", "184,467,440,737,095,516.16"],
  ])("%s", (value, plain, grouped) => {
    expect(hundredthsText(value)).toBe(plain);
    expect(hundredthsText(value, { group: "," })).toBe(grouped);
  });

  it("uses the separators it is given", () => {
    expect(hundredthsText(123_456_789, { group: ".", decimal: "," })).toBe("1.234.567,89");
  });

  it("refuses fractions and numbers past the safe range", () => {
    for (const bad of [0.5, Number.NaN, 2 ** 53]) expect(() => hundredthsText(bad), String(bad)).toThrow(RangeError);
  });
});

describe("numbers with at most two decimals as whole hundredths", () => {
  it.each<[number, number | null]>([
    [1234.56, 123_456],
    [1234.56 * 12, 1_481_472],
    [0.29, 29],
    [99_999_999.99, 9_999_999_999],
    [1.005, null],
    [0.001, null],
    [-0.01, null],
    [Number.NaN, null],
    [1e300, null],
  ])("%d", (value, hundredths) => {
    expect(wholeHundredths(value)).toBe(hundredths);
  });
});

describe("yuan in explanations", () => {
  it("prints two decimals without grouping, a fractional fen rounded half up", () => {
    expect(formatYuan(4_800_000)).toBe("48000.00");
    expect(formatYuan(5_500_000.5)).toBe("55000.01");
    expect(formatYuan(1_000_000 / 3)).toBe("3333.33");
  });
});
