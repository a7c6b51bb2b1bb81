// Amounts typed by people (yuan, square metres) to the exact integers the database keeps (fen,
// square decimetres). Parsed as decimal strings, never through floating point: "0.29" yuan is 29
// fen, not 28.999… Pure: safe in the browser.

/** Largest annual income in fen a form accepts: 20 million yuan, well inside a PostgreSQL integer. */
export const MAX_ANNUAL_INCOME_FEN = 2_000_000_000;

const DECIMAL_2 = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** "12345.6" → 1234560; null when the text is not a non-negative amount with at most two decimals. */
export function parseHundredths(text: string): number | null {
  if (typeof text !== "string") return null;
  const compact = text.trim().replace(/[,，\s]/g, "");
  const match = DECIMAL_2.exec(compact);
  if (!match) return null;
  const whole = Number(match[1]);
  const cents = Number((match[2] ?? "").padEnd(2, "0"));
  const value = whole * 100 + cents;
  return Number.isSafeInteger(value) ? value : null;
}

/** Yuan typed by a person → fen. */
export function yuanToFen(text: string): number | null {
  return parseHundredths(text);
}

/** Square metres typed by a person → square decimetres (1 m² = 100 dm²). */
export function squareMetresToDm2(text: string): number | null {
  return parseHundredths(text);
}

/** 1234560 → "12345.60"; 100 → "1.00". For filling a form back in. */
export function formatHundredths(value: number): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(value));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A number of square metres (as the intake API sends it) → dm², or null if it has more than two decimals. */
export function m2NumberToDm2(m2: number): number | null {
  if (!Number.isFinite(m2) || m2 < 0) return null;
  const dm2 = Math.round(m2 * 100);
  return Math.abs(dm2 - m2 * 100) < 1e-6 ? dm2 : null;
}
