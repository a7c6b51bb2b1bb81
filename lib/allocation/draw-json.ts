import type { DrawJson } from "@/lib/lottery/verify";
import type { Outcome } from "@/lib/lottery/publication";

// The public form of a draw (shared/docs/lottery-publication.md, the `Draw` object) and the mapping
// between result.txt's outcomes and the entrant rows. Pure: no I/O, no clock.

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** ISO 8601 in China Standard Time with its offset, e.g. 2026-12-01T10:00:00.000+08:00. */
export function cstIsoTime(at: Date): string {
  // Milliseconds are kept: drawnAt must be after committedAt, and both may fall in one second.
  return `${new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}

/** What a draw row holds, as read for the public. */
export interface DrawRecord {
  id: string;
  planId: string;
  planTitle: string;
  estateName: string;
  districtCode: string;
  unitType: string;
  unitsCount: number;
  priorityShareBp: number;
  status: "COMMITTED" | "DRAWN" | "CANCELLED";
  committedAt: Date;
  entrantCount: number;
  priorityEntrantCount: number;
  entrantsSha256: string;
  seedCommitment: string;
  beaconSource: string;
  drawnAt: Date | null;
  seedSecret: string | null;
  beacon: string | null;
  seed: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

/** The `Draw` JSON, in the spec's key order. The secret, beacon and seed only once drawn. */
export function drawJson(r: DrawRecord): DrawJson {
  const drawn = r.status === "DRAWN";
  return {
    drawId: r.id,
    planId: r.planId,
    planTitle: r.planTitle,
    estateName: r.estateName,
    districtCode: r.districtCode,
    unitType: r.unitType,
    units: r.unitsCount,
    priorityShare: r.priorityShareBp / 10_000,
    status: r.status,
    committedAt: cstIsoTime(r.committedAt),
    entrantCount: r.entrantCount,
    priorityEntrantCount: r.priorityEntrantCount,
    entrantsSha256: r.entrantsSha256,
    seedCommitment: r.seedCommitment,
    beaconSource: r.beaconSource,
    drawnAt: drawn && r.drawnAt ? cstIsoTime(r.drawnAt) : null,
    seedSecret: drawn ? r.seedSecret : null,
    beacon: drawn ? r.beacon : null,
    seed: drawn ? r.seed : null,
    cancelledAt: r.status === "CANCELLED" && r.cancelledAt ? cstIsoTime(r.cancelledAt) : null,
    cancelReason: r.status === "CANCELLED" ? r.cancelReason : null,
  };
}

/** An entrant row's result: a winner of the priority or general round, or waitlisted. */
export interface EntrantResult {
  outcome: "WON" | "WAITLISTED";
  round: "PRIORITY" | "GENERAL" | null;
}

/** result.txt's outcome as the entrant row stores it. */
export function entrantResult(outcome: Outcome): EntrantResult {
  return outcome === "WAITLIST" ? { outcome: "WAITLISTED", round: null } : { outcome: "WON", round: outcome };
}

/** The row's result as result.txt writes it; null before the draw. */
export function resultOutcome(r: { outcome: EntrantResult["outcome"] | null; round: EntrantResult["round"] }): Outcome | null {
  if (r.outcome === "WAITLISTED") return "WAITLIST";
  if (r.outcome === "WON" && r.round !== null) return r.round;
  return null;
}
