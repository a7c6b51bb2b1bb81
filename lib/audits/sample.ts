import { createHash } from "node:crypto";
import { lotteryTicket } from "@/lib/rules";

// The random sample of a sample audit (Art. 20), reproducible and checkable without trusting the
// portal: every review decision in the period gets the ticket SHA-256(`${seed}:${decisionId}`)
// (lib/rules lotteryTicket, as in the public lottery), and the n decisions with the smallest
// tickets are sampled. Anyone with the seed and the list of decision ids can recompute it with
// `printf '%s' "<seed>:<id>" | sha256sum`.

export interface SampledDecision {
  id: string;
  ticket: string;
}

/** The `n` decisions with the smallest tickets, smallest first (duplicates ignored). */
export function drawAuditSample(seed: string, decisionIds: readonly string[], n: number): SampledDecision[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError("n must be a non-negative whole number");
  const unique = [...new Set(decisionIds)];
  const tickets = unique.map((id) => ({ id, ticket: lotteryTicket(seed, id) }));
  tickets.sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : a.id < b.id ? -1 : 1));
  return tickets.slice(0, n);
}

/** SHA-256 of the population's ids, sorted and joined by line breaks: shows the population did not change. */
export function populationCommitment(decisionIds: readonly string[]): string {
  const sorted = [...new Set(decisionIds)].sort();
  return createHash("sha256").update(sorted.join("\n"), "utf8").digest("hex");
}
