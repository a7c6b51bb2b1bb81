import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { CellValue } from "./values";

// Reads a partner agency's file into a header row and data rows. CSV: UTF-8 (with or without a
// byte-order mark), GB18030/GBK (what Excel on a Chinese Windows writes as "CSV"), or UTF-16 with a
// byte-order mark; comma- or tab-separated. XLSX: the first worksheet. The first row holds the
// headers; rows keep their position (empty rows included) so that row numbers match the file.

export type FileKind = "csv" | "xlsx";

export interface Table {
  headers: string[];
  /** Data rows, the first row after the headers first; cells by header position. */
  rows: CellValue[][];
  /** How a CSV file was decoded (null for XLSX). */
  encoding: "utf-8" | "gb18030" | "utf-16le" | "utf-16be" | null;
}

export type TableErrorCode = "EMPTY_FILE" | "UNSUPPORTED_FILE" | "LEGACY_XLS" | "CSV_MALFORMED" | "XLSX_UNREADABLE" | "NO_HEADER_ROW";

export class TableError extends Error {
  readonly code: TableErrorCode;
  /** The line where a CSV file stopped making sense. */
  readonly line?: number;
  constructor(code: TableErrorCode, line?: number) {
    super(`table: ${code}`);
    this.name = "TableError";
    this.code = code;
    this.line = line;
  }
}

/** The file's kind from its first bytes (a ZIP is an XLSX) and, failing that, its name. */
export function detectFileKind(bytes: Uint8Array, fileName: string): FileKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new TableError("LEGACY_XLS");
  }
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xlsx")) throw new TableError("XLSX_UNREADABLE");
  if (lower.endsWith(".xls")) throw new TableError("LEGACY_XLS");
  if (lower.endsWith(".csv") || lower.endsWith(".txt") || lower.endsWith(".tsv")) return "csv";
  throw new TableError("UNSUPPORTED_FILE");
}

/** Text of a CSV file: by its byte-order mark, else UTF-8 when valid, else GB18030 (a superset of GBK). */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: NonNullable<Table["encoding"]> } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

function toRows(records: string[][]): { headers: string[]; rows: CellValue[][] } {
  const [header, ...rest] = records;
  if (!header || header.every((h) => h.trim() === "")) throw new TableError("NO_HEADER_ROW");
  return {
    headers: header.map((h) => h.trim()),
    rows: rest.map((r) => r.map((c) => (c.trim() === "" ? null : c))),
  };
}

export function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeCsvBytes(bytes);
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new TableError("EMPTY_FILE");
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      // A stray quote inside a field ("A"B) is kept as text rather than failing the whole file.
      relax_quotes: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw new TableError("CSV_MALFORMED", typeof line === "number" ? line : undefined);
  }
  // A final line break gives no extra row; keep interior empty lines (their numbers count).
  while (records.length > 1 && records[records.length - 1]!.every((c) => c.trim() === "")) records.pop();
  return { ...toRows(records), encoding };
}

function xlsxCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return xlsxCell(value.richText.map((r) => r.text).join(""));
    if ("result" in value) return xlsxCell((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value && typeof (value as { text?: unknown }).text === "string") return xlsxCell((value as { text: string }).text);
    if ("error" in value) return String((value as { error: unknown }).error);
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Uint8Array-backed Buffers of Node 20.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new TableError("XLSX_UNREADABLE");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new TableError("EMPTY_FILE");
  const headerRow = sheet.getRow(1);
  const width = Math.max(sheet.columnCount, headerRow.cellCount);
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) {
    const v = xlsxCell(headerRow.getCell(c).value);
    headers.push(v === null ? "" : String(v instanceof Date ? v.toISOString() : v).trim());
  }
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  if (headers.length === 0) throw new TableError("NO_HEADER_ROW");
  const rows: CellValue[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: CellValue[] = [];
    for (let c = 1; c <= headers.length; c++) cells.push(xlsxCell(row.getCell(c).value));
    rows.push(cells);
  }
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === null)) rows.pop();
  return { headers, rows, encoding: null };
}

/** Reads a CSV or XLSX file; throws TableError for a file that cannot be read as a table. */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<Table & { kind: FileKind }> {
  if (bytes.length === 0) throw new TableError("EMPTY_FILE");
  const kind = detectFileKind(bytes, fileName);
  const table = kind === "xlsx" ? await readXlsx(bytes) : readCsv(bytes);
  return { ...table, kind };
}
