import type { Fen } from "./types";

/** Throws a RangeError naming `field` unless `value` is a non-negative whole number of fen. */
export function assertFen(value: unknown, field: string): asserts value is Fen {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field} must be a non-negative whole number of fen, got ${String(value)}`);
  }
}

export function isFen(value: unknown): value is Fen {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Rounds a non-negative amount of fen half up to a whole fen. Products of fen and decimal
 * factors carry binary noise (1.1 x 15 = 16.500000000000004, 2.675 x 100 = 267.49999999999997),
 * so a value within a hair of a half counts as the half it stands for.
 */
export function roundFen(amount: number): Fen {
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`amount must be a non-negative finite number of fen, got ${String(amount)}`);
  }
  const tolerance = 1e-9 + amount * 1e-12;
  return Math.floor(amount + 0.5 + tolerance);
}

/** Exact half-up rounding of numerator / denominator for non-negative whole numbers. */
export function roundRatioHalfUp(numerator: number, denominator: number): Fen {
  if (Number.isSafeInteger(2 * numerator + denominator)) {
    return Math.floor((2 * numerator + denominator) / (2 * denominator));
  }
  const n = BigInt(numerator), d = BigInt(denominator);
  return Number((2n * n + d) / (2n * d));
}

/** Exact floor and ceiling of numerator / denominator for non-negative whole numbers. */
export function floorRatio(numerator: number, denominator: number): number {
  if (Number.isSafeInteger(numerator)) return Math.floor(numerator / denominator);
  return Number(BigInt(numerator) / BigInt(denominator));
}

export function ceilRatio(numerator: number, denominator: number): number {
  if (Number.isSafeInteger(numerator + denominator)) return Math.floor((numerator + denominator - 1) / denominator);
  const n = BigInt(numerator), d = BigInt(denominator);
  return Number((n + d - 1n) / d);
}

/**
 * Whole hundredths (fen, or dm² of floor area) as decimal text with two decimals: 123456 →
 * "1234.56", or "1,234.56" with `group` between thousands. String and integer arithmetic only,
 * so a bigint beyond Number.MAX_SAFE_INTEGER keeps every digit. The one implementation of the
 * digits: lib/money/format.ts builds the pages' formatters on it (docs/decisions/010).
 */
export function hundredthsText(value: number | bigint, separators: { group?: string; decimal?: string } = {}): string {
  if (typeof value === "number" ? !Number.isSafeInteger(value) : typeof value !== "bigint") {
    throw new RangeError(`value must be a whole number of hundredths, got ${String(value)}`);
  }
  const digits = String(value < 0 ? -value : value).padStart(3, "0");
  let whole = digits.slice(0, -2);
  if (separators.group) whole = whole.replace(/\B(?=(\d{3})+$)/g, separators.group);
  return `${value < 0 ? "-" : ""}${whole}${separators.decimal ?? "."}${digits.slice(-2)}`;
}

/**
 * A number with at most two decimals (a spreadsheet cell, square metres from an API) as whole
 * hundredths, or null when it is negative, not finite or finer than a hundredth. The nearest
 * double to a two-decimal figure scales to within a hair of a whole number (1234.56 × 100 =
 * 123456.00000000001), and computed figures carry the same noise (0.1 + 0.2); 1.005, which is
 * 1.00499999999999989… in binary, is refused rather than rounded.
 */
export function wholeHundredths(value: number): number | null {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return null;
  const scaled = value * 100;
  const whole = Math.round(scaled);
  if (!Number.isSafeInteger(whole)) return null;
  return Math.abs(scaled - whole) <= Math.max(1e-6, scaled * 1e-12) ? whole : null;
}

/**
 * Fen as yuan with two decimals, for explanations ('48000.00'). Fractional fen (a per-capita
 * income) round half up; a figure past the safe range prints as the whole number it is.
 */
export function formatYuan(fen: number): string {
  const whole = roundFen(fen);
  return hundredthsText(Number.isSafeInteger(whole) ? whole : BigInt(whole));
}
