import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { can, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, now as clockNow } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AllocationMethod, AllocationPlanStatus, Prisma, UnitStatus, UnitType } from "@/lib/generated/prisma/client";
import { districtNames } from "@/lib/reference/districts";
import { canManageEstate, moveUnitsStatus } from "@/lib/stock/stock-service";
import { announcedDates, announcedSelect, type AnnouncedDates, pageOfPlans, type PlanListItem } from "./plan-fields";
import type { CreatePlanInput, PlanFilter, PlanStepInput, WithdrawPlanInput } from "./plan-schemas";

// Allocation plans (配租方案, Art. 23): an officer who manages an estate drafts a plan of its
// vacant units, the method (public lottery or ordered waiting list), the application period that
// forms the pools, the priority share (Art. 22), the beacon's source and the dates; they submit
// it, a second officer approves it, and publishing reserves its units (all or none, decided by
// the database: a unit in another published plan is not vacant) and makes it public. A
// published plan is withdrawn only with a reason, which stays public.

export const PLAN_PAGE_SIZE = 20;

type Tx = Prisma.TransactionClient;

/** The estate a plan is for, checked: in the actor's reach and managed by them (the level's managers). */
async function managedEstate(actor: Actor, estateId: string) {
  const estate = await prisma.estate.findUnique({ where: { id: estateId }, select: { id: true, code: true, name: true, level: true, districtCode: true } });
  if (!estate || !can(actor, "estate:read", { districtCode: estate.districtCode })) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.planNotFound" });
  if (!canManageEstate(actor, estate) || !can(actor, "allocation:manage", { districtCode: estate.districtCode })) {
    throw new AppError("FORBIDDEN", { messageKey: "allocation.errors.notPlanManager" });
  }
  return estate;
}

/** Drafts a plan of vacant units of an estate the actor manages. */
export async function createPlan(actor: Actor, input: CreatePlanInput, options: { now?: Date } = {}): Promise<{ planId: string }> {
  const estate = await managedEstate(actor, input.estateId);
  const at = options.now ?? clockNow();
  const unitIds = [...new Set(input.unitIds)];
  const units = await prisma.unit.findMany({ where: { id: { in: unitIds }, estateId: estate.id }, select: { id: true, status: true } });
  if (units.length !== unitIds.length || units.some((u) => u.status !== "VACANT")) {
    throw new AppError("VALIDATION", { fieldErrors: { unitIds: ["allocation.validation.unitsNotVacant"] } });
  }
  const dates = {
    applicationPeriodStart: input.applicationPeriodStart ? dateColumn(input.applicationPeriodStart) : null,
    applicationPeriodEnd: input.applicationPeriodEnd ? dateColumn(input.applicationPeriodEnd) : null,
    freezeDate: input.freezeDate ? dateColumn(input.freezeDate) : null,
    drawDate: input.drawDate ? dateColumn(input.drawDate) : null,
    selectionStartDate: dateColumn(input.selectionStartDate),
    selectionEndDate: dateColumn(input.selectionEndDate),
  };
  // A waiting-list plan has no pools, no draw and no beacon.
  const lottery = input.method === "LOTTERY";
  return prisma.$transaction(async (tx) => {
    const plan = await tx.allocationPlan.create({
      data: {
        districtCode: estate.districtCode,
        estateId: estate.id,
        title: input.title,
        method: input.method,
        description: input.description,
        createdById: actor.id,
        createdAt: at,
        priorityShareBp: lottery ? input.priorityShareBp : 0,
        beaconSource: lottery ? input.beaconSource : null,
        ...dates,
        ...(lottery ? {} : { freezeDate: null, drawDate: null }),
      },
      select: { id: true },
    });
    await tx.allocationPlanUnit.createMany({ data: unitIds.map((unitId) => ({ planId: plan.id, unitId })) });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "allocation.plan.create",
        entityType: "AllocationPlan",
        entityId: plan.id,
        districtCode: estate.districtCode,
        data: { estateCode: estate.code, title: input.title, method: input.method, units: unitIds.length },
      },
      tx,
    );
    return { planId: plan.id };
  });
}

/** The plan and its estate, checked: in reach, and managed by the actor. */
async function managedPlan(actor: Actor, planId: string) {
  const plan = await prisma.allocationPlan.findUnique({ where: { id: planId }, select: { id: true, title: true, status: true, createdById: true, estateId: true } });
  if (!plan) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.planNotFound" });
  const estate = await managedEstate(actor, plan.estateId);
  return { plan, estate };
}

