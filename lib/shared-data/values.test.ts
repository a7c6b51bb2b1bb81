import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAreaToDm2, parseDate, parseInteger, parseOption, parseResidentId, parseText, parseYuanToFen } from "./values";

const ok = <T>(value: T) => ({ ok: true, value });
const err = (code: string) => ({ ok: false, code });

describe("parseYuanToFen", () => {
  it.each([
    ["1234.5", 123450],
    ["1234.56", 123456],
    ["1,234.56", 123456],
    ["1,234,567.8", 123456780],
    ["0.01", 1],
    ["0", 0],
    ["  60000 ", 6000000],
    ["¥1,234.00", 123400],
    ["￥88.8", 8880],
    ["1234元", 123400],
    ["1，234.56", 123456],
    ["+12", 1200],
    ["007.10", 710],
  ])("%s yuan is exactly %d fen", (text, fen) => {
    expect(parseYuanToFen(text)).toEqual(ok(fen));
  });

  it("is exact where binary floating point is not (0.29 × 100 = 28.999…)", () => {
    expect(parseYuanToFen("0.29")).toEqual(ok(29));
    expect(parseYuanToFen("1.15")).toEqual(ok(115));
    expect(parseYuanToFen("4.35")).toEqual(ok(435));
    expect(parseYuanToFen("99999999.99")).toEqual(ok(9_999_999_999));
  });

  it.each([
    ["abc", "INVALID_AMOUNT"],
    ["12.3.4", "INVALID_AMOUNT"],
    ["1,23.00", "INVALID_AMOUNT"],
    ["12,34", "INVALID_AMOUNT"],
    [".5", "INVALID_AMOUNT"],
    ["5.", "INVALID_AMOUNT"],
    ["1e5", "INVALID_AMOUNT"],
    ["-12.00", "NEGATIVE_AMOUNT"],
    ["−3", "NEGATIVE_AMOUNT"],
    ["1.234", "TOO_MANY_DECIMALS"],
    ["100000000.01", "AMOUNT_TOO_LARGE"],
    ["99999999999999999999", "AMOUNT_TOO_LARGE"],
    ["", "REQUIRED"],
    ["   ", "REQUIRED"],
  ])("%j is refused as %s", (text, code) => {
    expect(parseYuanToFen(text)).toEqual(err(code));
  });

  it("takes spreadsheet numbers exactly, including computed ones", () => {
    expect(parseYuanToFen(1234.56)).toEqual(ok(123456));
    expect(parseYuanToFen(1234.5)).toEqual(ok(123450));
    expect(parseYuanToFen(1234.56 * 12)).toEqual(ok(1481472));
    expect(parseYuanToFen(0.1 + 0.2)).toEqual(ok(30));
    expect(parseYuanToFen(1.005)).toEqual(err("TOO_MANY_DECIMALS"));
    expect(parseYuanToFen(-1)).toEqual(err("NEGATIVE_AMOUNT"));
    expect(parseYuanToFen(Number.NaN)).toEqual(err("INVALID_AMOUNT"));
    expect(parseYuanToFen(null)).toEqual(err("REQUIRED"));
  });

  it("round-trips every amount printed with two decimals (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), (fen) => {
        const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
        const grouped = text.replace(/\B(?=(\d{3})+(?!\d)(?=\.))/g, ",");
        expect(parseYuanToFen(text)).toEqual(ok(fen));
        expect(parseYuanToFen(grouped)).toEqual(ok(fen));
      }),
    );
  });
});

describe("parseAreaToDm2", () => {
  it("converts square metres to square decimetres exactly", () => {
    expect(parseAreaToDm2("89.5")).toEqual(ok(8950));
    expect(parseAreaToDm2("89.50㎡")).toEqual(ok(8950));
    expect(parseAreaToDm2("120平方米")).toEqual(ok(12000));
    expect(parseAreaToDm2(60.12)).toEqual(ok(6012));
    expect(parseAreaToDm2("1,200")).toEqual(ok(120000));
  });
  it("refuses bad areas", () => {
    expect(parseAreaToDm2("大约90")).toEqual(err("INVALID_AREA"));
    expect(parseAreaToDm2("-5")).toEqual(err("NEGATIVE_AREA"));
    expect(parseAreaToDm2("89.555")).toEqual(err("AREA_TOO_MANY_DECIMALS"));
    expect(parseAreaToDm2("1000000")).toEqual(err("AREA_TOO_LARGE"));
  });
});

describe("parseDate", () => {
  it.each([
    ["2024-03-05", "2024-03-05"],
    ["2024/3/5", "2024-03-05"],
    ["2024.03.05", "2024-03-05"],
    ["20240305", "2024-03-05"],
    ["2024年3月5日", "2024-03-05"],
    ["2024-03-05 10:20:00", "2024-03-05"],
    ["2024-02-29", "2024-02-29"],
  ])("%s → %s", (text, iso) => {
    expect(parseDate(text)).toEqual(ok(iso));
  });
  it("takes XLSX date cells and serial numbers", () => {
    expect(parseDate(new Date(Date.UTC(2023, 11, 31)))).toEqual(ok("2023-12-31"));
    expect(parseDate(45000)).toEqual(ok("2023-03-15"));
  });
  it.each(["2023-02-29", "2024-13-01", "2024-00-10", "03/05/2024", "昨天", "1899-12-31", "2024-3"])("refuses %s", (text) => {
    expect(parseDate(text)).toEqual(err("INVALID_DATE"));
  });
  it("refuses numbers that are no date", () => {
    expect(parseDate(12)).toEqual(err("INVALID_DATE"));
    expect(parseDate(45000.5)).toEqual(err("INVALID_DATE"));
  });
});

describe("parseResidentId", () => {
  it("accepts valid IDs, upper-casing a final x", () => {
    expect(parseResidentId("500103199001011232")).toEqual(ok("500103199001011232"));
    expect(parseResidentId(" 11010519491231002x ")).toEqual(ok("11010519491231002X"));
  });
  it("refuses wrong checksums, impossible dates, short IDs and number cells", () => {
    expect(parseResidentId("500103199001011234")).toEqual(err("INVALID_RESIDENT_ID"));
    expect(parseResidentId("500103199002301236")).toEqual(err("INVALID_RESIDENT_ID"));
    expect(parseResidentId("50010319900101")).toEqual(err("INVALID_RESIDENT_ID"));
    expect(parseResidentId(500103199001011230)).toEqual(err("RESIDENT_ID_NOT_TEXT"));
    expect(parseResidentId("")).toEqual(err("REQUIRED"));
  });
});

describe("other values", () => {
  it("integers within a range", () => {
    expect(parseInteger("12", 0, 12)).toEqual(ok(12));
    expect(parseInteger(2025, 2000, 2100)).toEqual(ok(2025));
    expect(parseInteger("13", 0, 12)).toEqual(err("INTEGER_OUT_OF_RANGE"));
    expect(parseInteger("1.5", 0, 12)).toEqual(err("INVALID_INTEGER"));
    expect(parseInteger(1.5, 0, 12)).toEqual(err("INVALID_INTEGER"));
  });
  it("options and text", () => {
    expect(parseOption(" 正常 参保", { 正常参保: "ACTIVE" })).toEqual(ok("ACTIVE"));
    expect(parseOption("在职", { 正常参保: "ACTIVE" })).toEqual(err("INVALID_OPTION"));
    expect(parseText("  张  三 ", 10)).toEqual(ok("张 三"));
    expect(parseText("一二三四五六", 5)).toEqual(err("TEXT_TOO_LONG"));
  });
});
