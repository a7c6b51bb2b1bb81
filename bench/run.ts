// `npm run bench`: the rules library's speed at city scale, measured on this machine. The script
// is bundled with esbuild first, as the server code is bundled in production.
// Benchmarks, not tests: they report figures and compare them with the targets of the issue,
// and exit non-zero only if a target is missed by the median of several runs.
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import {
  assessEligibility,
  drawLottery,
  rankWaitingList,
  type EligibilityInput,
  type HouseholdMember,
  type LotteryEntrant,
  type QueueEntry,
} from "../lib/rules";
import { seededRandom } from "../tests/support/seeded-random";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);


function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function generateHouseholds(count: number, seed: number): EligibilityInput[] {
  const r = seededRandom(seed);
  const relationships = ["SPOUSE", "CHILD", "PARENT", "SPOUSE_PARENT", "OTHER_DEPENDENT"] as const;
  const employments = ["LABOR_CONTRACT", "BUSINESS_LICENSE", "PENSION", "MIGRANT_SOCIAL_INSURANCE", "NONE"] as const;
  const out: EligibilityInput[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const size = 1 + Math.floor(r() * 5);
    const members: HouseholdMember[] = [];
    for (let k = 0; k < size; k++) {
      members.push({
        relationship: k === 0 ? "APPLICANT" : relationships[Math.floor(r() * relationships.length)]!,
        sex: r() < 0.5 ? "M" : "F",
        birthDate: `${1940 + Math.floor(r() * 80)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
        fullCivilCapacity: r() < 0.98,
        annualIncomeFen: Math.floor(r() * 12_000_000),
      });
    }
    out[i] = {
      applicationDate: `2025-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
      members,
      employment: employments[Math.floor(r() * employments.length)]!,
      ownsUrbanHousingInCity: r() < 0.3,
      housingFloorAreaM2: r() < 0.3 ? Math.floor(r() * 120) : 0,
      lastHousingTransferDate: r() < 0.1 ? `20${pad(15 + Math.floor(r() * 10))}-06-15` : null,
      familyCanSupportHousing: r() < 0.05,
      priorityCategories: r() < 0.1 ? ["MINIMUM_LIVING"] : [],
      referenceIncomeFen: 5_238_400,
      bannedUntil: r() < 0.01 ? "2027-01-01" : null,
      memberAlreadyHoused: r() < 0.01,
    };
  }
  return out;
}

function benchEligibility(): { perSecond: number; eligibleShare: number } {
  const total = 1_000_000;
  const chunk = 100_000;
  const rates: number[] = [];
  let eligible = 0;
  for (let run = 0; run < RUNS; run++) {
    let elapsed = 0;
    eligible = 0;
    for (let done = 0; done < total; done += chunk) {
      const households = generateHouseholds(chunk, 1 + done); // generation is not timed
      const t0 = performance.now();
      for (let i = 0; i < households.length; i++) if (assessEligibility(households[i]!).eligible) eligible++;
      elapsed += performance.now() - t0;
    }
    rates.push(total / (elapsed / 1000));
  }
  return { perSecond: median(rates), eligibleShare: eligible / total };
}

function benchLottery(): { drawMs: number; baselineMs: number; ratio: number } {
  const r = seededRandom(42);
  const entrants: LotteryEntrant[] = Array.from({ length: 200_000 }, (_, i) => ({
    applicationNo: `GZF2025${String(i).padStart(7, "0")}`,
    priority: r() < 0.15,
  }));
  const seed = "c6b1f0e4a9d2-public-draw-2025-03";
  const draws: number[] = [];
  const baselines: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let t0 = performance.now();
    const tickets = entrants.map((e) => createHash("sha256").update(`${seed}:${e.applicationNo}`, "utf8").digest("hex"));
    tickets.sort();
    baselines.push(performance.now() - t0);
    t0 = performance.now();
    const result = drawLottery({ seed, entrants, units: 10_000, priorityShare: 0.2 });
    draws.push(performance.now() - t0);
    if (result.winners.length !== 10_000) throw new Error("the draw gave the wrong number of winners");
  }
  const drawMs = median(draws);
  const baselineMs = median(baselines);
  return { drawMs, baselineMs, ratio: drawMs / baselineMs };
}

function benchWaitingList(): { rankMs: number; baselineMs: number; ratio: number } {
  const r = seededRandom(7);
  const n = 1_000_000;
  const start = Date.UTC(2021, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  const entries: QueueEntry[] = new Array(n);
  // The same keys, precomputed, for the plain sort: (year, group, rank or time, id).
  const keys: { year: number; group: number; order: number; id: string }[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const ms = start + Math.floor(r() * span);
    const priority = r() < 0.15;
    const legacy = ms < Date.UTC(2024, 6, 22) && r() < 0.5 ? 1 + Math.floor(r() * 100_000) : null;
    const id = `Q${String(i).padStart(7, "0")}`;
    entries[i] = { id, acceptedAt: new Date(ms).toISOString().replace("Z", "+00:00"), priority, legacyLotteryRank: legacy };
    keys[i] = {
      year: new Date(ms + 8 * 3_600_000).getUTCFullYear(),
      group: (priority ? 0 : 2) + (legacy !== null ? 0 : 1),
      order: legacy ?? ms,
      id,
    };
  }
  const ranks: number[] = [];
  const baselines: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const copy = keys.slice();
    let t0 = performance.now();
    copy.sort((a, b) => a.year - b.year || a.group - b.group || a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    baselines.push(performance.now() - t0);
    t0 = performance.now();
    const ranked = rankWaitingList(entries);
    ranks.push(performance.now() - t0);
    if (ranked[0] !== copy[0]!.id || ranked[n - 1] !== copy[n - 1]!.id) throw new Error("rankWaitingList disagrees with the plain sort");
  }
  const rankMs = median(ranks);
  const baselineMs = median(baselines);
  return { rankMs, baselineMs, ratio: rankMs / baselineMs };
}

function main(): void {
  console.log(`Anju rules benchmarks (node ${process.version}, median of ${RUNS} runs)\n`);
  const e = benchEligibility();
  const eOk = e.perSecond >= 1_000_000;
  console.log(`assessEligibility, 1,000,000 households: ${(e.perSecond / 1e6).toFixed(2)} M checks/s (${(e.eligibleShare * 100).toFixed(1)} % eligible); target >= 1 M/s: ${eOk ? "met" : "MISSED"}`);
  const l = benchLottery();
  const lOk = l.ratio <= 1.5;
  console.log(`drawLottery, 200,000 entrants / 10,000 units: ${l.drawMs.toFixed(0)} ms vs ${l.baselineMs.toFixed(0)} ms for the bare SHA-256 tickets + sort = ${l.ratio.toFixed(2)}x; target <= 1.5x: ${lOk ? "met" : "MISSED"}`);
  const w = benchWaitingList();
  const wOk = w.ratio <= 2;
  console.log(`rankWaitingList, 1,000,000 entries: ${w.rankMs.toFixed(0)} ms vs ${w.baselineMs.toFixed(0)} ms for a plain sort of the same keys = ${w.ratio.toFixed(2)}x; target <= 2x: ${wOk ? "met" : "MISSED"}`);
  if (!(eOk && lOk && wOk)) process.exitCode = 1;
}

main();
