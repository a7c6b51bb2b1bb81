import "server-only";
import { randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { fromDateColumn, now as clockNow } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { LotteryDrawStatus, Prisma, UnitType } from "@/lib/generated/prisma/client";
import { drawSeed, entrantsFile, parseEntrantsFile, resultFile, resultLines, sha256Hex, type ResultRow } from "@/lib/lottery/publication";
import type { DrawJson } from "@/lib/lottery/verify";
import { addDays } from "@/lib/rules/dates";
import { seedCommitment } from "@/lib/rules/lottery";
import type { ISODate } from "@/lib/rules/types";
import { drawJson, entrantResult } from "./draw-json";
import { cancelDrawSchema, drawPoolSchema, freezePoolSchema, type CancelDrawInput, type DrawPoolInput, type FreezePoolInput } from "./schemas";
import { entitlementsAllowing } from "./unit-types";
import { isRecordId, parseInput } from "./inputs";

// The public lottery (摇号, Art. 23) as shared/docs/lottery-publication.md publishes it: an officer
// freezes a pool (one plan's estate, unit type and application period), publishing its entrants
// file and the commitment to a random secret; at the draw they enter the public beacon named in
// advance, and the result follows from secret + beacon alone. A draw runs once; a cancelled one
// keeps its record and is never drawn.

/** The partial unique index "one live draw per pool" (migration 20261201190000_lottery_draws). */
const LIVE_POOL_INDEX = "LotteryDraw_livePool_key";

/**
 * Entrant rows written per statement at the draw. Each statement maps its numbers to applications
 * through the estate's preferences once, so one statement for a whole pool of 200,000 (two arrays
 * of 200,000 values) is cheaper than ten.
 */
const ENTRANT_BATCH = 250_000;

// A pool of 200,000 writes as many rows and ~20 MB of files: more than the default 5 s on a slow disk.
const LONG_TRANSACTION = { timeout: 120_000, maxWait: 30_000 } as const;

/** The first instant of a CST calendar date. */
function cstStartOf(date: ISODate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/**
 * Art. 21, 23: the households of one pool, as (number, priority). Qualified, with an active
 * qualification that allows the unit type (the entitled type or a smaller one), who chose the
 * plan's estate, and whose acceptance (CST) falls within the plan's application period, both days
 * included. One statement returning two columns: a pool of 200,000 is read in well under a second.
 */
async function poolOf(tx: Prisma.TransactionClient, pool: { estateId: string; unitType: UnitType; periodStart: ISODate; periodEnd: ISODate }): Promise<Array<{ applicationNo: string; isPriority: boolean }>> {
  const types = entitlementsAllowing(pool.unitType);
  return tx.$queryRaw<Array<{ applicationNo: string; isPriority: boolean }>>`
    SELECT a."applicationNo", a."isPriority"
      FROM "Application" a
      JOIN "Qualification" q ON q."applicationId" = a."id" AND q."status" = 'ACTIVE' AND q."entitledUnitType"::text = ANY(${types}::text[])
      JOIN "ApplicationEstatePreference" p ON p."applicationId" = a."id" AND p."estateId" = ${pool.estateId}
     WHERE a."status" = 'QUALIFIED'
       AND a."acceptedAt" >= ${cstStartOf(pool.periodStart)} AND a."acceptedAt" < ${cstStartOf(addDays(pool.periodEnd, 1))}`;
}

export interface FrozenPool {
  drawId: string;
  units: number;
  entrantCount: number;
  priorityEntrantCount: number;
  entrantsSha256: string;
  seedCommitment: string;
}

/**
 * Freezes one pool of a published lottery plan: its entrants file, hash and seed commitment are
 * published from now on and never change. Refuses a pool without units or entrants, and a second
 * live draw of the same pool (CONFLICT). The secret is never returned.
 */
export async function freezePool(actor: Actor, input: FreezePoolInput, options: { now?: Date } = {}): Promise<FrozenPool> {
  const parsed = parseInput(freezePoolSchema, input);
  const { planId, unitType } = parsed;
  const at = options.now ?? clockNow();
  const plan = await prisma.allocationPlan.findUnique({
    where: { id: planId },
    select: { districtCode: true, estateId: true, method: true, status: true, applicationPeriodStart: true, applicationPeriodEnd: true, priorityShareBp: true, beaconSource: true },
  });
  if (!plan) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.planNotFound" });
  // What the plan announced, unless the freeze names its own.
  const priorityShareBp = parsed.priorityShareBp ?? plan.priorityShareBp;
  const beaconSource = parsed.beaconSource ?? plan.beaconSource;
  if (!beaconSource) throw new AppError("VALIDATION", { fieldErrors: { beaconSource: ["allocation.validation.beaconSourceRequired"] } });
  assertCan(actor, "allocation:manage", { districtCode: plan.districtCode });
  if (plan.method !== "LOTTERY") throw new AppError("CONFLICT", { messageKey: "allocation.errors.planNotLottery" });
  if (plan.status !== "PUBLISHED") throw new AppError("CONFLICT", { messageKey: "allocation.errors.planNotPublished" });
  if (!plan.applicationPeriodStart || !plan.applicationPeriodEnd) throw new AppError("CONFLICT", { messageKey: "allocation.errors.planHasNoPeriod" });
  const period = { periodStart: fromDateColumn(plan.applicationPeriodStart), periodEnd: fromDateColumn(plan.applicationPeriodEnd) };

  try {
    return await prisma.$transaction(async (tx) => {
      const units = await tx.allocationPlanUnit.count({ where: { planId, unit: { unitType } } });
      if (units === 0) throw new AppError("CONFLICT", { messageKey: "allocation.errors.noUnits" });
      const pool = await poolOf(tx, { estateId: plan.estateId, unitType, ...period });
      if (pool.length === 0) throw new AppError("CONFLICT", { messageKey: "allocation.errors.noEntrants" });
      const file = entrantsFile(pool.map((a) => ({ applicationNo: a.applicationNo, priority: a.isPriority })));
      const frozen = {
        units,
        entrantCount: pool.length,
        priorityEntrantCount: pool.filter((a) => a.isPriority).length,
        entrantsSha256: sha256Hex(file),
      };
      // 256 bits from the CSPRNG; only its hash is published until the draw.
      const seedSecret = randomBytes(32).toString("hex");
      const commitment = seedCommitment(seedSecret);
      // A second live draw of the pool violates LIVE_POOL_INDEX here (waiting for a concurrent freeze to end).
      const draw = await tx.lotteryDraw.create({
        data: {
          planId,
          unitType,
          unitsCount: units,
          priorityShareBp,
          seedCommitment: commitment,
          committedAt: at,
          status: "COMMITTED",
          entrantCount: frozen.entrantCount,
          priorityEntrantCount: frozen.priorityEntrantCount,
          entrantsSha256: frozen.entrantsSha256,
          entrantsFile: file,
          beaconSource,
          seedSecret,
        },
        select: { id: true },
      });
      await writeAudit(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: "lottery.freeze",
          entityType: "LotteryDraw",
          entityId: draw.id,
          districtCode: plan.districtCode,
          // What is public from now on; never the secret.
          data: { planId, unitType, priorityShareBp, beaconSource, ...frozen, seedCommitment: commitment },
        },
        tx,
      );
      return { drawId: draw.id, ...frozen, seedCommitment: commitment };
    }, LONG_TRANSACTION);
  } catch (error) {
    if (isUniqueViolation(error, LIVE_POOL_INDEX)) throw new AppError("CONFLICT", { messageKey: "allocation.errors.liveDrawExists", cause: error });
    throw error;
  }
}

/** Why a draw could not move from COMMITTED: drawn already, cancelled, or (clock) not after its freeze. */
function notCommitted(status: LotteryDrawStatus): AppError {
  if (status === "DRAWN") return new AppError("CONFLICT", { messageKey: "allocation.errors.alreadyDrawn" });
  if (status === "CANCELLED") return new AppError("CONFLICT", { messageKey: "allocation.errors.drawCancelled" });
  return new AppError("CONFLICT", { messageKey: "allocation.errors.drawTooEarly" });
}

/** The draw's status and plan, once the actor is known to reach the plan's district. */
async function drawInReach(actor: Actor, drawId: string) {
  const draw = isRecordId(drawId)
    ? await prisma.lotteryDraw.findUnique({ where: { id: drawId }, select: { status: true, plan: { select: { districtCode: true, status: true, estateId: true } } } })
    : null;
  if (!draw) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.drawNotFound" });
  assertCan(actor, "allocation:manage", { districtCode: draw.plan.districtCode });
  return draw;
}

export interface DrawOutcome {
  drawId: string;
  seed: string;
  winners: number;
  waitlisted: number;
}

/**
 * Draws a frozen pool with the beacon read out at the draw. The result is computed from the
 * entrants file exactly as published (its bytes, re-read), and everything is written in one
 * transaction whose first statement moves the draw COMMITTED → DRAWN only if it still is: of any
 * number of calls at once, one draws and the others get CONFLICT.
 */
export async function drawPool(actor: Actor, input: DrawPoolInput, options: { now?: Date } = {}): Promise<DrawOutcome> {
  const { drawId, beacon, witnesses } = parseInput(drawPoolSchema, input);
  const at = options.now ?? clockNow();
  const draw = await drawInReach(actor, drawId);
  // Cheap refusals first, so that a repeated click does not recompute a large pool.
  if (draw.status !== "COMMITTED") throw notCommitted(draw.status);
  if (draw.plan.status !== "PUBLISHED") throw new AppError("CONFLICT", { messageKey: "allocation.errors.planNotPublished" });
  // The inputs never change after the freeze, so the result is computed before the row is taken.
  const frozen = await prisma.lotteryDraw.findUniqueOrThrow({
    where: { id: drawId },
    select: { seedSecret: true, entrantsFile: true, entrantCount: true, unitsCount: true, priorityShareBp: true },
  });
  if (frozen.seedSecret === null) throw new Error(`lottery draw ${drawId} has no secret`);
  const entrants = parseEntrantsFile(frozen.entrantsFile);
  if (entrants.problems.length > 0 || entrants.rows.length !== frozen.entrantCount) throw new Error(`lottery draw ${drawId}: the stored entrants file is unreadable`);
  const seed = drawSeed(frozen.seedSecret, beacon);
  const rows = resultLines(seed, entrants.rows, frozen.unitsCount, frozen.priorityShareBp / 10_000);
  const text = resultFile(rows);
  const winners = rows.filter((r) => r.outcome !== "WAITLIST").length;

  await prisma.$transaction(async (tx) => {
    const claimed = await tx.lotteryDraw.updateMany({
      where: { id: drawId, status: "COMMITTED", committedAt: { lt: at } },
      data: { status: "DRAWN", beacon, seed, drawnAt: at, drawnById: actor.id, resultFile: text, witnesses },
    });
    if (claimed.count !== 1) {
      const now = await tx.lotteryDraw.findUniqueOrThrow({ where: { id: drawId }, select: { status: true } });
      throw notCommitted(now.status);
    }
    const priority = new Set(entrants.rows.filter((e) => e.priority).map((e) => e.applicationNo));
    const written = await insertResults(tx, { id: drawId, estateId: draw.plan.estateId, seed, resultSha256: sha256Hex(text) }, rows, priority);
    if (written !== rows.length) throw new Error(`lottery draw ${drawId}: ${written} entrant rows for ${rows.length} lines`);
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "lottery.draw",
        entityType: "LotteryDraw",
        entityId: drawId,
        districtCode: draw.plan.districtCode,
        data: { beacon, seed, witnesses, resultSha256: sha256Hex(text), winners, waitlisted: rows.length - winners },
      },
      tx,
    );
  }, LONG_TRANSACTION);
  return { drawId, seed, winners, waitlisted: rows.length - winners };
}

