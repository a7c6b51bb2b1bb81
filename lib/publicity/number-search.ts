// Searching a publicity batch by application number (GZF-500103-2026-000123), exact or by its
// beginning. The query becomes a range of the (batchId, applicationNo) index: every number that
// begins with the query is at least the query and below its successor, so PostgreSQL scans only
// the matching stretch of one batch's index, whatever the column's collation (a LIKE 'q%' uses a
// b-tree index only under the C collation). The caller keeps `startsWith` as well, so the range
// may be wide but the answer is exact.

/** The longest query worth looking up: an application number is 22 characters. */
export const NUMBER_QUERY_MAX = 32;

const NUMBER_CHARS = /^[0-9A-Z-]+$/;

/**
 * What a visitor typed, as application numbers are written: full-width characters made
 * half-width, letters upper case, spaces dropped. Empty when nothing is left; null when the text
 * cannot begin an application number (no entry can match it).
 */
export function normalizeNumberQuery(raw: string | null | undefined): string | null {
  const text = (raw ?? "").normalize("NFKC").replace(/\s+/g, "").replace(/[‐‑‒–—−]/g, "-").toUpperCase();
  if (text === "") return "";
  if (text.length > NUMBER_QUERY_MAX || !NUMBER_CHARS.test(text)) return null;
  return text;
}

// The order of the characters numbers are made of, as both the C and the language collations
// sort them: digits before letters. Hyphens are left out of the bound (language collations skip
// them at the first level), which only widens the range.
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * The index range of the numbers that begin with `query` (normalised): `from` inclusive, `below`
 * exclusive, or no upper bound when none can be given (a query of only Z's and hyphens).
 */
export function numberPrefixRange(query: string): { from: string; below: string | null } {
  let stem = query.replace(/-+$/, "");
  while (stem.length > 0) {
    const last = stem.at(-1)!;
    const next = ALPHABET[ALPHABET.indexOf(last) + 1];
    if (next) return { from: query, below: `${stem.slice(0, -1)}${next}` };
    // A trailing Z has no successor: carry to the character before it.
    stem = stem.slice(0, -1).replace(/-+$/, "");
  }
  return { from: query, below: null };
}
