import { normalizeHeader, SOURCE_LAYOUTS, type ColumnSpec, type SharedDataSourceCode } from "./layouts";
import type { Table } from "./read-table";
import {
  cellText,
  isBlank,
  parseAreaToDm2,
  parseDate,
  parseInteger,
  parseOption,
  parseResidentId,
  parseText,
  parseYuanToFen,
  type CellValue,
  type Parsed,
  type ValueErrorCode,
} from "./values";

// Checks every row of a partner agency's file against its source's layout (Art. 17-18). A file
// missing a required column is refused as a whole; otherwise each row is valid or carries its
// errors, per column, as codes that messages/*.json word (sharedData.rowErrors.<code>).

export type RowErrorCode = ValueErrorCode | "TRANSFER_DATE_REQUIRED" | "DATE_ORDER";

export interface RowIssue {
  /** The column's header as the layout names it. */
  column: string;
  code: RowErrorCode;
  /** What the cell held (at most 40 characters), to help find the mistake. */
  value?: string;
}

export interface ValidatedRow {
  /** 1 = the first data row (the file's second row). */
  rowNo: number;
  residentId: string | null;
  /** The row's values by layout key; only valid values. */
  fields: Record<string, string | number>;
  errors: RowIssue[];
}

export interface HeaderCheck {
  /** Required columns not found (the file is refused). */
  missingColumns: string[];
  /** Columns the file has that the layout does not know (ignored). */
  unknownColumns: string[];
  /** Columns that appear twice (the first is used). */
  duplicateColumns: string[];
  /** Layout key → position in the row. */
  positions: Map<string, number>;
}

export function checkHeaders(source: SharedDataSourceCode, headers: string[]): HeaderCheck {
  const layout = SOURCE_LAYOUTS[source];
  const lookup = new Map<string, ColumnSpec>();
  for (const spec of layout) {
    lookup.set(normalizeHeader(spec.header), spec);
    for (const alias of spec.aliases ?? []) lookup.set(normalizeHeader(alias), spec);
  }
  const positions = new Map<string, number>();
  const unknownColumns: string[] = [];
  const duplicateColumns: string[] = [];
  headers.forEach((header, index) => {
    if (header.trim() === "") return;
    const spec = lookup.get(normalizeHeader(header));
    if (!spec) unknownColumns.push(header);
    else if (positions.has(spec.key)) duplicateColumns.push(header);
    else positions.set(spec.key, index);
  });
  const missingColumns = layout.filter((s) => s.required && !positions.has(s.key)).map((s) => s.header);
  return { missingColumns, unknownColumns, duplicateColumns, positions };
}

function parseCell(spec: ColumnSpec, value: CellValue): Parsed<string | number> {
  switch (spec.kind) {
    case "residentId":
      return parseResidentId(value);
    case "text":
      return parseText(value, spec.maxLength ?? 200);
    case "amountFen":
      return parseYuanToFen(value);
    case "areaDm2":
      return parseAreaToDm2(value);
    case "date":
      return parseDate(value);
    case "integer":
      return parseInteger(value, spec.min ?? 0, spec.max ?? 1_000_000_000);
    case "option":
      return parseOption(value, spec.options ?? {});
  }
}

function shortValue(value: CellValue): string | undefined {
  const text = cellText(value);
  if (text === "") return undefined;
  const chars = Array.from(text);
  return chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : text;
}

/** Checks across columns that a single cell cannot show. */
function crossChecks(source: SharedDataSourceCode, fields: Record<string, string | number>, errors: RowIssue[]): void {
  const has = (key: string) => errors.some((e) => e.column === SOURCE_LAYOUTS[source].find((s) => s.key === key)?.header);
  if (source === "REAL_ESTATE" && fields.status === "TRANSFERRED" && fields.transferredOn === undefined && !has("transferredOn")) {
    // Art. 13.5: a transfer counts by its date; without it the record cannot be used.
    errors.push({ column: "交易日期", code: "TRANSFER_DATE_REQUIRED" });
  }
  if (
    source === "CIVIL_AFFAIRS" &&
    typeof fields.certifiedOn === "string" &&
    typeof fields.validUntil === "string" &&
    fields.validUntil < fields.certifiedOn
  ) {
    errors.push({ column: "有效期至", code: "DATE_ORDER" });
  }
}

/** Validates one data row (the caller skips empty rows). */
export function validateRow(source: SharedDataSourceCode, positions: Map<string, number>, cells: CellValue[], rowNo: number): ValidatedRow {
  const fields: Record<string, string | number> = {};
  const errors: RowIssue[] = [];
  for (const spec of SOURCE_LAYOUTS[source]) {
    const position = positions.get(spec.key);
    if (position === undefined) continue;
    const value = cells[position] ?? null;
    if (isBlank(value)) {
      if (spec.required) errors.push({ column: spec.header, code: "REQUIRED" });
      continue;
    }
    const parsed = parseCell(spec, value);
    if (parsed.ok) fields[spec.key] = parsed.value;
    else errors.push({ column: spec.header, code: parsed.code, value: shortValue(value) });
  }
  crossChecks(source, fields, errors);
  const residentId = typeof fields.residentId === "string" ? fields.residentId : null;
  return { rowNo, residentId, fields, errors };
}

export function isEmptyRow(cells: CellValue[]): boolean {
  return cells.every((c) => isBlank(c));
}

export interface TableValidation extends Omit<HeaderCheck, "positions"> {
  /** The file is refused as a whole (missing required columns or no data rows). */
  refused: boolean;
  rows: ValidatedRow[];
  emptyRows: number;
}

/** Validates a whole table; rows are empty when the file is refused for its headers. */
export function validateTable(source: SharedDataSourceCode, table: Pick<Table, "headers" | "rows">): TableValidation {
  const { positions, ...headers } = checkHeaders(source, table.headers);
  if (headers.missingColumns.length > 0) return { ...headers, refused: true, rows: [], emptyRows: 0 };
  const rows: ValidatedRow[] = [];
  let emptyRows = 0;
  table.rows.forEach((cells, index) => {
    if (isEmptyRow(cells)) {
      emptyRows++;
      return;
    }
    rows.push(validateRow(source, positions, cells, index + 1));
  });
  return { ...headers, refused: rows.length === 0, rows, emptyRows };
}
