import { describe, expect, it } from "vitest";
import { dm2InputText, fenAsYuanNumber, fenInputText, formatDm2, formatFen } from "./format";

describe("formatFen: integer fen as yuan", () => {
  it.each<[number | bigint, string]>([
    [0, "0.00"],
    [1, "0.01"],
    [10, "0.10"],
    [100, "1.00"],
    [123_456, "1,234.56"],
    [1_234_560, "12,345.60"],
    [100_000_000, "1,000,000.00"],
    [2_147_483_647, "21,474,836.47"], // the most an integer column holds
    [2_147_483_648n, "21,474,836.48"], // a SUM(integer) past it (bigint in PostgreSQL)
    [Number.MAX_SAFE_INTEGER, "90,071,992,547,409.91"],
    [BigInt(Number.MAX_SAFE_INTEGER) + 2n, "90,071,992,547,409.93"], // 2^53 + 1: no number can hold it
    [12_345_678_901_234_567_890n, "123,456,789,012,345,678.90"],
    [-5, "-0.05"],
    [-123_456_789n, "-1,234,567.89"],
  ])("%s fen is %s yuan", (fen, text) => {
    expect(formatFen(fen)).toBe(text);
    expect(formatFen(fen, "en")).toBe(text);
  });

  it("refuses what is not a whole number of fen rather than print it wrongly", () => {
    for (const bad of [0.5, 1234.56, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(() => formatFen(bad), String(bad)).toThrow(RangeError);
  });
});

describe("formatDm2: integer dm² as m²", () => {
  it.each<[number | bigint, string]>([
    [0, "0.00"],
    [8_950, "89.50"],
    [4_567, "45.67"],
    [10_000_000, "100,000.00"],
  ])("%s dm² is %s m²", (dm2, text) => {
    expect(formatDm2(dm2)).toBe(text);
  });
});

describe("amounts for filling a form back in", () => {
  it("writes yuan as a person types them, without grouping", () => {
    expect(fenInputText(4_800_000)).toBe("48000");
    expect(fenInputText(4_800_050)).toBe("48000.50");
    expect(fenInputText(29)).toBe("0.29");
    expect(fenInputText(0)).toBe("0");
    expect(dm2InputText(8_950)).toBe("89.50");
    expect(dm2InputText(1_200_000)).toBe("12000.00");
  });
});

describe("fenAsYuanNumber", () => {
  it("gives the two-decimal yuan amount as a number", () => {
    expect([0, 1, 99, 100, 123456, 1234560, -250].map(fenAsYuanNumber)).toEqual([0, 0.01, 0.99, 1, 1234.56, 12345.6, -2.5]);
  });
});
