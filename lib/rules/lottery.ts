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
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const e = entrants[i]!;
    if (e === null || typeof e !== "object" || typeof e.applicationNo !== "string" || e.applicationNo.length === 0) {
      throw new RangeError(`entrants[${i}].applicationNo must be a non-empty string`);
    }
    if (typeof e.priority !== "boolean") throw new RangeError(`entrants[${i}].priority must be a boolean`);
    if (seen.has(e.applicationNo)) throw new RangeError(`entrants list the applicationNo ${JSON.stringify(e.applicationNo)} twice`);
    seen.add(e.applicationNo);
    tickets[i] = lotteryTicket(seed, e.applicationNo);
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const ta = tickets[a]!, tb = tickets[b]!;
    if (ta !== tb) return ta < tb ? -1 : 1;
    // Equal tickets need equal inputs, which the duplicate check excludes; order by number anyway.
    return entrants[a]!.applicationNo < entrants[b]!.applicationNo ? -1 : 1;
  });

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
