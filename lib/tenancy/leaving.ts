import "server-only";
import { WAITING_LIST_ACCEPT_DAYS, offerToHead } from "@/lib/allocation/waiting-list";
import { parseInput } from "@/lib/allocation/inputs";
import { writeAudit } from "@/lib/audit-log/write-audit";
import type { Actor } from "@/lib/auth/permissions";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { LIVING_LEASE_STATUSES, OPEN_VACATE_ORDER_STATUSES } from "@/lib/db/application-status";
import { prisma } from "@/lib/db/client";
import { nextSequenceValue } from "@/lib/db/sequence";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { Prisma, VacateGround, VacateOrderStatus, ViolationKind, ViolationStatus } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { applicantContact, contactSelect } from "@/lib/review/common";
import { articleLabel } from "@/lib/rules/articles";
import { addDays } from "@/lib/rules/dates";
import { maskResidentId } from "@/lib/rules/identity";
import {
  arrearsObligeVacating,
  banUntilDate,
  bannedMembers,
  termHasEnded,
  transitionAllowed,
  VACATE_GROUND_ARTICLE,
  vacateObligationDate,
} from "@/lib/rules/leaving";
import { vacatingTransitionEnds } from "@/lib/rules/rent";
import type { ISODate } from "@/lib/rules/types";
import { moveUnitStatus } from "@/lib/stock/stock-service";
import { overdueBillWhere } from "./arrears";
import { issueTransitionBills } from "./billing";
import { assertManagesTenancyIn } from "./reach";
import {
  confirmViolationSchema,
  dismissViolationSchema,
  issueVacateOrderSchema,
  recordMoveOutSchema,
  recordViolationSchema,
  referToCourtSchema,
  liftBansSchema,
  type ConfirmViolationInput,
  type LiftBansInput,
  type DismissViolationInput,
  type IssueVacateOrderInput,
  type RecordMoveOutInput,
  type RecordViolationInput,
  type ReferToCourtInput,
} from "./leaving-schemas";

// Leaving public rental housing (Art. 31, 38-41).
//
// A violation of Art. 31 is recorded with its evidence and decided once (a conditional update): when
// confirmed, the tenancy ends (the lease is terminated and held over until the unit is returned), a
// vacate order with a deadline follows (Art. 41), and every adult of the household is banned from
// applying for five years from the return of the unit (Art. 40). Other grounds (Art. 38, 39, 42)
// come as vacate orders, with the 3-month transition at 1.5 x where Art. 38 allows it and 2 x after
// it (the bills say so). Past the deadline the referral to the court is recorded (Art. 41). The
// move-out check closes it all: the lease ends, the bans run from the day the unit came back, and
// the unit returns to stock, where the head of the waiting list is offered it (Art. 23).
// "One open order per lease" is the partial unique index VacateOrder_open_key.

type Tx = Prisma.TransactionClient;
const OPEN_ORDER_INDEX = "VacateOrder_open_key";
const TX = { maxWait: 20_000, timeout: 20_000 } as const;

function problem(key: string, status: "CONFLICT" | "VALIDATION" = "CONFLICT", field?: string): AppError {
  if (status === "VALIDATION" && field) return new AppError("VALIDATION", { fieldErrors: { [field]: [`leaving.validation.${key}`] } });
  return new AppError(status, { messageKey: `leaving.errors.${key}` });
}

const leaseForLeavingSelect = {
  id: true,
  leaseNo: true,
  status: true,
  startDate: true,
  termMonths: true,
  endDate: true,
  monthlyRentFen: true,
  unitId: true,
  applicationId: true,
  terminatedAt: true,
  unit: { select: { id: true, estateId: true, estate: { select: { districtCode: true, name: true } } } },
  application: { select: contactSelect },
} satisfies Prisma.LeaseSelect;
export type LeaseForLeaving = Prisma.LeaseGetPayload<{ select: typeof leaseForLeavingSelect }>;

/** The lease, if the officer may manage it; anything else is "not found" or forbidden. */
async function managedLease(db: Tx | typeof prisma, actor: Actor, leaseId: string): Promise<LeaseForLeaving> {
  const lease = await db.lease.findUnique({ where: { id: leaseId }, select: leaseForLeavingSelect });
  assertManagesTenancyIn(actor, lease?.unit.estate.districtCode);
  return lease!;
}

