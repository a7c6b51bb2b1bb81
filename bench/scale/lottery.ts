// The lottery at city size, for `npm run bench:scale` (issue 9): a pool of 200,000 qualified
// households for 10,000 units, frozen and drawn end to end by the services (freezePool writes the
// entrants file and 200,000 entrant rows, drawPool computes the result and writes every rank), set
// against its floor measured in the same run: the pure drawLottery of lib/rules on the same
// entrants plus one bare multi-row INSERT of the same 200,000 result rows into a table shaped like
// LotteryEntrant (its columns, defaults and indexes). Then one application's line of the published
// result, looked up 1,000 times by the service the public page uses and by the indexed SQL.
//
// The households are generated once with plain SQL and kept (marked by the estate BENCH-LOTTERY);
// each run makes a fresh plan for them, and removes its draw afterwards.
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { Actor } from "../../lib/auth/permissions";
import { drawLottery, lotteryTicket } from "../../lib/rules/lottery";
import { BENCH_MUNICIPAL_ID } from "./generate";
import { deleteBenchAuditRows } from "./scratch";

export const LOTTERY_ENTRANTS = 200_000;
export const LOTTERY_UNITS = 10_000;
const ESTATE = "BENCH-LOTTERY";
const LOOKUPS = 1_000;

export interface LotteryFigures {
  runs: number;
  service: number[];
  freezeMs: number[];
  drawMs: number[];
  floor: number[];
  drawLotteryMs: number[];
  insertMs: number[];
  lookup: { serviceP95: number; sqlP95: number; serviceMedian: number; sqlMedian: number };
}

/** The pool's households, estate, building and units, generated once (about a minute). */
async function ensurePool(db: pg.Pool): Promise<{ estateId: string; districtCode: string }> {
  const existing = await db.query<{ id: string; districtCode: string }>(`SELECT "id", "districtCode" FROM "Estate" WHERE "code" = $1`, [ESTATE]);
  if (existing.rows[0]) return { estateId: existing.rows[0].id, districtCode: existing.rows[0].districtCode };
  const { rows } = await db.query<{ code: string }>(`SELECT "code" FROM "District" ORDER BY "code" LIMIT 1`);
  const districtCode = rows[0]!.code;
  const t0 = performance.now();
  process.stdout.write(`[bench:scale] lottery: generating ${LOTTERY_ENTRANTS.toLocaleString("en")} qualified households and ${LOTTERY_UNITS.toLocaleString("en")} units … `);
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Estate" ("id", "code", "name", "districtCode", "level", "stockSource", "investment", "ownerName", "operatorName", "address", "updatedAt")
       VALUES ('bench-lottery-estate', $1, '摇号压测小区', $2, 'MUNICIPAL', 'NEW_CONSTRUCTION', 'GOVERNMENT', '市公租房管理局', '压测运营公司', '压测地址', now())`,
      [ESTATE, districtCode],
    );
    await client.query(`INSERT INTO "Building" ("id", "estateId", "name", "floors") SELECT 'bench-lottery-b' || b, 'bench-lottery-estate', b || '栋', 50 FROM generate_series(1, 20) AS b`);
    await client.query(
      `INSERT INTO "Unit" ("id", "estateId", "buildingId", "unitNo", "floor", "unitType", "floorAreaDm2", "status", "marketRentFen", "standardRentFen", "updatedAt")
       SELECT 'bench-lottery-u' || u, 'bench-lottery-estate', 'bench-lottery-b' || (1 + u % 20), lpad((u / 20)::text, 5, '0'), 1 + (u / 20) % 50,
              'TWO_BEDROOM', 6000, 'RESERVED', 180000, 100000, now()
         FROM generate_series(0, $1 - 1) AS u`,
      [LOTTERY_UNITS],
    );
    await client.query(
      `INSERT INTO "Application" ("id", "applicationNo", "source", "districtCode", "estateLevel", "status", "isPriority", "acceptedAt", "qualifiedAt", "updatedAt")
       SELECT 'bench-lottery-a' || i, 'LOT-' || lpad(i::text, 7, '0'), 'PORTAL', $2, 'MUNICIPAL', 'QUALIFIED', i % 10 = 0,
              TIMESTAMP '2025-01-01 02:00:00' + (i % 170) * INTERVAL '1 day', TIMESTAMP '2025-08-01 02:00:00', now()
         FROM generate_series(1, $1) AS i`,
      [LOTTERY_ENTRANTS, districtCode],
    );
    await client.query(
      `INSERT INTO "Qualification" ("id", "applicationId", "qualifiedOn", "entitledUnitType", "isPriority", "status")
       SELECT 'bench-lottery-q' || i, 'bench-lottery-a' || i, DATE '2025-08-01', 'TWO_BEDROOM', i % 10 = 0, 'ACTIVE' FROM generate_series(1, $1) AS i`,
      [LOTTERY_ENTRANTS],
    );
    await client.query(
      `INSERT INTO "ApplicationEstatePreference" ("applicationId", "estateId", "rank") SELECT 'bench-lottery-a' || i, 'bench-lottery-estate', 1 FROM generate_series(1, $1) AS i`,
      [LOTTERY_ENTRANTS],
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "Application"; ANALYZE "Qualification"; ANALYZE "ApplicationEstatePreference"; ANALYZE "Unit"`);
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { estateId: "bench-lottery-estate", districtCode };
}

