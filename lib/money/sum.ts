// Sums of whole amounts (docs/decisions/010-money-and-areas.md). A total can pass what an
// `integer` column holds (2^31 fen, 21,474,836.47 yuan) long before anything else goes wrong, so
// totals are never written to `Int` columns; in memory a number is exact up to 2^53 and BigInt
// beyond. PostgreSQL's SUM(integer) is bigint: read it as bigint and give it to lib/money/format.

/** The exact sum of whole amounts (fen or dm²), as a bigint: no total can lose a digit. */
export function sumExact(values: Iterable<number | bigint>): bigint {
  let total = 0n;
  for (const v of values) {
    if (typeof v === "number" && !Number.isSafeInteger(v)) throw new RangeError(`amount must be a whole number, got ${String(v)}`);
    total += BigInt(v);
  }
  return total;
}

/**
 * The same sum as a number, for totals that go on into number APIs (lib/rules takes numbers of
 * fen); a RangeError rather than a wrong figure if it passes Number.MAX_SAFE_INTEGER.
 */
export function sumSafe(values: Iterable<number>): number {
  const total = sumExact(values);
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`total ${total} is beyond Number.MAX_SAFE_INTEGER`);
  }
  return Number(total);
}
