import { cstYearOfEpochMs, parseInstant } from "./dates";

// Art. 23 (ordered waiting) and Art. 45 (applicants qualified before 2024-07-22): the order in
// which qualified households are housed.

export interface QueueEntry {
  id: string;
  acceptedAt: string; // ISO date-time with offset
  priority: boolean;
  legacyLotteryRank: number | null; // set for applicants qualified before 2024-07-22
}

/** The date from which acceptance time, not a lottery, orders the queue (Art. 23, 47). */
export const MEASURES_EFFECTIVE_DATE = "2024-07-22";

/**
 * Ids in housing order: by the year of acceptance in China Standard Time; within a year, priority
 * households (Art. 22) first; within each group, households ranked by a pre-2024-07-22 lottery by
 * that rank, then the others by time of acceptance; remaining ties by id.
 */
export function rankWaitingList(entries: QueueEntry[]): string[] {
  if (!Array.isArray(entries)) throw new RangeError("entries must be an array");
  const n = entries.length;
  // One numeric key per entry carries (year, priority, legacy) in its high part and the rank or
  // the acceptance time in its low part, so that most comparisons are one subtraction.
  const major = new Float64Array(n);
  const minor = new Float64Array(n);
  const nanos = new Uint32Array(n);
  const ids: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    if (e === null || typeof e !== "object") throw new RangeError(`entries[${i}] must be an object`);
    if (typeof e.id !== "string" || e.id.length === 0) throw new RangeError(`entries[${i}].id must be a non-empty string`);
    const at = parseInstant(e.acceptedAt, `entries[${i}].acceptedAt`);
    if (typeof e.priority !== "boolean") throw new RangeError(`entries[${i}].priority must be a boolean`);
    const rank = e.legacyLotteryRank;
    if (rank !== null && (!Number.isSafeInteger(rank) || rank < 0)) {
      throw new RangeError(`entries[${i}].legacyLotteryRank must be null or a non-negative whole number, got ${String(rank)}`);
    }
    const year = cstYearOfEpochMs(at.epochMs);
    major[i] = year * 4 + (e.priority ? 0 : 2) + (rank !== null ? 0 : 1);
    if (rank !== null) {
      minor[i] = rank;
    } else {
      minor[i] = at.epochMs;
      nanos[i] = at.subMsNanos;
    }
    ids[i] = e.id;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const d = major[a]! - major[b]! || minor[a]! - minor[b]! || nanos[a]! - nanos[b]!;
    if (d !== 0) return d;
    const ia = ids[a]!, ib = ids[b]!;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  const out: string[] = new Array(n);
  for (let k = 0; k < n; k++) {
    out[k] = ids[order[k]!]!;
    if (k > 0 && out[k] === out[k - 1]) throw new RangeError(`entries contain the id ${JSON.stringify(out[k])} twice`);
  }
  return out;
}