/**
 * Every entrant's row, written once at the draw with its ticket, rank and result. (Rows written at
 * the freeze and updated here would cost a second pass over every index.) Only the numbers in rank
 * order and their priority flags travel (one statement up to 250,000); PostgreSQL computes each
 * ticket (SHA-256 of `seed:applicationNo`, as lib/rules lotteryTicket), the rank (the order), and the
 * outcome (the winners of each round come first). Each number's application comes from the plan's
 * estate's preferences (every entrant chose the estate, Art. 23; one index range), or by its number
 * when a preference changed since the freeze. Then the stored rows are checked against result.txt
 * byte for byte: the SHA-256 of the rows written as result.txt lines must be the file's. The rows
 * written.
 */
async function insertResults(
  tx: Prisma.TransactionClient,
  draw: { id: string; estateId: string; seed: string; resultSha256: string },
  rows: readonly ResultRow[],
  priority: ReadonlySet<string>,
): Promise<number> {
  const priorityWinners = rows.filter((r) => r.outcome === "PRIORITY").length;
  const winners = rows.filter((r) => r.outcome !== "WAITLIST").length;
  let written = 0;
  for (let start = 0; start < rows.length; start += ENTRANT_BATCH) {
    const batch = rows.slice(start, start + ENTRANT_BATCH);
    written += await tx.$executeRaw`
      WITH v AS (
        SELECT n."applicationNo", n."isPriority", ${start}::int4 + n."ord"::int4 AS "rank"
          FROM unnest(${batch.map((r) => r.applicationNo)}::text[], ${batch.map((r) => priority.has(r.applicationNo))}::boolean[]) WITH ORDINALITY AS n("applicationNo", "isPriority", "ord")
      ), chose AS (
        SELECT a."id", a."applicationNo" FROM "ApplicationEstatePreference" p JOIN "Application" a ON a."id" = p."applicationId" WHERE p."estateId" = ${draw.estateId}
      )
      INSERT INTO "LotteryEntrant" ("id", "drawId", "applicationId", "applicationNo", "isPriority", "ticket", "rank", "outcome", "round")
      SELECT gen_random_uuid()::text, ${draw.id},
             COALESCE(c."id", (SELECT x."id" FROM "Application" x WHERE x."applicationNo" = v."applicationNo")),
             v."applicationNo", v."isPriority",
             encode(sha256(convert_to(${draw.seed} || ':' || v."applicationNo", 'UTF8')), 'hex'),
             v."rank",
             (CASE WHEN v."rank" <= ${winners} THEN 'WON' ELSE 'WAITLISTED' END)::"LotteryOutcome",
             (CASE WHEN v."rank" <= ${priorityWinners} THEN 'PRIORITY' WHEN v."rank" <= ${winners} THEN 'GENERAL' END)::"LotteryRound"
        FROM v LEFT JOIN chose c ON c."applicationNo" = v."applicationNo"`;
  }
  // The rows as result.txt lines, hashed in the database: equal to the published file's hash.
  const check = await tx.$queryRaw<Array<{ sha: string | null }>>`
    SELECT encode(sha256(convert_to(string_agg(
             "rank" || ',' || "applicationNo" || ',' || "ticket" || ',' || (CASE WHEN "round" IS NULL THEN 'WAITLIST' ELSE "round"::text END) || E'\n', '' ORDER BY "rank"), 'UTF8')), 'hex') AS sha
      FROM "LotteryEntrant" WHERE "drawId" = ${draw.id}`;
  if (check[0]?.sha !== draw.resultSha256) throw new Error(`lottery draw ${draw.id}: the stored rows differ from result.txt`);
  return written;
}

