import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CollectionFileError, MAX_COLLECTION_FILE_BYTES, readCollectionFile, sha256Hex } from "./bank-collection-file";

// The bank collection file's layout (流水号, 合同编号, 户名, 金额(元), 扣款日期), read from CSV and
// XLSX: amounts in yuan become integer fen through lib/money, names are masked, and a row that
// cannot be read becomes a line with its column and reason instead of failing the file.

const TODAY = "2026-12-02";
const HEADER = "流水号,合同编号,户名,金额(元),扣款日期";
const csv = (...rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join("\n") + "\n");
const read = (bytes: Uint8Array, name = "collection.csv") => readCollectionFile(bytes, name, { today: TODAY });

const LEASE = "ZL-500103-2026-000001";

describe("readCollectionFile: rows", () => {
  const cases: Array<{ name: string; row: string; expected: Record<string, unknown> }> = [
    { name: "a plain row", row: `B0001,${LEASE},郑凯,1200.00,2026-11-20`, expected: { serialNo: "B0001", leaseRef: LEASE, payerNameMasked: "郑*", amountFen: 120_000, paidOn: "2026-11-20", problem: null } },
    { name: "one decimal, a lower-case lease number, a compact date", row: `B0002,zl-500103-2026-000001,欧阳娜娜,0.5,20261120`, expected: { leaseRef: LEASE, payerNameMasked: "欧***", amountFen: 50, paidOn: "2026-11-20", problem: null } },
    { name: "thousands separators and a slash date", row: `B0003,${LEASE},张三,"1,234.56",2026/11/5`, expected: { amountFen: 123_456, paidOn: "2026-11-05", problem: null } },
    { name: "no payer name", row: `B0004,${LEASE},,10,2026-11-20`, expected: { payerNameMasked: null, amountFen: 1_000, problem: null } },
    { name: "three decimals", row: `B0005,${LEASE},张三,1.005,2026-11-20`, expected: { amountFen: null, problem: { column: "金额(元)", key: "collections.problems.amount_decimals" } } },
    { name: "a negative amount", row: `B0006,${LEASE},张三,-5,2026-11-20`, expected: { amountFen: null, problem: { column: "金额(元)", key: "collections.problems.amount_negative" } } },
    { name: "zero", row: `B0007,${LEASE},张三,0,2026-11-20`, expected: { amountFen: null, problem: { column: "金额(元)", key: "collections.problems.amountZero" } } },
    { name: "text for an amount", row: `B0008,${LEASE},张三,一千,2026-11-20`, expected: { amountFen: null, problem: { column: "金额(元)", key: "collections.problems.amount_invalid" } } },
    { name: "no amount", row: `B0009,${LEASE},张三,,2026-11-20`, expected: { problem: { column: "金额(元)", key: "collections.problems.amountMissing" } } },
    { name: "above the largest payment", row: `B0010,${LEASE},张三,1000000.01,2026-11-20`, expected: { problem: { column: "金额(元)", key: "collections.problems.amount_tooLarge" } } },
    { name: "no serial number", row: `,${LEASE},张三,10,2026-11-20`, expected: { serialNo: null, amountFen: 1_000, problem: { column: "流水号", key: "collections.problems.serialMissing" } } },
    { name: "a serial number with spaces inside", row: `B 11,${LEASE},张三,10,2026-11-20`, expected: { serialNo: null, problem: { column: "流水号", key: "collections.problems.serialInvalid" } } },
    { name: "no lease number", row: `B0012,,张三,10,2026-11-20`, expected: { leaseRef: null, problem: { column: "合同编号", key: "collections.problems.leaseMissing" } } },
    { name: "an impossible date", row: `B0013,${LEASE},张三,10,2026-02-30`, expected: { paidOn: null, problem: { column: "扣款日期", key: "collections.problems.dateInvalid" } } },
    { name: "a date after today", row: `B0014,${LEASE},张三,10,2026-12-03`, expected: { paidOn: null, problem: { column: "扣款日期", key: "collections.problems.dateFuture" } } },
    { name: "no date", row: `B0015,${LEASE},张三,10,`, expected: { paidOn: null, problem: { column: "扣款日期", key: "collections.problems.dateMissing" } } },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const [line] = await read(csv(c.row));
      expect(line).toMatchObject({ lineNo: 2, ...c.expected });
    });
  }

  it("numbers lines as the file does, empty lines counted, and keeps every line", async () => {
    const lines = await read(csv(`B1,${LEASE},张三,10,2026-11-20`, "", `B2,${LEASE},李四,abc,2026-11-20`, `B3,${LEASE},王五,20,2026-11-21`));
    expect(lines.map((l) => [l.lineNo, l.serialNo, l.problem?.column ?? null])).toEqual([[2, "B1", null], [4, "B2", "金额(元)"], [5, "B3", null]]);
  });

  it("reads aliases of the headers, full-width brackets, tabs and a byte-order mark", async () => {
    const tabbed = new TextEncoder().encode(`交易流水号\t租赁合同编号\t付款人\t扣款金额（元）\t交易日期\nX9\t${LEASE}\t张三\t88.8\t2026-11-20\n`);
    expect(await read(tabbed)).toMatchObject([{ serialNo: "X9", amountFen: 8_880, paidOn: "2026-11-20", problem: null }]);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...csv(`G1,${LEASE},张三,1,2026-11-20`)]);
    expect((await read(bom))[0]).toMatchObject({ serialNo: "G1", amountFen: 100 });
  });
});

