import "server-only";
import { transitionApplication } from "@/lib/applications/transitions";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { cstMinute, dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { Prisma, SelectionTurnStatus, UnitType } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { applicantContact, contactSelect } from "@/lib/review/common";
import { addWorkingDays } from "@/lib/rules/working-days";
import { moveUnitsStatus, moveUnitStatus } from "@/lib/stock/stock-service";
import {
  assignUnitSchema,
  declineOfferSchema,
  declineTurnSchema,
  offerStepSchema,
  openSelectionSchema,
  pickUnitSchema,
  type AssignUnitInput,
  type DeclineOfferInput,
  type DeclineTurnInput,
  type OfferStepInput,
  type OpenSelectionInput,
  type PickUnitInput,
} from "./selection-schemas";
import { passWaitingListOffer } from "./waiting-list";
import { parseInput } from "./inputs";

// Unit selection (选房, Art. 23) after a draw, and the offers it makes (Art. 25). An officer opens
// a drawn pool's selection once, setting each household's window, how many choose at the same time
// and the working days to accept. Entrants get turns in rank order (winners first, then the
// waitlist): while the pool has more reserved units than open turns, the next entrant's turn opens.
// A pick moves the unit RESERVED → OFFERED and makes an offer with its deadline; a turn declined,
// unused, or an offer declined or expired passes the unit on to the next in rank.
//
// Every change to a pool's turns runs in one transaction that first locks the draw's row, so the
// turns of one pool move one at a time. The unit's conditional move and two partial unique indexes
// (a unit never in two live offers, a household never holding two) decide the rest in the
// database, across pools too.

/** The partial unique indexes of migration 20261201210000_unit_selection. */
const LIVE_UNIT_INDEX = "Offer_liveUnit_key";
const LIVE_APPLICATION_INDEX = "Offer_liveApplication_key";

const HOUR_MS = 3_600_000;

// When a selection opens, hundreds may pick at once and queue on the pool's lock: each waits its
// turn for a connection rather than failing after Prisma's default 2 s.
const SELECTION_TX = { maxWait: 20_000, timeout: 20_000 } as const;


type Tx = Prisma.TransactionClient;

interface LockedDraw {
  id: string;
  planId: string;
  unitType: UnitType;
  status: string;
  selectionOpenedAt: Date | null;
  selectionWindowHours: number | null;
  selectionParallel: number | null;
  offerAcceptDays: number | null;
}

/** The draw's row, locked until the transaction ends: a pool's turns move one change at a time. */
async function lockDraw(tx: Tx, drawId: string): Promise<LockedDraw> {
  const rows = await tx.$queryRaw<LockedDraw[]>`
    SELECT "id", "planId", "unitType"::text AS "unitType", "status"::text AS "status", "selectionOpenedAt", "selectionWindowHours", "selectionParallel", "offerAcceptDays"
      FROM "LotteryDraw" WHERE "id" = ${drawId} FOR UPDATE`;
  const draw = rows[0];
  if (!draw) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.drawNotFound" });
  return draw;
}

const planOfDraw = { select: { id: true, title: true, districtCode: true, status: true, estate: { select: { name: true } } } } as const;

/** The pool's units still to choose from: the plan's units of the pool's type, reserved. */
function reservedUnitsWhere(draw: { planId: string; unitType: UnitType }): Prisma.UnitWhereInput {
  return { status: "RESERVED", unitType: draw.unitType, planUnits: { some: { planId: draw.planId } } };
}

/**
 * Ends what is due in one locked pool: open turns whose window has closed become MISSED, and
 * pending offers past their deadline (CST) EXPIRED, their units reserved for the pool again.
 */
async function sweepPool(tx: Tx, draw: LockedDraw, at: Date): Promise<{ missed: number; expired: number }> {
  const missed = await tx.lotteryEntrant.updateMany({
    where: { drawId: draw.id, turnStatus: "OPEN", turnClosesAt: { lte: at } },
    data: { turnStatus: "MISSED", turnEndedAt: at },
  });
  const due = await tx.offer.findMany({
    where: { status: "PENDING", lotteryEntrant: { drawId: draw.id }, responseDueDate: { lt: dateColumn(todayCST(at)) } },
    select: { id: true, unitId: true },
  });
  if (due.length > 0) {
    const expired = await tx.offer.updateMany({ where: { id: { in: due.map((o) => o.id) }, status: "PENDING" }, data: { status: "EXPIRED", respondedAt: at } });
    if (expired.count !== due.length) throw new AppError("CONFLICT");
    await moveUnitsStatus(tx, { unitIds: due.map((o) => o.unitId), from: "OFFERED", to: "RESERVED", reason: "选房确认期限已过，房源退回本次配租", actor: null, at });
  }
  return { missed: missed.count, expired: due.length };
}

/**
 * Opens the next turns in rank order while the pool has more reserved units than open turns and
 * fewer open turns than it runs at once. Entrants whose household is no longer qualified (housed
 * from another pool, cancelled) are passed over. Each new turn is notified in the portal and by SMS.
 */
async function openTurns(tx: Tx, draw: LockedDraw, at: Date): Promise<number> {
  if (!draw.selectionOpenedAt || !draw.selectionWindowHours || !draw.selectionParallel) return 0;
  const [reserved, open] = await Promise.all([
    tx.unit.count({ where: reservedUnitsWhere(draw) }),
    tx.lotteryEntrant.count({ where: { drawId: draw.id, turnStatus: "OPEN" } }),
  ]);
  const wanted = Math.min(draw.selectionParallel - open, reserved - open);
  if (wanted <= 0) return 0;
  const next = await tx.lotteryEntrant.findMany({
    where: { drawId: draw.id, turnStatus: null, rank: { not: null }, application: { status: "QUALIFIED" } },
    orderBy: { rank: "asc" },
    take: wanted,
    select: { id: true, application: { select: { id: true, ...contactSelect } } },
  });
  if (next.length === 0) return 0;
  const closesAt = new Date(at.getTime() + draw.selectionWindowHours * HOUR_MS);
  const opened = await tx.lotteryEntrant.updateMany({
    where: { id: { in: next.map((e) => e.id) }, turnStatus: null },
    data: { turnStatus: "OPEN", turnOpensAt: at, turnClosesAt: closesAt },
  });
  if (opened.count !== next.length) throw new AppError("CONFLICT");
  const plan = await tx.allocationPlan.findUniqueOrThrow({ where: { id: draw.planId }, select: { estate: { select: { name: true } } } });
  for (const e of next) {
    await notifyApplicant(tx, {
      applicationId: e.application.id,
      ...applicantContact(e.application),
      templateKey: "selection.turnOpened",
      params: { estate: plan.estate.name, closesAt: cstMinute(closesAt) },
      dedupeKey: `lottery-entrant:${e.id}:turn-opened`,
      at,
    });
  }
  return next.length;
}

// ───────────── officers ─────────────

/** The draw and its plan, once the actor is known to manage the plan's district. */
async function drawForOfficer(actor: Actor, drawId: string) {
  const draw = await prisma.lotteryDraw.findUnique({ where: { id: drawId }, select: { id: true, status: true, unitType: true, plan: planOfDraw } });
  if (!draw) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.drawNotFound" });
  assertCan(actor, "allocation:manage", { districtCode: draw.plan.districtCode });
  return draw;
}

/** Opens a drawn pool's unit selection (once): the first turns open at once, in rank order. */
export async function openSelection(actor: Actor, input: OpenSelectionInput, options: { now?: Date } = {}): Promise<{ drawId: string; opened: number }> {
  const { drawId, windowHours, parallel, acceptDays } = parseInput(openSelectionSchema, input);
  const at = options.now ?? clockNow();
  const draw = await drawForOfficer(actor, drawId);
  if (draw.status !== "DRAWN") throw new AppError("CONFLICT", { messageKey: "allocation.errors.selectionNeedsDraw" });
  if (draw.plan.status !== "PUBLISHED") throw new AppError("CONFLICT", { messageKey: "allocation.errors.planNotPublished" });
  return prisma.$transaction(async (tx) => {
    await lockDraw(tx, drawId);
    const started = await tx.lotteryDraw.updateMany({
      where: { id: drawId, status: "DRAWN", selectionOpenedAt: null },
      data: { selectionOpenedAt: at, selectionOpenedById: actor.id, selectionWindowHours: windowHours, selectionParallel: parallel, offerAcceptDays: acceptDays },
    });
    if (started.count !== 1) throw new AppError("CONFLICT", { messageKey: "allocation.errors.selectionAlreadyOpen" });
    const locked = await lockDraw(tx, drawId);
    const opened = await openTurns(tx, locked, at);
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "selection.open",
        entityType: "LotteryDraw",
        entityId: drawId,
        districtCode: draw.plan.districtCode,
        data: { windowHours, parallel, acceptDays, opened },
      },
      tx,
    );
    return { drawId, opened };
  }, SELECTION_TX);
}