/** Cancels a frozen draw that has not been drawn; its record and reason stay public, and it is never drawn. */
export async function cancelDraw(actor: Actor, input: CancelDrawInput, options: { now?: Date } = {}): Promise<{ drawId: string }> {
  const { drawId, reason } = parseInput(cancelDrawSchema, input);
  const at = options.now ?? clockNow();
  const draw = await drawInReach(actor, drawId);
  if (draw.status !== "COMMITTED") throw notCommitted(draw.status);
  await prisma.$transaction(async (tx) => {
    const cancelled = await tx.lotteryDraw.updateMany({
      where: { id: drawId, status: "COMMITTED" },
      data: { status: "CANCELLED", cancelledAt: at, cancelledById: actor.id, cancelReason: reason },
    });
    if (cancelled.count !== 1) {
      const now = await tx.lotteryDraw.findUniqueOrThrow({ where: { id: drawId }, select: { status: true } });
      throw notCommitted(now.status);
    }
    await writeAudit(
      { actorId: actor.id, actorRole: actor.role, action: "lottery.cancel", entityType: "LotteryDraw", entityId: drawId, districtCode: draw.plan.districtCode, reason },
      tx,
    );
  });
  return { drawId };
}

// ───────────── public reading (GET /api/v1/lotteries…) ─────────────

