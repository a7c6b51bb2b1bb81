import { MAX_FLOOR_AREA_DM2, parseDm2, parseFen, type AmountProblem, type ParsedAmount } from "@/lib/money/parse";
import { isValidISODate, isValidResidentId, type ISODate } from "@/lib/rules";

// Cell values of partner agencies' files (Art. 17-18) into exact values: money as integer fen and
// floor areas as integer square decimetres (parsed by lib/money, never binary floating point),
// dates as 'YYYY-MM-DD'. Each parser returns the value or the code of what is wrong with it.

/** A cell as read from CSV (text) or XLSX (text, number, date or boolean). Empty cells are null. */
export type CellValue = string | number | Date | boolean | null;

export type ValueErrorCode =
  | "REQUIRED"
  | "INVALID_RESIDENT_ID"
  | "RESIDENT_ID_NOT_TEXT"
  | "INVALID_AMOUNT"
  | "NEGATIVE_AMOUNT"
  | "TOO_MANY_DECIMALS"
  | "AMOUNT_TOO_LARGE"
  | "INVALID_AREA"
  | "NEGATIVE_AREA"
  | "AREA_TOO_MANY_DECIMALS"
  | "AREA_TOO_LARGE"
  | "INVALID_DATE"
  | "INVALID_INTEGER"
  | "INTEGER_OUT_OF_RANGE"
  | "INVALID_OPTION"
  | "TEXT_TOO_LONG";

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ValueErrorCode };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const err = (code: ValueErrorCode): Parsed<never> => ({ ok: false, code });

/** 100 million yuan: far above any annual income; larger figures are typing errors. */
export const MAX_AMOUNT_FEN = 10_000_000_000;

/** True for null, undefined and text that is only white space. */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The cell as trimmed text (dates as ISO dates, numbers as JavaScript prints them). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return String(value).trim();
}

/**
 * A resident ID number (GB 11643-1999, checked by lib/rules). Upper-cases a final x. A number
 * cell is refused: spreadsheet numbers keep only 15 significant digits, so the ID is already lost.
 */
export function parseResidentId(value: CellValue): Parsed<string> {
  if (isBlank(value)) return err("REQUIRED");
  if (typeof value === "number") return err("RESIDENT_ID_NOT_TEXT");
  const id = cellText(value).replace(/\s+/g, "").toUpperCase();
  return isValidResidentId(id) ? ok(id) : err("INVALID_RESIDENT_ID");
}

const AMOUNT_CODES: Record<AmountProblem, ValueErrorCode> = {
  empty: "REQUIRED",
  invalid: "INVALID_AMOUNT",
  negative: "NEGATIVE_AMOUNT",
  decimals: "TOO_MANY_DECIMALS",
  tooLarge: "AMOUNT_TOO_LARGE",
};
const AREA_CODES: Record<AmountProblem, ValueErrorCode> = {
  empty: "REQUIRED",
  invalid: "INVALID_AREA",
  negative: "NEGATIVE_AREA",
  decimals: "AREA_TOO_MANY_DECIMALS",
  tooLarge: "AREA_TOO_LARGE",
};

function amountCell(value: CellValue, parse: (input: string | number) => ParsedAmount, codes: Record<AmountProblem, ValueErrorCode>): Parsed<number> {
  if (isBlank(value)) return err("REQUIRED");
  if (typeof value !== "string" && typeof value !== "number") return err(codes.invalid);
  const r = parse(value);
  return r.ok ? ok(r.value) : err(codes[r.problem]);
}

/** Yuan with up to two decimals ("1234.5", "1,234.56", "¥1,234.56", "1234元", a number cell) → integer fen (lib/money). */
export function parseYuanToFen(value: CellValue): Parsed<number> {
  return amountCell(value, (input) => parseFen(input, { max: MAX_AMOUNT_FEN }), AMOUNT_CODES);
}

/** Square metres with up to two decimals ("89.5", "89.50㎡", "1,200", a number cell) → integer square decimetres (lib/money). */
export function parseAreaToDm2(value: CellValue): Parsed<number> {
  return amountCell(value, (input) => parseDm2(input, { max: MAX_FLOOR_AREA_DM2 }), AREA_CODES);
}

const EXCEL_EPOCH_DAY = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isoFromParts(y: number, m: number, d: number): ISODate | null {
  const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isValidISODate(iso) ? iso : null;
}

/**
 * A calendar date: "2024-03-05", "2024/3/5", "2024.03.05", "20240305", "2024年3月5日", an XLSX
 * date cell (exceljs gives the calendar date at midnight UTC) or an Excel serial day number.
 */
export function parseDate(value: CellValue): Parsed<ISODate> {
  if (isBlank(value)) return err("REQUIRED");
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return err("INVALID_DATE");
    const iso = isoFromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return iso ? ok(iso) : err("INVALID_DATE");
  }
  if (typeof value === "number") {
    // Serial days since 1899-12-30 (Excel's 1900 date system), for dates 1954-2119.
    if (!Number.isInteger(value) || value < 20_000 || value > 80_000) return err("INVALID_DATE");
    const date = new Date(EXCEL_EPOCH_DAY + value * DAY_MS);
    const iso = isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    return iso ? ok(iso) : err("INVALID_DATE");
  }
  if (typeof value !== "string") return err("INVALID_DATE");
  const text = value.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  // A date-time from a database export: keep the date part.
  if (!m) m = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.exec(text);
  if (!m) return err("INVALID_DATE");
  const iso = isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  return iso ? ok(iso) : err("INVALID_DATE");
}

/** A whole number within [min, max]. */
export function parseInteger(value: CellValue, min: number, max: number): Parsed<number> {
  if (isBlank(value)) return err("REQUIRED");
  let n: number;
  if (typeof value === "number") {
    n = value;
  } else if (typeof value === "string" && /^[+]?\d{1,9}$/.test(value.trim().replace(/,/g, ""))) {
    n = Number(value.trim().replace(/,/g, ""));
  } else {
    return err("INVALID_INTEGER");
  }
  if (!Number.isInteger(n)) return err("INVALID_INTEGER");
  if (n < min || n > max) return err("INTEGER_OUT_OF_RANGE");
  return ok(n);
}

/** Free text, trimmed, at most `maxLength` characters. */
export function parseText(value: CellValue, maxLength: number): Parsed<string> {
  if (isBlank(value)) return err("REQUIRED");
  const text = cellText(value).replace(/\s+/g, " ");
  if (Array.from(text).length > maxLength) return err("TEXT_TOO_LONG");
  return ok(text);
}

/** One of a set of words the agencies use, mapped to our code ("正常参保" → "ACTIVE"). */
export function parseOption<T extends string>(value: CellValue, options: Readonly<Record<string, T>>): Parsed<T> {
  if (isBlank(value)) return err("REQUIRED");
  const text = cellText(value).replace(/\s+/g, "");
  const hit = options[text];
  return hit === undefined ? err("INVALID_OPTION") : ok(hit);
}