/**
 * The scheduled sweep: in every pool whose selection is open, ends windows that have closed and
 * offers past their deadline, and opens the next turns. Idempotent.
 */
export async function sweepSelections(now: Date = clockNow()): Promise<{ pools: number; missed: number; expired: number; opened: number }> {
  const today = dateColumn(todayCST(now));
  const due = await prisma.lotteryDraw.findMany({
    where: {
      status: "DRAWN",
      selectionOpenedAt: { not: null },
      OR: [
        { entrants: { some: { turnStatus: "OPEN", turnClosesAt: { lte: now } } } },
        { entrants: { some: { offers: { some: { status: "PENDING", responseDueDate: { lt: today } } } } } },
      ],
    },
    select: { id: true },
  });
  const total = { pools: due.length, missed: 0, expired: 0, opened: 0 };
  for (const { id } of due) {
    await prisma.$transaction(async (tx) => {
      const draw = await lockDraw(tx, id);
      const swept = await sweepPool(tx, draw, now);
      total.missed += swept.missed;
      total.expired += swept.expired;
      total.opened += await openTurns(tx, draw, now);
    }, SELECTION_TX);
  }
  return total;
}

// ───────────── taking a turn: the household's pick, or an officer's assignment ─────────────

interface Taker {
  entrantId: string;
  applicationId: string;
  /** Null when the household picks; the officer who assigns otherwise. */
  officer: Actor | null;
  assignReason: string | null;
}

