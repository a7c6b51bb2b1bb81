import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCE_LAYOUTS, normalizeHeader } from "./layouts";
import { decodeCsvBytes, readTable, TableError } from "./read-table";
import { rowErrorText } from "./row-error-text";
import { buildCsvTemplate, buildXlsxTemplate } from "./template";
import { checkHeaders, validateTable } from "./validate";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, "../../tests/fixtures/shared-data", name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

async function validate(source: Parameters<typeof validateTable>[0], bytes: Uint8Array, name: string) {
  const table = await readTable(bytes, name);
  return { table, result: validateTable(source, table) };
}

describe("reading files", () => {
  it("reads UTF-8 with a byte-order mark, keeps row numbers across empty rows", async () => {
    const { table, result } = await validate("SOCIAL_INSURANCE", fixture("social-insurance.csv"), "social-insurance.csv");
    expect(table.encoding).toBe("utf-8");
    expect(table.headers[0]).toBe("身份证号");
    expect(result.emptyRows).toBe(1);
    expect(result.rows.map((r) => r.rowNo)).toEqual([1, 2, 4, 5]);
    const [first, second, third, fourth] = result.rows;
    expect(first).toMatchObject({
      residentId: "500103198506120018",
      errors: [],
      fields: { name: "张伟", employerName: "重庆山城科技有限公司", region: "重庆市渝中区", status: "ACTIVE", months: 12, annualWageFen: 7_200_000, year: 2025 },
    });
    // "36000.5" yuan is exactly 3,600,050 fen; an empty employer is simply absent.
    expect(second!.fields).toMatchObject({ annualWageFen: 3_600_050, status: "ACTIVE" });
    expect(second!.fields.employerName).toBeUndefined();
    expect(third!.errors).toEqual([{ column: "身份证号", code: "INVALID_RESIDENT_ID", value: "500103198506120019" }]);
    expect(third!.residentId).toBeNull();
    expect(fourth!.errors).toEqual([{ column: "年缴费工资(元)", code: "INVALID_AMOUNT", value: "abc" }]);
    expect(fourth!.fields.status).toBe("RETIRED");
  });

  it("reads the same file without a byte-order mark", async () => {
    const withBom = fixture("social-insurance.csv");
    const { result } = await validate("SOCIAL_INSURANCE", withBom.subarray(3), "x.csv");
    expect(result.rows[0]!.residentId).toBe("500103198506120018");
    expect(result.missingColumns).toEqual([]);
  });

  it("reads GBK (GB18030) CSV as Excel on Chinese Windows writes it", async () => {
    const bytes = fixture("tax-gbk.csv");
    expect(decodeCsvBytes(bytes).encoding).toBe("gb18030");
    const { result } = await validate("TAX", bytes, "tax.csv");
    expect(result.rows.map((r) => r.fields.name)).toEqual(["张伟", "李娜", "张小明"]);
    expect(result.rows[1]!.fields.annualIncomeFen).toBe(123_450);
    expect(result.rows[2]!.errors).toEqual([{ column: "年收入(元)", code: "NEGATIVE_AMOUNT", value: "-100" }]);
  });

  it("reads XLSX: number, formula and date cells; refuses a resident ID typed as a number", async () => {
    const { table, result } = await validate("REAL_ESTATE", fixture("real-estate.xlsx"), "real-estate.xlsx");
    expect(table.kind).toBe("xlsx");
    // "房产面积（平方米）" with full-width brackets matches the layout's header; 备注 is ignored.
    expect(result.unknownColumns).toEqual(["备注"]);
    expect(result.rows).toHaveLength(5);
    expect(result.rows[0]).toMatchObject({ errors: [], fields: { areaDm2: 8950, status: "HELD", registeredOn: "2015-06-01", use: "住宅" } });
    expect(result.rows[1]!.fields.areaDm2).toBe(8950);
    expect(result.rows[2]).toMatchObject({ errors: [], fields: { areaDm2: 6012, status: "TRANSFERRED", transferredOn: "2024-03-05" } });
    expect(result.rows[3]!.errors).toEqual([expect.objectContaining({ column: "身份证号", code: "RESIDENT_ID_NOT_TEXT" })]);
    expect(result.rows[4]!.errors).toEqual([{ column: "交易日期", code: "TRANSFER_DATE_REQUIRED" }]);
  });

  it("checks options and date order for civil-affairs certifications", async () => {
    const { result } = await validate("CIVIL_AFFAIRS", fixture("civil-affairs.csv"), "ca.csv");
    expect(result.rows[0]!.fields).toMatchObject({ category: "MINIMUM_LIVING", status: "VALID", validUntil: "2026-12-31" });
    expect(result.rows[1]!.fields).toMatchObject({ category: "SPECIAL_CARE", certifiedOn: "2023-05-01" });
    expect(result.rows[2]!.fields).toMatchObject({ category: "EXTREME_POVERTY", status: "REVOKED" });
    expect(result.rows[3]!.errors).toEqual([{ column: "认定类别", code: "INVALID_OPTION", value: "五保户" }]);
  });

  it("refuses a file missing a required column, as a whole", async () => {
    const { result } = await validate("TAX", fixture("tax-missing-column.csv"), "t.csv");
    expect(result.refused).toBe(true);
    expect(result.missingColumns).toEqual(["年收入(元)"]);
    expect(result.rows).toEqual([]);
  });

  it("refuses empty files, old .xls files, unknown types and broken CSV", async () => {
    await expect(readTable(new Uint8Array(), "a.csv")).rejects.toMatchObject({ code: "EMPTY_FILE" });
    await expect(readTable(utf8("\n\n"), "a.csv")).rejects.toMatchObject({ code: "EMPTY_FILE" });
    await expect(readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), "a.xls")).rejects.toMatchObject({ code: "LEGACY_XLS" });
    await expect(readTable(utf8("hello"), "a.pdf")).rejects.toMatchObject({ code: "UNSUPPORTED_FILE" });
    await expect(readTable(utf8("not a zip"), "a.xlsx")).rejects.toBeInstanceOf(TableError);
    await expect(readTable(utf8('身份证号,姓名\n"500103198506120018,张伟\n'), "a.csv")).rejects.toMatchObject({ code: "CSV_MALFORMED" });
  });

  it("accepts tab-separated text and reports a file of headers only", async () => {
    const { result } = await validate("TAX", utf8("身份证号\t姓名\t纳税年度\t年收入(元)\n500103198506120018\t张伟\t2025\t1000\n"), "a.txt");
    expect(result.rows[0]!.errors).toEqual([]);
    const empty = await validate("TAX", utf8("身份证号,姓名,纳税年度,年收入(元)\n"), "a.csv");
    expect(empty.result.refused).toBe(true);
    expect(empty.result.missingColumns).toEqual([]);
  });

  it("flags missing required cells and skips fully empty rows", async () => {
    const { result } = await validate("TAX", utf8("身份证号,姓名,纳税年度,年收入(元)\n,,,\n500103198506120018,,2025,\n"), "a.csv");
    expect(result.emptyRows).toBe(1);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.rowNo).toBe(2);
    expect(result.rows[0]!.errors.map((e) => [e.column, e.code])).toEqual([
      ["姓名", "REQUIRED"],
      ["年收入(元)", "REQUIRED"],
    ]);
  });
});