/** Moves a plan from `from` to `to` if it still has `from` (and `extra` holds); CONFLICT otherwise. */
async function stepPlan(tx: Tx, planId: string, from: AllocationPlanStatus, data: Prisma.AllocationPlanUncheckedUpdateManyInput, extra: Prisma.AllocationPlanWhereInput = {}): Promise<void> {
  const moved = await tx.allocationPlan.updateMany({ where: { id: planId, status: from, ...extra }, data });
  if (moved.count !== 1) throw new AppError("CONFLICT", { messageKey: "allocation.errors.planChanged" });
}

async function audit(tx: Tx, actor: Actor, action: string, plan: { id: string }, districtCode: string, data: Prisma.InputJsonObject = {}, reason?: string) {
  await writeAudit({ actorId: actor.id, actorRole: actor.role, action, entityType: "AllocationPlan", entityId: plan.id, districtCode, data, reason }, tx);
}

/** The drafter (or another of the estate's managers) submits a draft for approval. */
export async function submitPlan(actor: Actor, input: PlanStepInput, options: { now?: Date } = {}): Promise<{ planId: string }> {
  const { plan, estate } = await managedPlan(actor, input.planId);
  await prisma.$transaction(async (tx) => {
    await stepPlan(tx, plan.id, "DRAFT", { status: "SUBMITTED", submittedAt: options.now ?? clockNow() });
    await audit(tx, actor, "allocation.plan.submit", plan, estate.districtCode);
  });
  return { planId: plan.id };
}

/** A second officer, not the drafter, approves a submitted plan. */
export async function approvePlan(actor: Actor, input: PlanStepInput, options: { now?: Date } = {}): Promise<{ planId: string }> {
  const { plan, estate } = await managedPlan(actor, input.planId);
  if (plan.createdById === actor.id) throw new AppError("CONFLICT", { messageKey: "allocation.errors.secondOfficer" });
  await prisma.$transaction(async (tx) => {
    // The drafter is checked again in the update itself, with the status.
    await stepPlan(tx, plan.id, "SUBMITTED", { status: "APPROVED", approvedById: actor.id, approvedAt: options.now ?? clockNow() }, { createdById: { not: actor.id } });
    await audit(tx, actor, "allocation.plan.approve", plan, estate.districtCode);
  });
  return { planId: plan.id };
}

/** Publishes an approved plan: its units are reserved for it, all or none, and it becomes public. */
export async function publishPlan(actor: Actor, input: PlanStepInput, options: { now?: Date } = {}): Promise<{ planId: string }> {
  const { plan, estate } = await managedPlan(actor, input.planId);
  const at = options.now ?? clockNow();
  const units = await prisma.allocationPlanUnit.findMany({ where: { planId: plan.id }, select: { unitId: true } });
  await prisma.$transaction(async (tx) => {
    await stepPlan(tx, plan.id, "APPROVED", { status: "PUBLISHED", publishedAt: at, publishedById: actor.id });
    // A unit reserved by another plan, let or under repair since the draft is not vacant: nothing is published.
    await moveUnitsStatus(tx, { unitIds: units.map((u) => u.unitId), from: "VACANT", to: "RESERVED", reason: `配租方案：${plan.title}`, actor, at, conflictKey: "allocation.errors.unitsNotVacant" });
    await audit(tx, actor, "allocation.plan.publish", plan, estate.districtCode, { units: units.length });
  });
  return { planId: plan.id };
}

/** Withdraws a published plan with a reason (public): its reserved units are vacant again. */
export async function withdrawPlan(actor: Actor, input: WithdrawPlanInput, options: { now?: Date } = {}): Promise<{ planId: string }> {
  const { plan, estate } = await managedPlan(actor, input.planId);
  const at = options.now ?? clockNow();
  // A plan whose pools are frozen or drawn, or whose units are offered, is past withdrawing.
  const [draws, offers] = await Promise.all([
    prisma.lotteryDraw.count({ where: { planId: plan.id, status: { not: "CANCELLED" } } }),
    prisma.offer.count({ where: { planId: plan.id, status: { in: ["PENDING", "ACCEPTED"] } } }),
  ]);
  if (draws > 0 || offers > 0) throw new AppError("CONFLICT", { messageKey: "allocation.errors.planInUse" });
  const units = await prisma.allocationPlanUnit.findMany({ where: { planId: plan.id, unit: { status: "RESERVED" } }, select: { unitId: true } });
  await prisma.$transaction(async (tx) => {
    await stepPlan(tx, plan.id, "PUBLISHED", { status: "WITHDRAWN", withdrawnAt: at, withdrawnById: actor.id, withdrawReason: input.reason });
    if (units.length > 0) {
      await moveUnitsStatus(tx, { unitIds: units.map((u) => u.unitId), from: "RESERVED", to: "VACANT", reason: `配租方案撤回：${input.reason}`, actor, at });
    }
    await audit(tx, actor, "allocation.plan.withdraw", plan, estate.districtCode, { units: units.length }, input.reason);
  });
  return { planId: plan.id };
}