export interface OfferMade {
  offerId: string;
  unitId: string;
  responseDueDate: string;
}

/** Why a turn could not be taken now, from its status after the claim matched nothing. */
function turnProblem(status: SelectionTurnStatus | null, closesAt: Date | null, at: Date): AppError {
  if (status === "OPEN" && closesAt && closesAt <= at) return new AppError("CONFLICT", { messageKey: "allocation.errors.turnClosed" });
  if (status === "MISSED") return new AppError("CONFLICT", { messageKey: "allocation.errors.turnClosed" });
  if (status === "PICKED") return new AppError("CONFLICT", { messageKey: "allocation.errors.alreadyPicked" });
  if (status === "DECLINED") return new AppError("CONFLICT", { messageKey: "allocation.errors.turnDeclined" });
  return new AppError("CONFLICT", { messageKey: "allocation.errors.notYourTurn" });
}

async function takeTurn(actor: Actor, drawId: string, unitId: string, taker: Taker, at: Date, districtCode: string): Promise<OfferMade> {
  try {
    return await prisma.$transaction(async (tx) => {
      const draw = await lockDraw(tx, drawId);
      if (!draw.selectionOpenedAt || !draw.offerAcceptDays) throw new AppError("CONFLICT", { messageKey: "allocation.errors.selectionNotOpen" });
      await sweepPool(tx, draw, at);
      const claimed = await tx.lotteryEntrant.updateMany({
        where: { id: taker.entrantId, drawId, turnStatus: "OPEN", turnClosesAt: { gt: at }, application: { status: "QUALIFIED" } },
        data: { turnStatus: "PICKED", turnEndedAt: at },
      });
      if (claimed.count !== 1) {
        const turn = await tx.lotteryEntrant.findUniqueOrThrow({ where: { id: taker.entrantId }, select: { turnStatus: true, turnClosesAt: true } });
        throw turnProblem(turn.turnStatus, turn.turnClosesAt, at);
      }
      const unit = await tx.unit.findFirst({
        where: { id: unitId, unitType: draw.unitType, planUnits: { some: { planId: draw.planId } } },
        select: { id: true, unitNo: true, status: true, building: { select: { name: true } } },
      });
      if (!unit) throw new AppError("VALIDATION", { fieldErrors: { unitId: ["allocation.validation.unitNotInPool"] } });
      await moveUnitsStatus(tx, { unitIds: [unitId], from: "RESERVED", to: "OFFERED", reason: taker.officer ? "配租直接分配" : "选房选定", actor, at, conflictKey: "allocation.errors.unitTaken" });
      const due = addWorkingDays(todayCST(at), draw.offerAcceptDays);
      const offer = await tx.offer.create({
        data: {
          applicationId: taker.applicationId,
          unitId,
          planId: draw.planId,
          lotteryEntrantId: taker.entrantId,
          offeredAt: at,
          offeredById: taker.officer?.id ?? null,
          assignReason: taker.assignReason,
          responseDueDate: dateColumn(due),
        },
        select: { id: true },
      });
      await openTurns(tx, draw, at);
      const app = await tx.application.findUniqueOrThrow({ where: { id: taker.applicationId }, select: { id: true, applicationNo: true, ...contactSelect } });
      const plan = await tx.allocationPlan.findUniqueOrThrow({ where: { id: draw.planId }, select: { estate: { select: { name: true } } } });
      await notifyApplicant(tx, {
        applicationId: app.id,
        ...applicantContact(app),
        templateKey: "selection.offerMade",
        params: { estate: plan.estate.name, unit: `${unit.building.name}${unit.unitNo}`, dueDate: due },
        dedupeKey: `offer:${offer.id}:made`,
        at,
      });
      await writeAudit(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: taker.officer ? "selection.assign" : "selection.pick",
          entityType: "Offer",
          entityId: offer.id,
          districtCode,
          reason: taker.assignReason,
          data: { drawId, applicationNo: app.applicationNo, unitId, unitNo: unit.unitNo, building: unit.building.name, responseDueDate: due },
        },
        tx,
      );
      return { offerId: offer.id, unitId, responseDueDate: due };
    }, SELECTION_TX);
  } catch (error) {
    if (isUniqueViolation(error, LIVE_UNIT_INDEX)) throw new AppError("CONFLICT", { messageKey: "allocation.errors.unitTaken", cause: error });
    if (isUniqueViolation(error, LIVE_APPLICATION_INDEX)) throw new AppError("CONFLICT", { messageKey: "allocation.errors.householdHasOffer", cause: error });
    throw error;
  }
}

