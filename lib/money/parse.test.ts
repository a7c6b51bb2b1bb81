import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDm2, formatFen, formatPercentBp } from "./format";
import { INT_COLUMN_MAX, MAX_FLOOR_AREA_DM2, parseDm2, parseFen, parseFenBigInt, parsePercentBp, type AmountProblem } from "./parse";

const ok = <T>(value: T) => ({ ok: true, value });
const no = (problem: AmountProblem) => ({ ok: false, problem });

describe("parseFen: yuan to integer fen", () => {
  it.each<[string | number, number]>([
    ["0", 0],
    ["0.01", 1],
    ["0.1", 10],
    ["0.29", 29], // 0.29 × 100 is 28.999999999999996 in binary
    ["1.15", 115],
    ["1,234.56", 123_456],
    ["1,234,567.8", 123_456_780],
    [" 60 000 ", 6_000_000],
    ["¥1,234.00", 123_400],
    ["￥88.8", 8_880],
    ["1234元", 123_400],
    ["１，２３４．５６", 123_456], // full-width digits, comma and point (a Chinese input method)
    ["1，234.56", 123_456],
    ["+12", 1_200],
    ["007.10", 710],
    ["21474836.47", 2_147_483_647], // the most an integer column holds
    [1234.56, 123_456],
    [1234.56 * 12, 1_481_472], // a computed spreadsheet cell: 14814.720000000001
    [0.1 + 0.2, 30],
    [0, 0],
  ])("%j is %d fen", (input, fen) => {
    expect(parseFen(input)).toEqual(ok(fen));
  });

  it.each<[string | number, AmountProblem]>([
    ["", "empty"],
    ["   ", "empty"],
    ["abc", "invalid"],
    ["五万", "invalid"],
    ["12.3.4", "invalid"],
    ["12,34", "invalid"],
    ["1,23.00", "invalid"],
    [".5", "invalid"],
    ["5.", "invalid"],
    ["1e5", "invalid"],
    ["¥", "invalid"],
    ["0x10", "invalid"],
    ["-12.00", "negative"],
    ["−3", "negative"],
    ["-1.234", "negative"],
    ["0.005", "decimals"],
    ["1.234", "decimals"],
    ["21474836.48", "tooLarge"], // 2^31 fen
    ["99999999999999999999", "tooLarge"],
    ["9".repeat(5000), "tooLarge"],
    [1.005, "decimals"], // 1.00499999999999989… in binary
    [-1, "negative"],
    [Number.NaN, "invalid"],
    [Number.POSITIVE_INFINITY, "invalid"],
    [1e300, "tooLarge"],
    [21474836.48, "tooLarge"],
  ])("%j is refused: %s", (input, problem) => {
    expect(parseFen(input)).toEqual(no(problem));
  });

  it("takes a field's own limit", () => {
    expect(parseFen("20000000", { max: 2_000_000_000 })).toEqual(ok(2_000_000_000));
    expect(parseFen("20000000.01", { max: 2_000_000_000 })).toEqual(no("tooLarge"));
    expect(parseFen("99999999.99", { max: 10_000_000_000 })).toEqual(ok(9_999_999_999));
    expect(() => parseFen("1", { max: 2 ** 53 })).toThrow(RangeError);
  });

  it("reads amounts past 2^31 and past Number.MAX_SAFE_INTEGER exactly as bigint", () => {
    expect(parseFenBigInt("21,474,836.48")).toEqual(ok(2_147_483_648n));
    expect(parseFenBigInt("90071992547409.92")).toEqual(ok(9_007_199_254_740_992n));
    expect(parseFenBigInt("123,456,789,012,345,678.90")).toEqual(ok(12_345_678_901_234_567_890n));
    expect(parseFen("90071992547409.92")).toEqual(no("tooLarge"));
    expect(parseFenBigInt("-1")).toEqual(no("negative"));
    expect(parseFenBigInt("0.001")).toEqual(no("decimals"));
  });
});

describe("parseDm2: square metres to integer dm²", () => {
  it.each<[string | number, number]>([
    ["89.5", 8_950],
    ["89.50㎡", 8_950],
    ["45 m²", 4_500],
    ["120平方米", 12_000],
    ["60平米", 6_000],
    ["1,200", 120_000],
    ["100000", MAX_FLOOR_AREA_DM2],
    [60.12, 6_012],
    [30.15 - 15.15, 1_500], // 14.999999999999998
  ])("%j m² is %d dm²", (input, dm2) => {
    expect(parseDm2(input)).toEqual(ok(dm2));
  });

  it.each<[string | number, AmountProblem]>([
    ["大约90", "invalid"],
    ["90平方", "invalid"],
    ["-5", "negative"],
    ["89.555", "decimals"],
    [30.125, "decimals"],
    ["100000.01", "tooLarge"],
    [1e9, "tooLarge"],
  ])("%j is refused: %s", (input, problem) => {
    expect(parseDm2(input)).toEqual(no(problem));
  });
});

describe("parse and format (properties)", () => {
  it("format then parse gives back every amount of fen an integer column holds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: INT_COLUMN_MAX }), fc.constantFrom("zh-CN", "en"), (fen, locale) => {
        expect(parseFen(formatFen(fen, locale))).toEqual(ok(fen));
      }),
    );
  });

  it("format then parse gives back any bigint amount, past Number.MAX_SAFE_INTEGER", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (fen) => {
        expect(parseFenBigInt(formatFen(fen))).toEqual(ok(fen));
      }),
    );
  });

  it("format then parse gives back every area", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FLOOR_AREA_DM2 }), (dm2) => {
        expect(parseDm2(formatDm2(dm2))).toEqual(ok(dm2));
      }),
    );
  });

  it("parse then format gives back the text in its usual form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 21_474_835 }), fc.integer({ min: 0, max: 99 }), (yuan, cents) => {
        const text = `${yuan.toLocaleString("en-US")}.${String(cents).padStart(2, "0")}`;
        const parsed = parseFen(text);
        expect(parsed.ok && formatFen(parsed.value)).toBe(text);
      }),
    );
  });

  it("never returns a fraction, whatever it is given", () => {
    const amountLike = fc.stringMatching(/^[-+¥]?[\d,.，．０-９ ]{0,24}(元|㎡|m2)?$/);
    const anyInput = fc.oneof(amountLike, fc.string(), fc.double(), fc.integer());
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const parsed of [parseFen(input), parseDm2(input)]) {
          if (parsed.ok) expect(Number.isSafeInteger(parsed.value) && parsed.value >= 0).toBe(true);
        }
        if (typeof input === "string") {
          const big = parseFenBigInt(input);
          if (big.ok) expect(typeof big.value === "bigint" && big.value >= 0n).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

// Art. 22: the share of a plan's units reserved for priority households, typed as a percentage.
describe("parsePercentBp: a percentage to basis points", () => {
  it.each<[string | number, number]>([
    ["20", 2_000],
    ["12.5%", 1_250],
    ["０．５％", 50],
    ["100", 10_000],
    ["0", 0],
  ])("%j %% is %d bp", (input, bp) => {
    expect(parsePercentBp(input)).toEqual(ok(bp));
  });

  it.each<[string, AmountProblem]>([
    ["100.01", "tooLarge"],
    ["12.345", "decimals"],
    ["-5", "negative"],
    ["二十", "invalid"],
  ])("refuses %j (%s)", (input, problem) => {
    expect(parsePercentBp(input)).toEqual(no(problem));
  });

  it("prints back what it read", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        expect(parsePercentBp(formatPercentBp(bp))).toEqual(ok(bp));
      }),
    );
  });
});
