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

/** Formats fen as yuan with two decimals, for explanations ('48000.00'). Accepts fractional fen. */
export function formatYuan(fen: number): string {
  const whole = Math.round(fen);
  const cents = whole % 100;
  return `${(whole - cents) / 100}.${cents < 10 ? "0" : ""}${cents}`;
}