/** The actor's own entrant row in a draw (their qualified household's), or NOT_FOUND. */
async function myEntrant(actor: Actor, drawId: string) {
  assertCan(actor, "selection:take", { ownerId: actor.id });
  const entrant = await prisma.lotteryEntrant.findFirst({
    where: { drawId, application: { applicantUserId: actor.id } },
    select: { id: true, applicationId: true, draw: { select: { plan: { select: { districtCode: true } } } } },
  });
  if (!entrant) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.notInPool" });
  return entrant;
}

/** A household chooses one of its pool's reserved units during its open window: the unit is offered to it. */
export async function pickUnit(actor: Actor, input: PickUnitInput, options: { now?: Date } = {}): Promise<OfferMade> {
  const { drawId, unitId } = parseInput(pickUnitSchema, input);
  const at = options.now ?? clockNow();
  const entrant = await myEntrant(actor, drawId);
  return takeTurn(actor, drawId, unitId, { entrantId: entrant.id, applicationId: entrant.applicationId, officer: null, assignReason: null }, at, entrant.draw.plan.districtCode);
}

/** An officer assigns a unit of the pool to a household whose turn is open, recording why (staff only). */
export async function assignUnit(actor: Actor, input: AssignUnitInput, options: { now?: Date } = {}): Promise<OfferMade> {
  const { drawId, entrantId, unitId, reason } = parseInput(assignUnitSchema, input);
  const at = options.now ?? clockNow();
  const draw = await drawForOfficer(actor, drawId);
  const entrant = await prisma.lotteryEntrant.findFirst({ where: { id: entrantId, drawId }, select: { id: true, applicationId: true } });
  if (!entrant) throw new AppError("VALIDATION", { fieldErrors: { entrantId: ["allocation.validation.entrantRequired"] } });
  return takeTurn(actor, drawId, unitId, { entrantId, applicationId: entrant.applicationId, officer: actor, assignReason: reason }, at, draw.plan.districtCode);
}