function recordNo(prefix: string, districtCode: string, year: string, sequence: number): string {
  return `${prefix}-${districtCode}-${year}-${String(sequence).padStart(6, "0")}`;
}

async function audit(tx: Tx, actor: Actor, action: string, entityType: string, entityId: string, districtCode: string, data: Record<string, unknown>, reason?: string | null) {
  await writeAudit({ actorId: actor.id, actorRole: actor.role, action, entityType, entityId, districtCode, reason: reason ?? null, data: data as Prisma.InputJsonValue }, tx);
}

async function notifyHousehold(tx: Tx, lease: LeaseForLeaving, templateKey: string, params: Record<string, string | number>, dedupeKey: string, at: Date) {
  await notifyApplicant(tx, { applicationId: lease.applicationId, ...applicantContact(lease.application), templateKey, params, dedupeKey, at });
}

// ───────────── violations (Art. 31, 40) ─────────────

/** An officer records a suspected breach of Art. 31 with its evidence; nothing changes for the household until it is decided. */
export async function recordViolation(actor: Actor, input: RecordViolationInput, options: { now?: Date } = {}): Promise<{ violationId: string; violationNo: string }> {
  const data = parseInput(recordViolationSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  if (data.detectedOn > today) throw problem("detectedOnFuture", "VALIDATION", "detectedOn");
  return prisma.$transaction(async (tx) => {
    const lease = await managedLease(tx, actor, data.leaseId);
    if (!LIVING_LEASE_STATUSES.includes(lease.status)) throw problem("leaseNotLiving");
    const districtCode = lease.unit.estate.districtCode;
    const violationNo = recordNo("WG", districtCode, today.slice(0, 4), await nextSequenceValue(tx, `violation:${districtCode}:${today.slice(0, 4)}`));
    const violation = await tx.violation.create({
      data: {
        violationNo,
        applicationId: lease.applicationId,
        leaseId: lease.id,
        kind: data.kind,
        description: data.description,
        evidence: data.evidence,
        internalNote: data.internalNote,
        detectedOn: dateColumn(data.detectedOn),
        reportedById: actor.id,
      },
      select: { id: true },
    });
    await audit(tx, actor, "violation.record", "Violation", violation.id, districtCode, { violationNo, leaseNo: lease.leaseNo, kind: data.kind, detectedOn: data.detectedOn });
    return { violationId: violation.id, violationNo };
  }, TX);
}

async function decidableViolation(tx: Tx, actor: Actor, violationId: string) {
  const violation = await tx.violation.findUnique({ where: { id: violationId }, select: { id: true, violationNo: true, status: true, kind: true, leaseId: true } });
  if (!violation?.leaseId) throw new AppError("NOT_FOUND");
  const lease = await managedLease(tx, actor, violation.leaseId);
  return { violation, lease };
}

/**
 * Art. 40: the breach is confirmed. In one transaction, decided once: the lease is terminated and
 * held over until the unit is returned, a vacate order with the deadline follows (no transition:
 * Art. 38's is for its own grounds), every adult of the household is banned, and the household is
 * told with the article. The bans run five years from the day the unit is returned (re-dated then).
 */
export async function confirmViolation(actor: Actor, input: ConfirmViolationInput, options: { now?: Date } = {}): Promise<{ orderNo: string; banned: number }> {
  const data = parseInput(confirmViolationSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  if (data.deadline < today) throw problem("deadlinePast", "VALIDATION", "deadline");
  try {
    return await prisma.$transaction(async (tx) => {
      const { violation, lease } = await decidableViolation(tx, actor, data.violationId);
      const decided = await tx.violation.updateMany({
        where: { id: violation.id, status: "REPORTED" },
        data: { status: "CONFIRMED", confirmedById: actor.id, confirmedAt: at, decidedAt: at, decisionReason: data.decisionReason },
      });
      if (decided.count !== 1) throw problem("violationDecided");
      if (!LIVING_LEASE_STATUSES.includes(lease.status)) throw problem("leaseNotLiving");
      const districtCode = lease.unit.estate.districtCode;
      await tx.lease.updateMany({
        where: { id: lease.id, status: { in: [...LIVING_LEASE_STATUSES] } },
        data: { status: "HOLDING_OVER", terminatedAt: lease.terminatedAt ?? at, terminationReason: `违反第三十一条（${violation.violationNo ?? ""}）` },
      });
      // An order already open on another ground gives way to this one (the household must return the unit under Art. 40).
      await tx.vacateOrder.updateMany({
        where: { leaseId: lease.id, status: "ISSUED" },
        data: { status: "WITHDRAWN", withdrawnAt: at, withdrawnReason: `由违规退回通知替代（${violation.violationNo ?? ""}）` },
      });
      const order = await openOrder(tx, actor, lease, {
        ground: "VIOLATION",
        obligationDate: today,
        deadline: data.deadline,
        transitionGranted: false,
        reason: data.decisionReason,
        violationId: violation.id,
        at,
      });
      const members = await tx.householdMember.findMany({ where: { applicationId: lease.applicationId }, select: { name: true, residentId: true, birthDate: true } });
      const adults = bannedMembers(members.map((m) => ({ ...m, birthDate: fromDateColumn(m.birthDate) })), today);
      const until = banUntilDate(today);
      const bans = await tx.ban.createMany({
        data: adults.map((m) => ({
          residentId: m.residentId,
          memberName: m.name,
          violationId: violation.id,
          bannedFrom: dateColumn(today),
          bannedUntil: dateColumn(until),
          reason: `违反第三十一条，${articleLabel("40")}`,
          createdById: actor.id,
        })),
        skipDuplicates: true,
      });
      await notifyHousehold(tx, lease, "leaving.violationConfirmed", { leaseNo: lease.leaseNo, deadline: data.deadline }, `violation:${violation.id}:confirmed`, at);
      await audit(tx, actor, "violation.confirm", "Violation", violation.id, districtCode, { violationNo: violation.violationNo, leaseNo: lease.leaseNo, orderNo: order.orderNo, banned: bans.count, deadline: data.deadline }, data.decisionReason);
      return { orderNo: order.orderNo, banned: bans.count };
    }, TX);
  } catch (error) {
    if (isUniqueViolation(error, OPEN_ORDER_INDEX)) throw problem("orderOpen");
    throw error;
  }
}

/** The breach is not made out: the record stays, dismissed with the reason; the tenancy goes on. */
export async function dismissViolation(actor: Actor, input: DismissViolationInput, options: { now?: Date } = {}): Promise<{ violationId: string }> {
  const data = parseInput(dismissViolationSchema, input);
  const at = options.now ?? clockNow();
  return prisma.$transaction(async (tx) => {
    const { violation, lease } = await decidableViolation(tx, actor, data.violationId);
    const decided = await tx.violation.updateMany({
      where: { id: violation.id, status: "REPORTED" },
      data: { status: "DISMISSED", confirmedById: actor.id, decidedAt: at, decisionReason: data.decisionReason },
    });
    if (decided.count !== 1) throw problem("violationDecided");
    await audit(tx, actor, "violation.dismiss", "Violation", violation.id, lease.unit.estate.districtCode, { violationNo: violation.violationNo, leaseNo: lease.leaseNo }, data.decisionReason);
    return { violationId: violation.id };
  }, TX);
}

/**
 * The violation's decision was overturned (administrative reconsideration or a court): every ban
 * it brought is lifted at once, with the document and the reason, once (a conditional update on the
 * bans still in force). From then the household may apply again; the lease's end stands.
 */
export async function liftBans(actor: Actor, input: LiftBansInput, options: { now?: Date } = {}): Promise<{ lifted: number }> {
  const data = parseInput(liftBansSchema, input);
  const at = options.now ?? clockNow();
  return prisma.$transaction(async (tx) => {
    const { violation, lease } = await decidableViolation(tx, actor, data.violationId);
    if (violation.status !== "CONFIRMED") throw problem("violationNotConfirmed");
    const reason = `${data.documentNo}：${data.reason}`;
    const lifted = await tx.ban.updateMany({ where: { violationId: violation.id, liftedAt: null }, data: { liftedAt: at, liftedById: actor.id, liftReason: reason } });
    if (lifted.count === 0) throw problem("bansLifted");
    await audit(tx, actor, "ban.lift", "Violation", violation.id, lease.unit.estate.districtCode, { violationNo: violation.violationNo, leaseNo: lease.leaseNo, lifted: lifted.count, documentNo: data.documentNo }, data.reason);
    await notifyHousehold(tx, lease, "leaving.bansLifted", { leaseNo: lease.leaseNo }, `violation:${violation.id}:bans-lifted`, at);
    return { lifted: lifted.count };
  }, TX);
}

// ───────────── vacate orders (Art. 38, 39, 41, 42) ─────────────

async function openOrder(
  tx: Tx,
  actor: Actor,
  lease: LeaseForLeaving,
  o: { ground: VacateGround; obligationDate: ISODate; deadline: ISODate; transitionGranted: boolean; reason: string; violationId?: string; at: Date },
): Promise<{ orderId: string; orderNo: string }> {
  const districtCode = lease.unit.estate.districtCode;
  const year = todayCST(o.at).slice(0, 4);
  const orderNo = recordNo("TT", districtCode, year, await nextSequenceValue(tx, `vacate:${districtCode}:${year}`));
  const order = await tx.vacateOrder.create({
    data: {
      orderNo,
      leaseId: lease.id,
      violationId: o.violationId ?? null,
      ground: o.ground,
      obligationDate: dateColumn(o.obligationDate),
      deadline: dateColumn(o.deadline),
      transitionGranted: o.transitionGranted,
      transitionEndDate: o.transitionGranted ? dateColumn(addDays(vacatingTransitionEnds(o.obligationDate), -1)) : null,
      transitionRentMultiplierPercent: o.transitionGranted ? 150 : null,
      issuedAt: o.at,
      issuedById: actor.id,
      reason: o.reason,
    },
    select: { id: true },
  });
  await issueTransitionBills(tx, lease.id, todayCST(o.at), o.at);
  await audit(tx, actor, "vacate.issue", "VacateOrder", order.id, districtCode, { orderNo, leaseNo: lease.leaseNo, ground: o.ground, obligationDate: o.obligationDate, deadline: o.deadline, transitionGranted: o.transitionGranted }, o.reason);
  return { orderId: order.id, orderNo };
}

/** Overdue rent (rent and transition rent past its due date, unpaid) of a lease on `today`, as the arrears list counts it. */
async function overdueRentFen(db: Tx | typeof prisma, leaseId: string, today: ISODate): Promise<number> {
  const sum = await db.bill.aggregate({
    where: { AND: [{ leaseId }, overdueBillWhere(today)] },
    _sum: { amountFen: true, paidFen: true },
  });
  return (sum._sum.amountFen ?? 0) - (sum._sum.paidFen ?? 0);
}

/**
 * An officer orders the household to leave on a ground of Art. 38, 39 or 42, with the deadline of
 * Art. 41 and, where Art. 38 allows it, the 3-month transition at 1.5 x. The ground is checked: the
 * term must have ended for TERM_ENDED_NO_RENEWAL, the arrears must reach six months (Art. 39).
 */
export async function issueVacateOrder(actor: Actor, input: IssueVacateOrderInput, options: { now?: Date } = {}): Promise<{ orderId: string; orderNo: string }> {
  const data = parseInput(issueVacateOrderSchema, input);
  const at = options.now ?? clockNow();
  try {
    return await prisma.$transaction((tx) => orderVacating(tx, actor, { ...data, at }), TX);
  } catch (error) {
    if (isUniqueViolation(error, OPEN_ORDER_INDEX)) throw problem("orderOpen");
    throw error;
  }
}

/**
 * The order of `issueVacateOrder` inside the caller's transaction, for a ground it has checked or
 * decided (the annual check of Art. 42 comes here once an officer confirms it failed). The lease is
 * held over (terminated when its term has not ended), the order opened, the household told: by
 * `notice` when given (with the lease number added to its params), else by the order's own notice. A second open order is the unique violation
 * of VacateOrder_open_key, which the caller maps (`isOpenOrderConflict`).
 */
export async function orderVacating(
  tx: Tx,
  actor: Actor,
  data: { leaseId: string; ground: VacateGround; deadline: ISODate; transitionGranted: boolean; reason: string; at: Date },
  notice?: { templateKey: string; params: Record<string, string | number>; dedupeKey: string },
): Promise<{ orderId: string; orderNo: string; leaseNo: string; districtCode: string }> {
  const { at } = data;
  const today = todayCST(at);
  if (data.deadline < today) throw problem("deadlinePast", "VALIDATION", "deadline");
  if (data.transitionGranted && !transitionAllowed(data.ground)) throw problem("noTransition", "VALIDATION", "transitionGranted");
  const lease = await managedLease(tx, actor, data.leaseId);
  if (!LIVING_LEASE_STATUSES.includes(lease.status)) throw problem("leaseNotLiving");
  const start = fromDateColumn(lease.startDate);
  if (data.ground === "TERM_ENDED_NO_RENEWAL" && !termHasEnded(start, lease.termMonths, today)) throw problem("termNotEnded", "VALIDATION", "ground");
  if (data.ground === "RENT_ARREARS" && !arrearsObligeVacating(await overdueRentFen(tx, lease.id, today), lease.monthlyRentFen)) {
    throw problem("arrearsBelowSixMonths", "VALIDATION", "ground");
  }
  const obligationDate = vacateObligationDate(data.ground, { leaseStart: start, termMonths: lease.termMonths, decisionDate: today });
  const endsEarly = !termHasEnded(start, lease.termMonths, today);
  await tx.lease.updateMany({
    where: { id: lease.id, status: { in: [...LIVING_LEASE_STATUSES] } },
    data: { status: "HOLDING_OVER", ...(endsEarly && !lease.terminatedAt ? { terminatedAt: at, terminationReason: data.reason } : {}) },
  });
  const order = await openOrder(tx, actor, lease, { ground: data.ground, obligationDate, deadline: data.deadline, transitionGranted: data.transitionGranted, reason: data.reason, at });
  if (notice) await notifyHousehold(tx, lease, notice.templateKey, { ...notice.params, leaseNo: lease.leaseNo }, notice.dedupeKey, at);
  else await notifyHousehold(tx, lease, "leaving.orderIssued", { leaseNo: lease.leaseNo, deadline: data.deadline }, `vacate:${order.orderId}:issued`, at);
  return { ...order, leaseNo: lease.leaseNo, districtCode: lease.unit.estate.districtCode };
}

/** Whether `error` is the second open order of a lease (VacateOrder_open_key). */
export function isOpenOrderConflict(error: unknown): boolean {
  return isUniqueViolation(error, OPEN_ORDER_INDEX);
}

/** Art. 41: past the deadline, the district's application to the court for enforcement is recorded. */
export async function referToCourt(actor: Actor, input: ReferToCourtInput, options: { now?: Date } = {}): Promise<{ orderId: string }> {
  const data = parseInput(referToCourtSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  return prisma.$transaction(async (tx) => {
    const order = await tx.vacateOrder.findUnique({ where: { id: data.orderId }, select: { id: true, orderNo: true, leaseId: true, deadline: true } });
    if (!order) throw new AppError("NOT_FOUND");
    const lease = await managedLease(tx, actor, order.leaseId);
    if (fromDateColumn(order.deadline) >= today) throw problem("deadlineNotPassed");
    const moved = await tx.vacateOrder.updateMany({
      where: { id: order.id, status: "ISSUED" },
      data: { status: "REFERRED_TO_COURT", courtReferredAt: at, courtCaseNo: data.courtCaseNo, courtNote: data.courtNote },
    });
    if (moved.count !== 1) throw problem("orderNotOpen");
    await audit(tx, actor, "vacate.court", "VacateOrder", order.id, lease.unit.estate.districtCode, { orderNo: order.orderNo, leaseNo: lease.leaseNo, courtCaseNo: data.courtCaseNo }, data.courtNote);
    return { orderId: order.id };
  }, TX);
}

// ───────────── moving out ─────────────

export interface MoveOutResult {
  inspectionId: string;
  unitStatus: "VACANT" | "MAINTENANCE";
  /** The household of the waiting list offered the unit, if any (Art. 23). */
  offeredTo: string | null;
}

/**
 * The household hands the unit back: the move-out check is recorded, the lease ends (terminated
 * when it was ended early), an open order is closed (enforced if it was before the court), the bans
 * of Art. 40 run five years from this day, and the unit returns to stock: to the head of its
 * waiting list when it is fit to let, to maintenance when the check found damage. Once only: the
 * lease moves out of the statuses a household lives under by a conditional update.
 */
export async function recordMoveOut(actor: Actor, input: RecordMoveOutInput, options: { now?: Date } = {}): Promise<MoveOutResult> {
  const data = parseInput(recordMoveOutSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  if (data.vacatedOn > today) throw problem("vacatedOnFuture", "VALIDATION", "vacatedOn");
  const lease = await managedLease(prisma, actor, data.leaseId);
  const result = await prisma.$transaction((tx) => moveOutInTx(tx, actor, lease, { vacatedOn: data.vacatedOn, findings: data.findings, hasIssues: data.hasIssues }, at), TX);
  return { ...result, offeredTo: await offerReturnedUnit(actor, lease, result.unitStatus, at) };
}

/** What the move-out check of a lease needs (managedLease's lease, or an exchange's old lease). */
export async function leaseForMoveOut(db: Tx | typeof prisma, leaseId: string): Promise<LeaseForLeaving> {
  return db.lease.findUniqueOrThrow({ where: { id: leaseId }, select: leaseForLeavingSelect });
}

/**
 * The move-out check inside the caller's transaction (recordMoveOut, and the hand-back of an
 * exchange, Art. 33): the lease ended once by a conditional update, the check recorded, an open
 * order closed, the bans re-dated, the unit back in stock (or to maintenance).
 */
export async function moveOutInTx(tx: Tx, actor: Actor, lease: LeaseForLeaving, data: { vacatedOn: ISODate; findings: string; hasIssues: boolean }, at: Date): Promise<Omit<MoveOutResult, "offeredTo">> {
  {
    if (data.vacatedOn < fromDateColumn(lease.startDate)) throw problem("vacatedOnBeforeStart", "VALIDATION", "vacatedOn");
    const ended = await tx.lease.updateMany({
      where: { id: lease.id, status: { in: [...LIVING_LEASE_STATUSES] } },
      data: { status: lease.terminatedAt ? "TERMINATED" : "ENDED" },
    });
    if (ended.count !== 1) throw problem("leaseNotLiving");
    const districtCode = lease.unit.estate.districtCode;
    const inspection = await tx.inspection.create({
      data: {
        estateId: lease.unit.estateId,
        unitId: lease.unitId,
        kind: "MOVE_OUT",
        method: "HOME_VISIT",
        inspectorId: actor.id,
        inspectedOn: dateColumn(data.vacatedOn),
        findings: data.findings,
        hasIssues: data.hasIssues,
        status: "DONE",
        scheduledOn: dateColumn(data.vacatedOn),
        recordedAt: at,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    const open = await tx.vacateOrder.findFirst({ where: { leaseId: lease.id, status: { in: [...OPEN_VACATE_ORDER_STATUSES] } }, select: { id: true, status: true } });
    if (open) {
      await tx.vacateOrder.update({
        where: { id: open.id },
        data: { status: open.status === "REFERRED_TO_COURT" ? "ENFORCED" : "VACATED", vacatedOn: dateColumn(data.vacatedOn), moveOutInspectionId: inspection.id },
      });
    }
    // Art. 40: five years from the day the unit was returned.
    const rebanned = await tx.ban.updateMany({
      where: { violation: { leaseId: lease.id, status: "CONFIRMED" }, liftedAt: null },
      data: { bannedFrom: dateColumn(data.vacatedOn), bannedUntil: dateColumn(banUntilDate(data.vacatedOn)) },
    });
    const unitStatus: MoveOutResult["unitStatus"] = data.hasIssues ? "MAINTENANCE" : "VACANT";
    await moveUnitStatus(tx, { unitId: lease.unitId, from: "LEASED", to: unitStatus, reason: `退租验收 ${lease.leaseNo}`, actor, at });
    await notifyHousehold(tx, lease, "leaving.movedOut", { leaseNo: lease.leaseNo, date: data.vacatedOn }, `lease:${lease.id}:moved-out`, at);
    await audit(tx, actor, "lease.move-out", "Lease", lease.id, districtCode, {
      leaseNo: lease.leaseNo,
      vacatedOn: data.vacatedOn,
      hasIssues: data.hasIssues,
      unitStatus,
      bansRedated: rebanned.count,
      orderId: open?.id ?? null,
    });
    return { inspectionId: inspection.id, unitStatus };
  }
}

/**
 * The unit back in stock goes to the head of its waiting list (Art. 23), in a transaction of its
 * own: if nobody can be offered it now, the move-out stands and officers offer it from the list.
 */
export async function offerReturnedUnit(actor: Actor, lease: { unitId: string; leaseNo: string }, unitStatus: MoveOutResult["unitStatus"], at: Date): Promise<string | null> {
  let offeredTo: string | null = null;
  if (unitStatus === "VACANT") {
    try {
      const offer = await prisma.$transaction((tx) => offerToHead(tx, { unitId: lease.unitId, acceptDays: WAITING_LIST_ACCEPT_DAYS, actor, at, reason: `退租房源 ${lease.leaseNo}` }), TX);
      offeredTo = offer?.applicationNo ?? null;
    } catch (error) {
      if (!(error instanceof AppError) && !isUniqueViolation(error, "Offer_liveUnit_key") && !isUniqueViolation(error, "Offer_liveApplication_key")) throw error;
    }
  }
  return offeredTo;
}

// ───────────── reading ─────────────

export interface VacateOrderView {
  id: string;
  orderNo: string;
  ground: VacateGround;
  article: string;
  status: VacateOrderStatus;
  obligationDate: ISODate;
  deadline: ISODate;
  transitionGranted: boolean;
  transitionEndDate: ISODate | null;
  reason: string | null;
  issuedAt: Date;
  courtReferredAt: Date | null;
  courtCaseNo: string | null;
  vacatedOn: ISODate | null;
  /** Past its deadline and still open: the court referral may be recorded (Art. 41). */
  overdue: boolean;
}

export interface ViolationView {
  id: string;
  violationNo: string;
  kind: ViolationKind;
  status: ViolationStatus;
  detectedOn: ISODate;
  description: string;
  evidence: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
}

export interface LeavingView {
  orders: VacateOrderView[];
  openOrder: VacateOrderView | null;
  violations: ViolationView[];
}

export interface StaffLeavingView extends LeavingView {
  /** Officers only: internal notes per violation id. */
  internalNotes: Record<string, string>;
  /** Officers only: the evidence files per violation id. */
  evidenceFiles: Record<string, { id: string; fileName: string; sizeBytes: number }[]>;
  bans: { id: string; violationId: string | null; memberName: string | null; residentIdMasked: string; bannedFrom: ISODate; bannedUntil: ISODate; lifted: boolean; liftReason: string | null }[];
  overdueRentFen: number;
  arrearsObligeVacating: boolean;
  termEnded: boolean;
}

async function leavingRows(leaseId: string) {
  return Promise.all([
    prisma.vacateOrder.findMany({
      where: { leaseId },
      select: {
        id: true, orderNo: true, ground: true, status: true, obligationDate: true, deadline: true, transitionGranted: true, transitionEndDate: true,
        reason: true, issuedAt: true, courtReferredAt: true, courtCaseNo: true, vacatedOn: true,
      },
      orderBy: { issuedAt: "desc" },
    }),
    prisma.violation.findMany({
      where: { leaseId },
      select: { id: true, violationNo: true, kind: true, status: true, detectedOn: true, description: true, evidence: true, decisionReason: true, decidedAt: true, internalNote: true },
      orderBy: { detectedOn: "desc" },
    }),
  ]);
}

function orderView(o: Awaited<ReturnType<typeof leavingRows>>[0][number], today: ISODate): VacateOrderView {
  const deadline = fromDateColumn(o.deadline);
  return {
    id: o.id,
    orderNo: o.orderNo ?? o.id,
    ground: o.ground,
    article: VACATE_GROUND_ARTICLE[o.ground],
    status: o.status,
    obligationDate: fromDateColumn(o.obligationDate),
    deadline,
    transitionGranted: o.transitionGranted,
    transitionEndDate: o.transitionEndDate ? fromDateColumn(o.transitionEndDate) : null,
    reason: o.reason,
    issuedAt: o.issuedAt,
    courtReferredAt: o.courtReferredAt,
    courtCaseNo: o.courtCaseNo,
    vacatedOn: o.vacatedOn ? fromDateColumn(o.vacatedOn) : null,
    overdue: o.status === "ISSUED" && deadline < today,
  };
}

/**
 * What the household sees of leaving on its own lease: the orders and the decided violations with
 * the reasons it was told. Officers' internal notes and undecided reports are not in it.
 */
export async function tenantLeaving(leaseId: string, options: { now?: Date } = {}): Promise<LeavingView> {
  const today = todayCST(options.now ?? clockNow());
  const [orders, violations] = await leavingRows(leaseId);
  const views = orders.map((o) => orderView(o, today));
  return {
    orders: views,
    openOrder: views.find((o) => OPEN_VACATE_ORDER_STATUSES.includes(o.status)) ?? null,
    violations: violations
      .filter((v) => v.status === "CONFIRMED")
      .map((v) => ({ id: v.id, violationNo: v.violationNo ?? v.id, kind: v.kind, status: v.status, detectedOn: fromDateColumn(v.detectedOn), description: v.description, evidence: null, decisionReason: v.decisionReason, decidedAt: v.decidedAt })),
  };
}

/** The officers' view of leaving on one lease (the caller has checked the lease is in reach). */
export async function staffLeaving(lease: { id: string; startDate: ISODate; termMonths: number; monthlyRentFen: number }, options: { now?: Date } = {}): Promise<StaffLeavingView> {
  const today = todayCST(options.now ?? clockNow());
  const [[orders, violations], bans, overdue, files] = await Promise.all([
    leavingRows(lease.id),
    prisma.ban.findMany({
      where: { violation: { leaseId: lease.id } },
      select: { id: true, memberName: true, residentId: true, bannedFrom: true, bannedUntil: true, liftedAt: true, liftReason: true, violationId: true },
      orderBy: { createdAt: "asc" },
    }),
    overdueRentFen(prisma, lease.id, today),
    prisma.document.findMany({
      where: { kind: "VIOLATION_EVIDENCE", violation: { leaseId: lease.id } },
      select: { id: true, fileName: true, sizeBytes: true, violationId: true },
      orderBy: { uploadedAt: "asc" },
    }),
  ]);
  const views = orders.map((o) => orderView(o, today));
  const evidenceFiles: StaffLeavingView["evidenceFiles"] = {};
  for (const f of files) (evidenceFiles[f.violationId!] ??= []).push({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes });
  return {
    evidenceFiles,
    orders: views,
    openOrder: views.find((o) => OPEN_VACATE_ORDER_STATUSES.includes(o.status)) ?? null,
    violations: violations.map((v) => ({
      id: v.id, violationNo: v.violationNo ?? v.id, kind: v.kind, status: v.status, detectedOn: fromDateColumn(v.detectedOn),
      description: v.description, evidence: v.evidence, decisionReason: v.decisionReason, decidedAt: v.decidedAt,
    })),
    internalNotes: Object.fromEntries(violations.filter((v) => v.internalNote).map((v) => [v.id, v.internalNote!])),
    bans: bans.map((b) => ({
      id: b.id, violationId: b.violationId, memberName: b.memberName, residentIdMasked: maskResidentId(b.residentId), bannedFrom: fromDateColumn(b.bannedFrom), bannedUntil: fromDateColumn(b.bannedUntil), lifted: b.liftedAt !== null, liftReason: b.liftReason,
    })),
    overdueRentFen: overdue,
    arrearsObligeVacating: arrearsObligeVacating(Math.max(0, overdue), lease.monthlyRentFen),
    termEnded: termHasEnded(lease.startDate, lease.termMonths, today),
  };
}
