import { wholeHundredths } from "@/lib/rules/money";

// THE parser of amounts (docs/decisions/010-money-and-areas.md): yuan typed by a person or read
// from a partner agency's CSV/XLSX cell become integer fen, square metres become integer square
// decimetres (1 m² = 100 dm²). Text is read as a decimal string and turned into digits, never
// through binary floating point ("0.29" is 29 fen, not 28.999…); a spreadsheet number is taken
// when it stands for a figure with at most two decimals. Pure: safe in the browser.

/** What is wrong with an amount; every form and import words each one in its own messages. */
export type AmountProblem =
  /** Nothing but white space. */
  | "empty"
  /** Not a number as people write one ("abc", "1e5", "12,34", ".5"). */
  | "invalid"
  | "negative"
  /** More than two decimals ("1.005"): fen and dm² are the smallest units. */
  | "decimals"
  /** Above the field's limit. */
  | "tooLarge";

export type ParsedAmount<T = number> = { ok: true; value: T } | { ok: false; problem: AmountProblem };

/** The most a PostgreSQL `integer` column holds: 21,474,836.47 yuan, or 21,474,836.47 m². */
export const INT_COLUMN_MAX = 2_147_483_647;
/** The largest annual income a form or the intake API accepts: 20 million yuan, inside an `integer` column. */
export const MAX_ANNUAL_INCOME_FEN = 2_000_000_000;
/** The largest floor area anyone declares or an agency records: 100,000 m². */
export const MAX_FLOOR_AREA_DM2 = 10_000_000;

/** Longer whole parts are too large for any field, and are not turned into a bigint at all. */
const MAX_WHOLE_DIGITS = 40;
const PLAIN = /^\d+(?:\.\d+)?$/;
/** Thousands separators must group by three ("1,234,567.8"; not "12,34"). */
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const YUAN_MARKS = [/^¥/, /元$/];
const AREA_MARKS = [/(?:m2|平方米|平米)$/i];
const PERCENT_MARKS = [/[%％]$/];

const fail = (problem: AmountProblem): { ok: false; problem: AmountProblem } => ({ ok: false, problem });

/**
 * Decimal text → whole hundredths as a bigint. NFKC folds full-width digits, commas and points
 * (１２，３４５．６ is 12,345.6) and ￥ to ¥; white space anywhere is dropped; `marks` (a currency
 * sign, a unit) are removed once each.
 */
function hundredthsOfText(raw: string, marks: readonly RegExp[]): ParsedAmount<bigint> {
  let text = raw.normalize("NFKC").replace(/\s+/g, "");
  if (text === "") return fail("empty");
  let negative = false;
  if (text.startsWith("-") || text.startsWith("−")) {
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith("+")) {
    text = text.slice(1);
  }
  for (const mark of marks) text = text.replace(mark, "");
  if (!(PLAIN.test(text) || GROUPED.test(text))) return fail("invalid");
  if (negative) return fail("negative");
  const [whole = "", fraction = ""] = text.replace(/,/g, "").split(".");
  if (fraction.length > 2) return fail("decimals");
  const digits = whole.replace(/^0+(?=\d)/, "");
  if (digits.length > MAX_WHOLE_DIGITS) return fail("tooLarge");
  return { ok: true, value: BigInt(digits + fraction.padEnd(2, "0")) };
}

function hundredthsOfNumber(value: number, max: number): ParsedAmount<number> {
  if (!Number.isFinite(value)) return fail("invalid");
  if (value < 0) return fail("negative");
  const hundredths = wholeHundredths(value);
  if (hundredths === null) return fail(value * 100 > max ? "tooLarge" : "decimals");
  return hundredths > max ? fail("tooLarge") : { ok: true, value: hundredths };
}

function bounded(input: string | number, marks: readonly RegExp[], max: number): ParsedAmount<number> {
  if (!Number.isSafeInteger(max) || max < 0) throw new RangeError(`max must be a non-negative safe integer, got ${String(max)}`);
  if (typeof input === "number") return hundredthsOfNumber(input, max);
  if (typeof input !== "string") return fail("invalid");
  const parsed = hundredthsOfText(input, marks);
  if (!parsed.ok) return parsed;
  return parsed.value > BigInt(max) ? fail("tooLarge") : { ok: true, value: Number(parsed.value) };
}

/**
 * Yuan → fen: "1,234.56", "¥1,234.00", "１２３４元" or the XLSX number 1234.56 → 123456. At most
 * `max` fen (by default what an `integer` column holds).
 */
export function parseFen(input: string | number, options: { max?: number } = {}): ParsedAmount<number> {
  return bounded(input, YUAN_MARKS, options.max ?? INT_COLUMN_MAX);
}

/** Yuan text → fen as a bigint, for totals beyond Number.MAX_SAFE_INTEGER; no limit but length. */
export function parseFenBigInt(input: string): ParsedAmount<bigint> {
  return typeof input === "string" ? hundredthsOfText(input, YUAN_MARKS) : fail("invalid");
}

/**
 * Square metres → dm²: "89.5", "89.50㎡", "120平方米" or the number 60.12 → 8950, 8950, 12000,
 * 6012. At most `max` dm² (by default MAX_FLOOR_AREA_DM2).
 */
export function parseDm2(input: string | number, options: { max?: number } = {}): ParsedAmount<number> {
  return bounded(input, AREA_MARKS, options.max ?? MAX_FLOOR_AREA_DM2);
}

/**
 * A percentage → basis points (hundredths of a per cent): "20", "12.5%" or "１００％" → 2000,
 * 1250, 10000. At most 100 % (a share of units, Art. 22).
 */
export function parsePercentBp(input: string | number): ParsedAmount<number> {
  return bounded(input, PERCENT_MARKS, 10_000);
}