/** A household gives up its turn: the next in rank gets one. */
export async function declineTurn(actor: Actor, input: DeclineTurnInput, options: { now?: Date } = {}): Promise<{ drawId: string }> {
  const { drawId } = parseInput(declineTurnSchema, input);
  const at = options.now ?? clockNow();
  const entrant = await myEntrant(actor, drawId);
  await prisma.$transaction(async (tx) => {
    const draw = await lockDraw(tx, drawId);
    await sweepPool(tx, draw, at);
    const declined = await tx.lotteryEntrant.updateMany({
      where: { id: entrant.id, turnStatus: "OPEN", turnClosesAt: { gt: at } },
      data: { turnStatus: "DECLINED", turnEndedAt: at },
    });
    if (declined.count !== 1) {
      const turn = await tx.lotteryEntrant.findUniqueOrThrow({ where: { id: entrant.id }, select: { turnStatus: true, turnClosesAt: true } });
      throw turnProblem(turn.turnStatus, turn.turnClosesAt, at);
    }
    await openTurns(tx, draw, at);
    await writeAudit(
      { actorId: actor.id, actorRole: actor.role, action: "selection.decline-turn", entityType: "LotteryEntrant", entityId: entrant.id, districtCode: entrant.draw.plan.districtCode, data: { drawId } },
      tx,
    );
  }, SELECTION_TX);
  return { drawId };
}

// ───────────── the household's answer to an offer ─────────────

async function myOffer(actor: Actor, offerId: string) {
  assertCan(actor, "selection:take", { ownerId: actor.id });
  const offer = await prisma.offer.findFirst({
    where: { id: offerId, application: { applicantUserId: actor.id } },
    select: {
      id: true,
      status: true,
      unitId: true,
      applicationId: true,
      responseDueDate: true,
      waitingListEntryId: true,
      waitingListEntry: { select: { purpose: true } },
      lotteryEntrant: { select: { id: true, drawId: true } },
      application: { select: { districtCode: true } },
    },
  });
  if (!offer) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.offerNotFound" });
  return offer;
}

function offerProblem(status: string): AppError {
  if (status === "EXPIRED") return new AppError("CONFLICT", { messageKey: "allocation.errors.offerExpired" });
  return new AppError("CONFLICT", { messageKey: "allocation.errors.offerAnswered" });
}

/** The household accepts its offer by the deadline: the application is allocated (配租), and the lease follows. */
export async function acceptOffer(actor: Actor, input: OfferStepInput, options: { now?: Date } = {}): Promise<{ offerId: string }> {
  const { offerId } = parseInput(offerStepSchema, input);
  const at = options.now ?? clockNow();
  const offer = await myOffer(actor, offerId);
  if (offer.status !== "PENDING") throw offerProblem(offer.status);
  if (fromDateColumn(offer.responseDueDate) < todayCST(at)) throw offerProblem("EXPIRED");
  await prisma.$transaction(async (tx) => {
    const accepted = await tx.offer.updateMany({
      where: { id: offerId, status: "PENDING", responseDueDate: { gte: dateColumn(todayCST(at)) } },
      data: { status: "ACCEPTED", respondedAt: at },
    });
    if (accepted.count !== 1) throw offerProblem((await tx.offer.findUniqueOrThrow({ where: { id: offerId }, select: { status: true } })).status);
    // An exchange (Art. 33) houses a household already housed: its application stays HOUSED, and the
    // new lease replaces the old one (lib/tenancy/exchanges.ts).
    const exchange = offer.waitingListEntry?.purpose === "EXCHANGE";
    if (exchange) {
      await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "offer.accept", entityType: "Offer", entityId: offerId, districtCode: offer.application.districtCode, data: { unitId: offer.unitId, exchange: true } }, tx);
    } else {
      await transitionApplication(tx, { applicationId: offer.applicationId, to: "ALLOCATED", actor, at, action: "offer.accept", auditData: { offerId, unitId: offer.unitId } });
    }
    // From the waiting list: the household's place there ends, housed (Art. 23).
    if (offer.waitingListEntryId) {
      await tx.waitingListEntry.updateMany({ where: { id: offer.waitingListEntryId, status: "OFFERED" }, data: { status: "HOUSED", removedAt: at, removedReason: exchange ? "已接受换租房源" : "已接受配租房源" } });
    }
  }, SELECTION_TX);
  return { offerId };
}