// ───────────── reading ─────────────


export type { PlanListItem };

/** The plans in the actor's reach, newest first, with their unit counts (for the page's plans only). */
export async function listPlans(actor: Actor, filter: PlanFilter): Promise<{ items: PlanListItem[]; total: number; page: number; pageCount: number }> {
  const scope = scopeWhere(actor, "allocation:manage", "AllocationPlan");
  if (scope === NOTHING) throw new AppError("FORBIDDEN");
  const where: Prisma.AllocationPlanWhereInput = { AND: [scope, filter.status ? { status: filter.status } : {}] };
  return pageOfPlans(where, [{ createdAt: "desc" }, { id: "asc" }], filter.page, PLAN_PAGE_SIZE);
}

export interface PoolDraw {
  id: string;
  status: "COMMITTED" | "DRAWN" | "CANCELLED";
  entrantCount: number;
  priorityEntrantCount: number;
  seedCommitment: string;
  committedAt: Date;
  drawnAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

export interface PlanPool {
  unitType: UnitType;
  units: number;
  /** The pool's draw that is not cancelled, if frozen. */
  live: PoolDraw | null;
  cancelled: PoolDraw[];
  can: { freeze: boolean; draw: boolean; cancel: boolean };
}

const UNIT_TYPE_ORDER: readonly UnitType[] = ["STUDIO", "ONE_BEDROOM", "TWO_BEDROOM", "THREE_BEDROOM"];

/** A lottery plan's pools, one per unit type among its units, each with its draws (newest first). */
function poolsOf(units: ReadonlyArray<{ unitType: UnitType }>, draws: ReadonlyArray<PoolDraw & { unitType: UnitType }>, actsOnPools: boolean): PlanPool[] {
  const counts = new Map<UnitType, number>();
  for (const u of units) counts.set(u.unitType, (counts.get(u.unitType) ?? 0) + 1);
  return UNIT_TYPE_ORDER.filter((type) => counts.has(type)).map((unitType) => {
    const ofType = draws.filter((d) => d.unitType === unitType).map(({ unitType: _t, ...d }) => d);
    const live = ofType.find((d) => d.status !== "CANCELLED") ?? null;
    return {
      unitType,
      units: counts.get(unitType)!,
      live,
      cancelled: ofType.filter((d) => d.status === "CANCELLED"),
      can: { freeze: actsOnPools && !live, draw: actsOnPools && live?.status === "COMMITTED", cancel: actsOnPools && live?.status === "COMMITTED" },
    };
  });
}

export interface PlanDetail extends AnnouncedDates {
  id: string;
  title: string;
  method: AllocationMethod;
  status: AllocationPlanStatus;
  description: string | null;
  estate: { id: string; code: string; name: string; districtName: string };
  priorityShareBp: number;
  beaconSource: string | null;
  createdByName: string;
  createdAt: Date;
  submittedAt: Date | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  publishedByName: string | null;
  publishedAt: Date | null;
  withdrawnByName: string | null;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  units: Array<{ id: string; building: string; unitNo: string; floor: number; unitType: UnitType; floorAreaDm2: number; status: UnitStatus }>;
  /** A lottery plan's pools, one per unit type it offers (Art. 23), with their draws; [] for other plans. */
  pools: PlanPool[];
  /** What the actor may do now. */
  can: { submit: boolean; approve: boolean; publish: boolean; withdraw: boolean };
}

/** One plan with its units and who did what; NOT_FOUND outside the actor's reach. */
export async function getPlan(actor: Actor, planId: string): Promise<PlanDetail> {
  const plan = await prisma.allocationPlan.findUnique({
    where: { id: planId },
    select: {
      ...announcedSelect,
      createdById: true,
      createdAt: true,
      submittedAt: true,
      approvedAt: true,
      createdBy: { select: { name: true } },
      approvedBy: { select: { name: true } },
      publishedBy: { select: { name: true } },
      withdrawnBy: { select: { name: true } },
      estate: { select: { id: true, code: true, name: true, level: true, districtCode: true } },
      units: {
        select: { unit: { select: { id: true, unitNo: true, floor: true, unitType: true, floorAreaDm2: true, status: true, building: { select: { name: true } } } } },
      },
      lotteryDraws: {
        select: { id: true, unitType: true, status: true, entrantCount: true, priorityEntrantCount: true, seedCommitment: true, committedAt: true, drawnAt: true, cancelledAt: true, cancelReason: true },
        orderBy: { committedAt: "desc" },
      },
    },
  });
  if (!plan || !can(actor, "allocation:manage", { districtCode: plan.districtCode })) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.planNotFound" });
  const manages = canManageEstate(actor, plan.estate);
  const units = plan.units
    .map(({ unit }) => ({ id: unit.id, building: unit.building.name, unitNo: unit.unitNo, floor: unit.floor, unitType: unit.unitType, floorAreaDm2: unit.floorAreaDm2, status: unit.status }))
    .sort((a, b) => a.building.localeCompare(b.building, "zh-CN", { numeric: true }) || a.unitNo.localeCompare(b.unitNo, "en", { numeric: true }));
  return {
    id: plan.id,
    title: plan.title,
    method: plan.method,
    status: plan.status,
    description: plan.description,
    estate: { id: plan.estate.id, code: plan.estate.code, name: plan.estate.name, districtName: districtNames(plan.estate.districtCode).districtName },
    ...announcedDates(plan),
    priorityShareBp: plan.priorityShareBp,
    beaconSource: plan.beaconSource,
    createdByName: plan.createdBy.name,
    createdAt: plan.createdAt,
    submittedAt: plan.submittedAt,
    approvedByName: plan.approvedBy?.name ?? null,
    approvedAt: plan.approvedAt,
    publishedByName: plan.publishedBy?.name ?? null,
    publishedAt: plan.publishedAt,
    withdrawnByName: plan.withdrawnBy?.name ?? null,
    withdrawnAt: plan.withdrawnAt,
    withdrawReason: plan.withdrawReason,
    units,
    // Freezing, drawing and cancelling are for the estate's managers while the plan is published.
    pools: plan.method === "LOTTERY" ? poolsOf(units, plan.lotteryDraws, manages && plan.status === "PUBLISHED") : [],
    can: {
      submit: manages && plan.status === "DRAFT",
      approve: manages && plan.status === "SUBMITTED" && plan.createdById !== actor.id,
      publish: manages && plan.status === "APPROVED",
      withdraw: manages && plan.status === "PUBLISHED",
    },
  };
}

export interface PlanFormData {
  estate: { id: string; code: string; name: string };
  /** The estate's vacant units by building and type, in number order. */
  groups: Array<{ building: string; unitType: UnitType; units: Array<{ id: string; unitNo: string; floorAreaDm2: number }> }>;
}

/** What the form of a new plan offers: the estate's vacant units; only for its managers. */
export async function planFormOf(actor: Actor, estateCode: string): Promise<PlanFormData> {
  const found = await prisma.estate.findUnique({ where: { code: estateCode }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.planNotFound" });
  const estate = await managedEstate(actor, found.id);
  const units = await prisma.unit.findMany({
    where: { estateId: estate.id, status: "VACANT" },
    select: { id: true, unitNo: true, unitType: true, floorAreaDm2: true, building: { select: { name: true } } },
  });
  const groups = new Map<string, PlanFormData["groups"][number]>();
  for (const u of units) {
    const key = `${u.building.name}\u0000${u.unitType}`;
    const group = groups.get(key) ?? { building: u.building.name, unitType: u.unitType, units: [] };
    group.units.push({ id: u.id, unitNo: u.unitNo, floorAreaDm2: u.floorAreaDm2 });
    groups.set(key, group);
  }
  const order = ["STUDIO", "ONE_BEDROOM", "TWO_BEDROOM", "THREE_BEDROOM"];
  return {
    estate: { id: estate.id, code: estate.code, name: estate.name },
    groups: [...groups.values()]
      .map((g) => ({ ...g, units: g.units.sort((a, b) => a.unitNo.localeCompare(b.unitNo, "en", { numeric: true })) }))
      .sort((a, b) => a.building.localeCompare(b.building, "zh-CN", { numeric: true }) || order.indexOf(a.unitType) - order.indexOf(b.unitType)),
  };
}

/** A plan's pools (getPlan's), for those who read the plan; NOT_FOUND outside the actor's reach. */
export async function planPools(actor: Actor, planId: string): Promise<PlanPool[]> {
  return (await getPlan(actor, planId)).pools;
}
