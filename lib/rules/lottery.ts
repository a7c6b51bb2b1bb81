import { createHash } from "node:crypto";

// Art. 23: the public lottery (摇号). Every ticket is SHA-256 of the revealed seed and the
// application number, so anyone can recompute a draw with `sha256sum`; the seed's own hash is
// published before the draw, so the seed cannot be chosen after the entrants are known.

export interface LotteryEntrant {
  applicationNo: string;
  priority: boolean;
}
export interface LotteryInput {
  seed: string; // revealed at the draw; its commitment was published before
  entrants: LotteryEntrant[]; // one pool: one application period, estate and unit type
  units: number;
  priorityShare: number; // 0..1: share of units reserved for the priority round
}
export interface LotteryResult {
  winners: { applicationNo: string; round: "PRIORITY" | "GENERAL" }[]; // in housing order
  waitlist: string[]; // everyone else, in general-round order
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Lowercase hex SHA-256 of the seed (UTF-8), published before the draw. */
export function seedCommitment(seed: string): string {
  if (typeof seed !== "string") throw new RangeError("seed must be a string");
  return sha256Hex(seed);
}

/** Lowercase hex SHA-256 of `${seed}:${applicationNo}`. */
export function lotteryTicket(seed: string, applicationNo: string): string {
  if (typeof seed !== "string") throw new RangeError("seed must be a string");
  if (typeof applicationNo !== "string") throw new RangeError("applicationNo must be a string");
  return sha256Hex(`${seed}:${applicationNo}`);
}

/** Units reserved for the priority round: floor(units x priorityShare). */
export function reservedPriorityUnits(units: number, priorityShare: number): number {
  // Rounded to 9 places first so that 10 x 0.3 is 3, not 2.9999999999999996.
  return Math.floor(Math.round(units * priorityShare * 1e9) / 1e9);
}

/**
 * Indexes 0..n-1 in ticket order (string order of the lowercase hex, which is numeric order).
 * Sorting strings with a comparator is the slow part of a large draw, so each ticket's leading
 * hex digits and its index are packed into one exact float64 and sorted natively; the rare runs
 * that share the packed prefix are then put in order by their full tickets.
 */
export function orderByTicket(tickets: string[]): Uint32Array {
  const n = tickets.length;
  const order = new Uint32Array(n);
  if (n === 0) return order;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n)));
  const prefixBits = 52 - indexBits;
  const prefixHexDigits = Math.floor(prefixBits / 4);
  const indexScale = 2 ** indexBits;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = parseInt(tickets[i]!.slice(0, prefixHexDigits), 16) * indexScale + i;
  keys.sort();
  for (let k = 0; k < n; k++) order[k] = keys[k]! % indexScale;
  // Fix up runs whose packed prefixes are equal.
  let runStart = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && Math.floor(keys[k]! / indexScale) === Math.floor(keys[runStart]! / indexScale)) continue;
    if (k - runStart > 1) {
      const run = Array.from(order.subarray(runStart, k)).sort((a, b) => {
        const ta = tickets[a]!, tb = tickets[b]!;
        return ta < tb ? -1 : ta > tb ? 1 : a - b;
      });
      order.set(run, runStart);
    }
    runStart = k;
  }
  return order;
}

/**
 * The draw: a priority round among priority entrants for the reserved units, then a general round
 * among everyone not yet a winner. Both rounds take entrants by ticket ascending, so one sort of
 * all tickets serves both.
 */
export function drawLottery(input: LotteryInput): LotteryResult {
  if (input === null || typeof input !== "object") throw new RangeError("input must be an object");
  const { seed, entrants, units, priorityShare } = input;
  if (typeof seed !== "string" || seed.length === 0) throw new RangeError("seed must be a non-empty string");
  if (!Array.isArray(entrants)) throw new RangeError("entrants must be an array");
  if (!Number.isSafeInteger(units) || units < 0) throw new RangeError(`units must be a non-negative whole number, got ${String(units)}`);
  if (typeof priorityShare !== "number" || !(priorityShare >= 0 && priorityShare <= 1)) {
    throw new RangeError(`priorityShare must be a number from 0 to 1, got ${String(priorityShare)}`);
  }
  const n = entrants.length;
  const tickets: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = entrants[i]!;
    if (e === null || typeof e !== "object" || typeof e.applicationNo !== "string" || e.applicationNo.length === 0) {
      throw new RangeError(`entrants[${i}].applicationNo must be a non-empty string`);
    }
    if (typeof e.priority !== "boolean") throw new RangeError(`entrants[${i}].priority must be a boolean`);
    tickets[i] = lotteryTicket(seed, e.applicationNo);
  }
  const order = orderByTicket(tickets);
  // The same application number twice gives the same ticket, so duplicates end up side by side.
  for (let k = 1; k < n; k++) {
    const a = order[k - 1]!, b = order[k]!;
    if (tickets[a] === tickets[b] && entrants[a]!.applicationNo === entrants[b]!.applicationNo) {
      throw new RangeError(`entrants list the applicationNo ${JSON.stringify(entrants[a]!.applicationNo)} twice`);
    }
  }

  const reserved = reservedPriorityUnits(units, priorityShare);
  const won = new Uint8Array(n);
  const winners: LotteryResult["winners"] = [];
  for (let k = 0; k < n && winners.length < reserved; k++) {
    const i = order[k]!;
    if (entrants[i]!.priority) {
      won[i] = 1;
      winners.push({ applicationNo: entrants[i]!.applicationNo, round: "PRIORITY" });
    }
  }
  const general = Math.min(units, n) - winners.length;
  const waitlist: string[] = [];
  let taken = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (won[i]) continue;
    if (taken < general) {
      winners.push({ applicationNo: entrants[i]!.applicationNo, round: "GENERAL" });
      taken++;
    } else {
      waitlist.push(entrants[i]!.applicationNo);
    }
  }
  return { winners, waitlist };
}