/** The household declines its offer: the unit goes back to the pool and the next in rank gets a turn. */
export async function declineOffer(actor: Actor, input: DeclineOfferInput, options: { now?: Date } = {}): Promise<{ offerId: string }> {
  const { offerId, reason } = parseInput(declineOfferSchema, input);
  const at = options.now ?? clockNow();
  const offer = await myOffer(actor, offerId);
  if (offer.status !== "PENDING") throw offerProblem(offer.status);
  const entrant = offer.lotteryEntrant;
  const fromList = offer.waitingListEntryId;
  if (!entrant && fromList) {
    // From the waiting list: the household waits again in its place; the unit goes to the next head.
    await prisma.$transaction(async (tx) => {
      const declined = await tx.offer.updateMany({ where: { id: offerId, status: "PENDING" }, data: { status: "DECLINED", respondedAt: at, declineReason: reason } });
      if (declined.count !== 1) throw offerProblem((await tx.offer.findUniqueOrThrow({ where: { id: offerId }, select: { status: true } })).status);
      await passWaitingListOffer(tx, { id: offerId, unitId: offer.unitId, waitingListEntryId: fromList }, actor, at);
      await writeAudit(
        { actorId: actor.id, actorRole: actor.role, action: "offer.decline", entityType: "Offer", entityId: offerId, districtCode: offer.application.districtCode, reason, data: { unitId: offer.unitId } },
        tx,
      );
    }, SELECTION_TX);
    return { offerId };
  }
  if (!entrant) throw new AppError("CONFLICT", { messageKey: "allocation.errors.offerAnswered" });
  await prisma.$transaction(async (tx) => {
    const draw = await lockDraw(tx, entrant.drawId);
    const declined = await tx.offer.updateMany({ where: { id: offerId, status: "PENDING" }, data: { status: "DECLINED", respondedAt: at, declineReason: reason } });
    if (declined.count !== 1) throw offerProblem((await tx.offer.findUniqueOrThrow({ where: { id: offerId }, select: { status: true } })).status);
    await moveUnitStatus(tx, { unitId: offer.unitId, from: "OFFERED", to: "RESERVED", reason: "选房家庭放弃，房源退回本次配租", actor, at });
    await tx.lotteryEntrant.updateMany({ where: { id: entrant.id, turnStatus: "PICKED" }, data: { turnStatus: "DECLINED" } });
    await sweepPool(tx, draw, at);
    await openTurns(tx, draw, at);
    await writeAudit(
      { actorId: actor.id, actorRole: actor.role, action: "offer.decline", entityType: "Offer", entityId: offerId, districtCode: offer.application.districtCode, reason, data: { unitId: offer.unitId } },
      tx,
    );
  }, SELECTION_TX);
  return { offerId };
}

/**
 * A unit the household accepted from a lottery pool but never signed for (Art. 25): it goes back to
 * the pool as if declined, and the next in rank gets a turn. Inside the caller's transaction.
 */
export async function returnUnsignedLotteryUnit(tx: Tx, input: { unitId: string; entrantId: string; at: Date; reason: string }): Promise<void> {
  const entrant = await tx.lotteryEntrant.findUniqueOrThrow({ where: { id: input.entrantId }, select: { drawId: true } });
  const draw = await lockDraw(tx, entrant.drawId);
  await moveUnitStatus(tx, { unitId: input.unitId, from: "OFFERED", to: "RESERVED", reason: input.reason, actor: null, at: input.at });
  await tx.lotteryEntrant.updateMany({ where: { id: input.entrantId, turnStatus: "PICKED" }, data: { turnStatus: "DECLINED" } });
  await sweepPool(tx, draw, input.at);
  await openTurns(tx, draw, input.at);
}