describe("readCollectionFile: XLSX", () => {
  async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("代收");
    sheet.addRow(["流水号", "合同编号", "户名", "金额(元)", "扣款日期"]);
    for (const r of rows) sheet.addRow(r);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it("takes numbers, dates and text cells", async () => {
    const lines = await read(
      await xlsx([
        ["C1", LEASE, "郑凯", 1200, new Date("2026-11-20T00:00:00Z")],
        ["C2", LEASE, "郑凯", 0.1 + 0.2, "2026-11-21"],
        ["C3", LEASE, "郑凯", "99.9", "20261122"],
        [12345, LEASE, null, 1.234, new Date("2026-11-20T00:00:00Z")],
      ]),
      "代收.xlsx",
    );
    expect(lines.map((l) => [l.lineNo, l.serialNo, l.amountFen, l.paidOn, l.problem?.key ?? null])).toEqual([
      [2, "C1", 120_000, "2026-11-20", null],
      // 0.30000000000000004 stands for 0.30 yuan (lib/money takes a spreadsheet number with at most two decimals).
      [3, "C2", 30, "2026-11-21", null],
      [4, "C3", 9_990, "2026-11-22", null],
      [5, "12345", null, "2026-11-20", "collections.problems.amount_decimals"],
    ]);
  });
});

describe("readCollectionFile: files refused whole", () => {
  const cases: Array<{ name: string; bytes: () => Uint8Array; fileName?: string; key: string; column?: string }> = [
    { name: "an empty file", bytes: () => new Uint8Array(), key: "table.EMPTY_FILE" },
    { name: "headers only", bytes: () => csv(), key: "noRows" },
    { name: "a missing amount column", bytes: () => new TextEncoder().encode(`流水号,合同编号,扣款日期\nB1,${LEASE},2026-11-20\n`), key: "missingColumn", column: "金额(元)" },
    { name: "an old .xls file", bytes: () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), fileName: "x.xls", key: "table.LEGACY_XLS" },
    { name: "a PDF", bytes: () => new TextEncoder().encode("%PDF-1.4"), fileName: "x.pdf", key: "table.UNSUPPORTED_FILE" },
    { name: "too large", bytes: () => new Uint8Array(MAX_COLLECTION_FILE_BYTES + 1).fill(65), key: "tooLarge" },
    { name: "too many lines", bytes: () => csv(...Array.from({ length: 5001 }, (_, i) => `S${i},${LEASE},张三,1,2026-11-20`)), key: "tooManyLines" },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const error = await read(c.bytes(), c.fileName).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(CollectionFileError);
      expect(error).toMatchObject({ key: c.key, ...(c.column ? { column: c.column } : {}) });
    });
  }

  it("names a file by its SHA-256", () => {
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