/** A published lottery plan offering the pool's 10,000 units, its application period covering the households. */
async function freshPlan(db: pg.Pool, estateId: string, districtCode: string, run: number): Promise<string> {
  const planId = `bench-lottery-plan-${Date.now()}-${run}`;
  await db.query(
    `INSERT INTO "AllocationPlan" ("id", "districtCode", "estateId", "title", "method", "status", "applicationPeriodStart", "applicationPeriodEnd", "createdById", "publishedAt", "priorityShareBp", "beaconSource")
     VALUES ($1, $2, $3, '压测摇号方案', 'LOTTERY', 'PUBLISHED', DATE '2025-01-01', DATE '2025-06-30', $4, now(), 1000, '压测信标')`,
    [planId, districtCode, estateId, BENCH_MUNICIPAL_ID],
  );
  await db.query(`INSERT INTO "AllocationPlanUnit" ("planId", "unitId") SELECT $1, "id" FROM "Unit" WHERE "estateId" = $2`, [planId, estateId]);
  return planId;
}

async function removePlan(db: pg.Pool, planId: string): Promise<void> {
  await db.query(`DELETE FROM "LotteryEntrant" WHERE "drawId" IN (SELECT "id" FROM "LotteryDraw" WHERE "planId" = $1)`, [planId]);
  await deleteBenchAuditRows(db, `"entityId" IN (SELECT "id" FROM "LotteryDraw" WHERE "planId" = $1)`, [planId]);
  await db.query(`DELETE FROM "LotteryDraw" WHERE "planId" = $1`, [planId]);
  await db.query(`DELETE FROM "AllocationPlan" WHERE "id" = $1`, [planId]);
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** Freezes and draws the pool `runs` times beside its floor, then times the result lookups on the last draw. */
export async function benchLottery(db: pg.Pool, runs: number): Promise<LotteryFigures> {
  const { freezePool, drawPool } = await import("../../lib/allocation/lottery");
  const { findDrawResult } = await import("../../lib/allocation/draw-results");
  const { estateId, districtCode } = await ensurePool(db);
  const actor: Actor = { id: BENCH_MUNICIPAL_ID, role: "MUNICIPAL_OFFICER", districtCode: null };
  await db.query(`DROP TABLE IF EXISTS bench_lottery_floor`);
  await db.query(`CREATE TABLE bench_lottery_floor (LIKE "LotteryEntrant" INCLUDING DEFAULTS INCLUDING INDEXES)`);
  const figures: LotteryFigures = { runs, service: [], freezeMs: [], drawMs: [], floor: [], drawLotteryMs: [], insertMs: [], lookup: { serviceP95: 0, sqlP95: 0, serviceMedian: 0, sqlMedian: 0 } };
  const entrants = (await db.query<{ id: string; applicationNo: string; isPriority: boolean }>(`SELECT "id", "applicationNo", "isPriority" FROM "Application" WHERE "id" LIKE 'bench-lottery-a%'`)).rows;
  let lastPlan: string | null = null;
  let lastDraw: string | null = null;
  try {
    for (let run = 0; run < runs; run++) {
      if (lastPlan) await removePlan(db, lastPlan);
      const planId = await freshPlan(db, estateId, districtCode, run);
      lastPlan = planId;
      // The service, end to end: freeze (entrants file, commitment, 200,000 rows), then the draw.
      const t0 = performance.now();
      const frozen = await freezePool(actor, { planId, unitType: "TWO_BEDROOM" });
      const tf = performance.now();
      await drawPool(actor, { drawId: frozen.drawId, beacon: `bench-${run}` }, { now: new Date(Date.now() + 1000) });
      const td = performance.now();
      figures.freezeMs.push(tf - t0);
      figures.drawMs.push(td - tf);
      figures.service.push(td - t0);
      lastDraw = frozen.drawId;

      // The floor: drawLottery on the same entrants, and one INSERT of the 200,000 result rows.
      const t1 = performance.now();
      const seed = `floor-${run}:beacon`;
      const result = drawLottery({ seed, entrants: entrants.map((e) => ({ applicationNo: e.applicationNo, priority: e.isPriority })), units: LOTTERY_UNITS, priorityShare: 0.1 });
      // The rows carry each ticket, as result.txt and the entrant rows do.
      const tickets = new Map(entrants.map((e) => [e.applicationNo, lotteryTicket(seed, e.applicationNo)]));
      const t2 = performance.now();
      const won = new Map(result.winners.map((w, i) => [w.applicationNo, { rank: i + 1, round: w.round }]));
      const waitRank = new Map(result.waitlist.map((no, i) => [no, result.winners.length + i + 1]));
      const byNo = new Map(entrants.map((e) => [e.applicationNo, e]));
      const nos = entrants.map((e) => e.applicationNo);
      await db.query(
        `INSERT INTO bench_lottery_floor ("id", "drawId", "applicationId", "applicationNo", "isPriority", "ticket", "outcome", "round", "rank")
         SELECT gen_random_uuid()::text, $1, v.a, v.n, v.p, v.t, v.o::"LotteryOutcome", v.r::"LotteryRound", v.k
           FROM unnest($2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::text[], $8::int4[]) AS v(a, n, p, t, o, r, k)`,
        [
          `floor-${run}`,
          nos.map((n) => byNo.get(n)!.id),
          nos,
          nos.map((n) => byNo.get(n)!.isPriority),
          nos.map((n) => tickets.get(n)!),
          nos.map((n) => (won.has(n) ? "WON" : "WAITLISTED")),
          nos.map((n) => won.get(n)?.round ?? null),
          nos.map((n) => won.get(n)?.rank ?? waitRank.get(n)!),
        ],
      );
      const t3 = performance.now();
      figures.drawLotteryMs.push(t2 - t1);
      figures.insertMs.push(t3 - t2);
      figures.floor.push(t3 - t1);
      await db.query(`TRUNCATE bench_lottery_floor`);
    }

    // One application's line of the published result: the public page's lookup against the raw SQL.
    const sample = Array.from({ length: LOOKUPS }, (_, i) => entrants[(i * 7919) % entrants.length]!.applicationNo);
    const serviceTimes: number[] = [];
    const sqlTimes: number[] = [];
    for (let i = 0; i < 50; i++) {
      await findDrawResult(lastDraw!, sample[i]!);
      await db.query(`SELECT "rank", "applicationNo", "ticket", "outcome", "round" FROM "LotteryEntrant" WHERE "drawId" = $1 AND "applicationNo" = $2`, [lastDraw, sample[i]]);
    }
    for (const no of sample) {
      const a = performance.now();
      await findDrawResult(lastDraw!, no);
      const b = performance.now();
      await db.query(`SELECT "rank", "applicationNo", "ticket", "outcome", "round" FROM "LotteryEntrant" WHERE "drawId" = $1 AND "applicationNo" = $2`, [lastDraw, no]);
      const c = performance.now();
      serviceTimes.push(b - a);
      sqlTimes.push(c - b);
    }
    figures.lookup = { serviceP95: quantile(serviceTimes, 0.95), sqlP95: quantile(sqlTimes, 0.95), serviceMedian: quantile(serviceTimes, 0.5), sqlMedian: quantile(sqlTimes, 0.5) };
  } finally {
    if (lastPlan) await removePlan(db, lastPlan);
    await db.query(`DROP TABLE IF EXISTS bench_lottery_floor`);
  }
  return figures;
}

export function lotteryMedian(xs: number[]): number {
  return quantile(xs, 0.5);
}