describe("headers", () => {
  it("matches headers without spaces, with a trailing * and with aliases; reports duplicates", () => {
    const check = checkHeaders("TAX", [" 身份证号码 * ", "姓名", "所属年度", "年收入（元）", "姓名", "其他"]);
    expect(check.missingColumns).toEqual([]);
    expect(check.duplicateColumns).toEqual(["姓名"]);
    expect(check.unknownColumns).toEqual(["其他"]);
    expect(normalizeHeader("\uFEFF面积(m2)")).toBe("面积(平方米)");
  });
});

describe("messages", () => {
  it("words every error in Chinese, naming the column", () => {
    expect(rowErrorText({ column: "身份证号", code: "INVALID_RESIDENT_ID" })).toContain("身份证号：不是有效的18位居民身份证号码");
    expect(rowErrorText({ column: "年收入(元)", code: "TOO_MANY_DECIMALS" })).toBe("年收入(元)：金额最多保留两位小数（精确到分）");
    expect(rowErrorText({ column: "X", code: "SOMETHING_NEW" })).toBe("X：内容有误");
    expect(rowErrorText({ column: "交易日期", code: "TRANSFER_DATE_REQUIRED" }, "en")).toContain("交易日期: required");
  });
});

describe("templates", () => {
  it("every template parses back without errors", async () => {
    for (const source of Object.keys(SOURCE_LAYOUTS) as Array<keyof typeof SOURCE_LAYOUTS>) {
      const csv = await validate(source, utf8(buildCsvTemplate(source)), "t.csv");
      expect(csv.result.missingColumns).toEqual([]);
      expect(csv.result.rows[0]!.errors).toEqual([]);
      const xlsx = await validate(source, await buildXlsxTemplate(source, "模板"), "t.xlsx");
      expect(xlsx.result.rows[0]!.errors).toEqual([]);
    }
  });
});