const publicDrawSelect = {
  id: true,
  planId: true,
  unitType: true,
  unitsCount: true,
  priorityShareBp: true,
  status: true,
  committedAt: true,
  entrantCount: true,
  priorityEntrantCount: true,
  entrantsSha256: true,
  seedCommitment: true,
  beaconSource: true,
  drawnAt: true,
  // Read for a drawn draw's JSON; drawJson leaves it out before the draw.
  seedSecret: true,
  beacon: true,
  seed: true,
  cancelledAt: true,
  cancelReason: true,
  plan: { select: { title: true, districtCode: true, estate: { select: { name: true } } } },
} satisfies Prisma.LotteryDrawSelect;

function toDrawJson(row: Prisma.LotteryDrawGetPayload<{ select: typeof publicDrawSelect }>): DrawJson {
  return drawJson({ ...row, planTitle: row.plan.title, estateName: row.plan.estate.name, districtCode: row.plan.districtCode });
}

/** Every draw, newest first, as the public sees it. */
export async function listPublicDraws(): Promise<DrawJson[]> {
  const rows = await prisma.lotteryDraw.findMany({ select: publicDrawSelect, orderBy: [{ committedAt: "desc" }, { id: "desc" }] });
  return rows.map(toDrawJson);
}

/** One draw as the public sees it, or null (unknown or malformed id). */
export async function getPublicDraw(drawId: string): Promise<DrawJson | null> {
  if (!isRecordId(drawId)) return null;
  const row = await prisma.lotteryDraw.findUnique({ where: { id: drawId }, select: publicDrawSelect });
  return row ? toDrawJson(row) : null;
}

/** Who witnessed a draw (notaries, observers), as recorded at the draw; null when none was recorded. */
export async function drawWitnesses(drawId: string): Promise<string | null> {
  if (!isRecordId(drawId)) return null;
  const row = await prisma.lotteryDraw.findUnique({ where: { id: drawId }, select: { status: true, witnesses: true } });
  return row?.status === "DRAWN" ? row.witnesses : null;
}

/** entrants.txt: the bytes frozen with the draw, or null (unknown id). */
export async function entrantsText(drawId: string): Promise<string | null> {
  if (!isRecordId(drawId)) return null;
  const row = await prisma.lotteryDraw.findUnique({ where: { id: drawId }, select: { entrantsFile: true } });
  return row?.entrantsFile ?? null;
}

/** result.txt: the bytes written at the draw; null unless drawn. */
export async function resultText(drawId: string): Promise<string | null> {
  if (!isRecordId(drawId)) return null;
  const row = await prisma.lotteryDraw.findUnique({ where: { id: drawId }, select: { status: true, resultFile: true } });
  return row?.status === "DRAWN" ? row.resultFile : null;
}
