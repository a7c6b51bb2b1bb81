import "server-only";
import { residentIdIndexOf } from "@/lib/db/resident-id-fields";
import { findClaimedResidentIds, latestBanUntil } from "@/lib/applications/household-claims";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { can, districtOfReach, isCityWide, type Actor } from "@/lib/auth/permissions";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { DirectedKind, DirectedStatus, LeaseStatus, NomineeStatus, Prisma, UnitStatus, UnitType } from "@/lib/generated/prisma/client";
import { maskName, maskResidentId } from "@/lib/rules/identity";
import { canManageEstate, moveUnitsStatus } from "@/lib/stock/stock-service";
import { nomineeProblems, type NomineeProblem } from "./directed-rules";
import {
  addNomineeSchema,
  assignNomineeSchema,
  closeDirectedSchema,
  createDirectedSchema,
  type AddNomineeInput,
  type AssignNomineeInput,
  type CloseDirectedInput,
  type CreateDirectedInput,
} from "./directed-schemas";
import { isRecordId, parseInput } from "./inputs";

// Directed allocation (定向配租, Art. 24): an estate's units reserved for the enterprises of a
// development zone or industrial park (for their staff), or for a body the district government
// names for temporary resettlement. Its officers (those who manage the estate) create it with its
// basis, quota and period; it is public from then on. The enterprise's or body's nominees are
// checked against the allocation's rules (Art. 12, 13, 24, 40: lib/allocation/directed-rules.ts)
// and an eligible nominee is assigned a unit within the period. Every step is audited.
//
// Decided by the database: the quota is the units reserved (VACANT → RESERVED, all or none); an
// assignment moves the unit RESERVED → OFFERED (conditional) and two partial unique indexes keep a
// unit to one assigned nominee and a person to one directed unit, across allocations.

const ASSIGNED_UNIT_INDEX = "DirectedNominee_assignedUnit_key";
const ASSIGNED_PERSON_INDEX = "DirectedNominee_assignedPerson_key";
const NOMINEE_KEY = "DirectedNominee_allocationId_residentIdIndex_key";
export const DIRECTED_PAGE_SIZE = 20;

function assertManages(actor: Actor, estate: { level: "MUNICIPAL" | "DISTRICT"; districtCode: string } | null): asserts estate {
  if (!estate || !can(actor, "estate:read", { districtCode: estate.districtCode })) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.directedNotFound" });
  if (!can(actor, "allocation:manage", { districtCode: estate.districtCode }) || !canManageEstate(actor, estate)) {
    throw new AppError("FORBIDDEN", { messageKey: "allocation.errors.notPlanManager" });
  }
}

/** Creates a directed allocation, reserving `quota` vacant units of the type (lowest floors first), all or none. */
export async function createDirected(actor: Actor, input: CreateDirectedInput, options: { now?: Date } = {}): Promise<{ allocationId: string }> {
  const d = parseInput(createDirectedSchema, input);
  const at = options.now ?? clockNow();
  const estate = await prisma.estate.findUnique({ where: { id: d.estateId }, select: { id: true, code: true, level: true, districtCode: true } });
  assertManages(actor, estate);
  return prisma.$transaction(async (tx) => {
    const units = await tx.unit.findMany({
      where: { estateId: estate.id, unitType: d.unitType, status: "VACANT" },
      select: { id: true },
      orderBy: [{ floor: "asc" }, { unitNo: "asc" }, { id: "asc" }],
      take: d.quota,
    });
    if (units.length < d.quota) throw new AppError("VALIDATION", { fieldErrors: { quota: ["allocation.validation.quotaAboveVacant"] } });
    const allocation = await tx.directedAllocation.create({
      data: {
        districtCode: estate.districtCode,
        estateId: estate.id,
        kind: d.kind,
        recipientName: d.recipientName,
        recipientCreditCode: d.recipientCreditCode,
        basis: d.basis,
        requireNoHome: d.requireNoHome,
        startDate: dateColumn(d.startDate),
        endDate: dateColumn(d.endDate),
        createdById: actor.id,
        createdAt: at,
        units: { create: units.map((u) => ({ unitId: u.id })) },
      },
      select: { id: true },
    });
    // A unit another allocation or plan took since it was read publishes nothing (the count differs).
    await moveUnitsStatus(tx, { unitIds: units.map((u) => u.id), from: "VACANT", to: "RESERVED", reason: `定向配租：${d.recipientName}`, actor, at, conflictKey: "allocation.errors.directedUnitsChanged" });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "directed.create",
        entityType: "DirectedAllocation",
        entityId: allocation.id,
        districtCode: estate.districtCode,
        data: { estateCode: estate.code, kind: d.kind, recipientName: d.recipientName, basis: d.basis, unitType: d.unitType, quota: d.quota, startDate: d.startDate, endDate: d.endDate, requireNoHome: d.requireNoHome },
      },
      tx,
    );
    return { allocationId: allocation.id };
  });
}

async function allocationForOfficer(actor: Actor, allocationId: string) {
  const allocation = isRecordId(allocationId)
    ? await prisma.directedAllocation.findUnique({
        where: { id: allocationId },
        select: { id: true, kind: true, status: true, requireNoHome: true, startDate: true, endDate: true, districtCode: true, estate: { select: { level: true, districtCode: true } } },
      })
    : null;
  assertManages(actor, allocation?.estate ?? null);
  return allocation!;
}

/** The facts the checks need about one person, as of `today`. */
async function factsOf(tx: Prisma.TransactionClient, residentId: string, today: string) {
  const [claimed, assigned, bannedUntil, home] = await Promise.all([
    findClaimedResidentIds(tx, [residentId]),
    tx.directedNominee.count({ where: { residentId, status: "ASSIGNED" } }),
    latestBanUntil(tx, [residentId]),
    tx.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM "SharedDataRecord"
       WHERE "source" = 'REAL_ESTATE' AND "residentIdIndex" = ${residentIdIndexOf(residentId)} AND "errors" IS NULL AND "fields"->>'status' = 'HELD'`,
  ]);
  return { claimed: claimed.size > 0 || assigned > 0, bannedUntil, holdsHome: (home[0]?.n ?? 0) > 0, today };
}

/** Adds a nominee and checks them against the allocation's rules: ELIGIBLE, or INELIGIBLE with the checks failed. */
export async function addNominee(actor: Actor, input: AddNomineeInput, options: { now?: Date } = {}): Promise<{ nomineeId: string; status: NomineeStatus; problems: NomineeProblem[] }> {
  const d = parseInput(addNomineeSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const allocation = await allocationForOfficer(actor, d.allocationId);
  if (allocation.status !== "OPEN") throw new AppError("CONFLICT", { messageKey: "allocation.errors.directedClosed" });
  if (today > fromDateColumn(allocation.endDate)) throw new AppError("CONFLICT", { messageKey: "allocation.errors.directedPeriodOver" });
  try {
    return await prisma.$transaction(async (tx) => {
      const facts = await factsOf(tx, d.residentId, today);
      const problems = nomineeProblems({ ...facts, kind: allocation.kind, requireNoHome: allocation.requireNoHome, employmentConfirmed: d.employmentConfirmed });
      const status: NomineeStatus = problems.length === 0 ? "ELIGIBLE" : "INELIGIBLE";
      const nominee = await tx.directedNominee.create({
        data: {
          allocationId: allocation.id,
          name: d.name,
          residentId: d.residentId,
          residentIdMasked: maskResidentId(d.residentId),
          householdSize: d.householdSize,
          employmentConfirmed: d.employmentConfirmed,
          status,
          problems,
          addedById: actor.id,
          createdAt: at,
        },
        select: { id: true },
      });
      // The audit names the person by the masked number only.
      await writeAudit(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: "directed.nominee.add",
          entityType: "DirectedNominee",
          entityId: nominee.id,
          districtCode: allocation.districtCode,
          data: { allocationId: allocation.id, residentIdMasked: maskResidentId(d.residentId), status, problems },
        },
        tx,
      );
      return { nomineeId: nominee.id, status, problems };
    });
  } catch (error) {
    if (isUniqueViolation(error, NOMINEE_KEY)) throw new AppError("VALIDATION", { fieldErrors: { residentId: ["allocation.validation.nomineeTwice"] }, cause: error });
    throw error;
  }
}

/** Assigns one of the allocation's reserved units to an eligible nominee, within the period. */
export async function assignNominee(actor: Actor, input: AssignNomineeInput, options: { now?: Date } = {}): Promise<{ nomineeId: string; unitId: string }> {
  const d = parseInput(assignNomineeSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const allocation = await allocationForOfficer(actor, d.allocationId);
  if (allocation.status !== "OPEN") throw new AppError("CONFLICT", { messageKey: "allocation.errors.directedClosed" });
  if (today < fromDateColumn(allocation.startDate)) throw new AppError("CONFLICT", { messageKey: "allocation.errors.directedNotStarted" });
  if (today > fromDateColumn(allocation.endDate)) throw new AppError("CONFLICT", { messageKey: "allocation.errors.directedPeriodOver" });
  try {
    return await prisma.$transaction(async (tx) => {
      const nominee = await tx.directedNominee.findFirst({ where: { id: d.nomineeId, allocationId: allocation.id }, select: { id: true, residentId: true, residentIdMasked: true, status: true } });
      if (!nominee) throw new AppError("VALIDATION", { fieldErrors: { nomineeId: ["allocation.validation.nomineeRequired"] } });
      if (nominee.status !== "ELIGIBLE") throw new AppError("CONFLICT", { messageKey: nominee.status === "ASSIGNED" ? "allocation.errors.nomineeAssigned" : "allocation.errors.nomineeIneligible" });
      // Checked again at assignment: a person may have applied or been housed since they were added.
      const facts = await factsOf(tx, nominee.residentId, today);
      const problems = nomineeProblems({ ...facts, kind: allocation.kind, requireNoHome: allocation.requireNoHome, employmentConfirmed: true });
      if (problems.length > 0) throw new AppError("CONFLICT", { messageKey: "allocation.errors.nomineeIneligible" });
      const inAllocation = await tx.directedAllocationUnit.count({ where: { allocationId: allocation.id, unitId: d.unitId } });
      if (inAllocation !== 1) throw new AppError("VALIDATION", { fieldErrors: { unitId: ["allocation.validation.unitNotInAllocation"] } });
      const taken = await tx.directedNominee.updateMany({ where: { id: nominee.id, status: "ELIGIBLE" }, data: { status: "ASSIGNED", unitId: d.unitId, assignedAt: at } });
      if (taken.count !== 1) throw new AppError("CONFLICT", { messageKey: "allocation.errors.nomineeAssigned" });
      await moveUnitsStatus(tx, { unitIds: [d.unitId], from: "RESERVED", to: "OFFERED", reason: "定向配租分配", actor, at, conflictKey: "allocation.errors.unitTaken" });
      await writeAudit(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: "directed.nominee.assign",
          entityType: "DirectedNominee",
          entityId: nominee.id,
          districtCode: allocation.districtCode,
          data: { allocationId: allocation.id, unitId: d.unitId, residentIdMasked: nominee.residentIdMasked },
        },
        tx,
      );
      return { nomineeId: nominee.id, unitId: d.unitId };
    });
  } catch (error) {
    if (isUniqueViolation(error, ASSIGNED_UNIT_INDEX)) throw new AppError("CONFLICT", { messageKey: "allocation.errors.unitTaken", cause: error });
    if (isUniqueViolation(error, ASSIGNED_PERSON_INDEX)) throw new AppError("CONFLICT", { messageKey: "allocation.errors.nomineeAssigned", cause: error });
    throw error;
  }
}

/** Closes an allocation: its units not assigned are vacant again; assigned ones stay with their nominees. */
export async function closeDirected(actor: Actor, input: CloseDirectedInput, options: { now?: Date } = {}): Promise<{ allocationId: string; released: number }> {
  const d = parseInput(closeDirectedSchema, input);
  const at = options.now ?? clockNow();
  const allocation = await allocationForOfficer(actor, d.allocationId);
  return prisma.$transaction(async (tx) => {
    const closed = await tx.directedAllocation.updateMany({ where: { id: allocation.id, status: "OPEN" }, data: { status: "CLOSED", closedAt: at } });
    if (closed.count !== 1) throw new AppError("CONFLICT", { messageKey: "allocation.errors.directedClosed" });
    const free = await tx.unit.findMany({ where: { status: "RESERVED", directedUnits: { some: { allocationId: allocation.id } } }, select: { id: true } });
    if (free.length > 0) await moveUnitsStatus(tx, { unitIds: free.map((u) => u.id), from: "RESERVED", to: "VACANT", reason: "定向配租结束，未分配房源退回", actor, at });
    await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "directed.close", entityType: "DirectedAllocation", entityId: allocation.id, districtCode: allocation.districtCode, data: { released: free.length } }, tx);
    return { allocationId: allocation.id, released: free.length };
  });
}

// ───────────── reading ─────────────

export interface DirectedSummary {
  id: string;
  kind: DirectedKind;
  status: DirectedStatus;
  recipientName: string;
  basis: string;
  estate: { code: string; name: string };
  districtCode: string;
  startDate: string;
  endDate: string;
  quota: number;
  assigned: number;
  createdAt: Date;
}

const summarySelect = {
  id: true,
  kind: true,
  status: true,
  recipientName: true,
  basis: true,
  districtCode: true,
  startDate: true,
  endDate: true,
  createdAt: true,
  estate: { select: { code: true, name: true } },
} satisfies Prisma.DirectedAllocationSelect;

type SummaryRow = Prisma.DirectedAllocationGetPayload<{ select: typeof summarySelect }>;

async function summaries(rows: SummaryRow[]): Promise<DirectedSummary[]> {
  const ids = rows.map((r) => r.id);
  const [quotas, assigned] = await Promise.all([
    prisma.directedAllocationUnit.groupBy({ by: ["allocationId"], where: { allocationId: { in: ids } }, _count: { _all: true } }),
    prisma.directedNominee.groupBy({ by: ["allocationId"], where: { allocationId: { in: ids }, status: "ASSIGNED" }, _count: { _all: true } }),
  ]);
  const q = new Map(quotas.map((x) => [x.allocationId, x._count._all]));
  const a = new Map(assigned.map((x) => [x.allocationId, x._count._all]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    recipientName: r.recipientName,
    basis: r.basis,
    estate: r.estate,
    districtCode: r.districtCode,
    startDate: fromDateColumn(r.startDate),
    endDate: fromDateColumn(r.endDate),
    quota: q.get(r.id) ?? 0,
    assigned: a.get(r.id) ?? 0,
    createdAt: r.createdAt,
  }));
}

/** Directed allocations, newest first, 20 a page: the officer's reach, or (actor null) the public. */
export async function listDirected(actor: Actor | null, pageAsked = 1): Promise<{ items: DirectedSummary[]; page: number; pageCount: number; total: number }> {
  let where: Prisma.DirectedAllocationWhereInput = {};
  if (actor) {
    if (!can(actor, "estate:read")) throw new AppError("FORBIDDEN");
    if (!isCityWide(actor, "estate:read")) where = { districtCode: districtOfReach(actor, "estate:read") ?? "__none__" };
  }
  const total = await prisma.directedAllocation.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / DIRECTED_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(pageAsked) || 1), pageCount);
  const rows = await prisma.directedAllocation.findMany({ where, select: summarySelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * DIRECTED_PAGE_SIZE, take: DIRECTED_PAGE_SIZE });
  return { items: await summaries(rows), page, pageCount, total };
}

export interface DirectedDetail extends DirectedSummary {
  recipientCreditCode: string | null;
  requireNoHome: boolean;
  closedAt: Date | null;
  unitType: UnitType | null;
  units: Array<{ id: string; building: string; unitNo: string; floor: number; unitType: UnitType; floorAreaDm2: number; status: UnitStatus; nomineeId: string | null }>;
  nominees: Array<{ id: string; name: string; residentIdMasked: string; householdSize: number; status: NomineeStatus; problems: NomineeProblem[]; unitId: string | null; assignedAt: Date | null; employmentConfirmed: boolean; lease: { leaseNo: string; status: LeaseStatus } | null }>;
  canManage: boolean;
  /** Whether the actor draws up leases in the estate's district (Art. 25). */
  canLease: boolean;
}

async function detailOf(allocationId: string): Promise<Omit<DirectedDetail, "canManage" | "canLease"> | null> {
  if (!isRecordId(allocationId)) return null;
  const row = await prisma.directedAllocation.findUnique({
    where: { id: allocationId },
    select: {
      ...summarySelect,
      recipientCreditCode: true,
      requireNoHome: true,
      closedAt: true,
      units: { select: { unit: { select: { id: true, unitNo: true, floor: true, unitType: true, floorAreaDm2: true, status: true, building: { select: { name: true } } } } } },
      nominees: {
        select: { id: true, name: true, residentIdMasked: true, householdSize: true, status: true, problems: true, unitId: true, assignedAt: true, employmentConfirmed: true, lease: { select: { leaseNo: true, status: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!row) return null;
  const [summary] = await summaries([row]);
  const holder = new Map(row.nominees.filter((n) => n.status === "ASSIGNED" && n.unitId).map((n) => [n.unitId!, n.id]));
  const units = row.units
    .map(({ unit }) => ({ id: unit.id, building: unit.building.name, unitNo: unit.unitNo, floor: unit.floor, unitType: unit.unitType, floorAreaDm2: unit.floorAreaDm2, status: unit.status, nomineeId: holder.get(unit.id) ?? null }))
    .sort((a, b) => a.building.localeCompare(b.building, "zh-CN", { numeric: true }) || a.unitNo.localeCompare(b.unitNo, "en", { numeric: true }));
  return {
    ...summary!,
    recipientCreditCode: row.recipientCreditCode,
    requireNoHome: row.requireNoHome,
    closedAt: row.closedAt,
    unitType: units[0]?.unitType ?? null,
    units,
    nominees: row.nominees.map((n) => ({ ...n, problems: (Array.isArray(n.problems) ? n.problems : []) as NomineeProblem[] })),
  };
}

/** One allocation for the officers who read its district (NOT_FOUND otherwise). */
export async function getDirected(actor: Actor, allocationId: string): Promise<DirectedDetail> {
  const detail = await detailOf(allocationId);
  if (!detail || !can(actor, "estate:read", { districtCode: detail.districtCode })) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.directedNotFound" });
  const estate = await prisma.estate.findUniqueOrThrow({ where: { code: detail.estate.code }, select: { level: true, districtCode: true } });
  return {
    ...detail,
    canManage: can(actor, "allocation:manage", { districtCode: detail.districtCode }) && canManageEstate(actor, estate),
    canLease: can(actor, "lease:manage", { districtCode: estate.districtCode }),
  };
}

export interface PublicDirected extends DirectedSummary {
  /** Assigned nominees as the public notice shows them: masked name and number, the unit. */
  assignedNominees: Array<{ name: string; residentIdMasked: string; unit: string }>;
}

/** One allocation's public notice (Art. 24), or null. Never a full name or number, nor the checks. */
export async function getPublicDirected(allocationId: string): Promise<PublicDirected | null> {
  const detail = await detailOf(allocationId);
  if (!detail) return null;
  const unitOf = new Map(detail.units.map((u) => [u.id, `${u.building}${u.unitNo}`]));
  return {
    id: detail.id,
    kind: detail.kind,
    status: detail.status,
    recipientName: detail.recipientName,
    basis: detail.basis,
    estate: detail.estate,
    districtCode: detail.districtCode,
    startDate: detail.startDate,
    endDate: detail.endDate,
    quota: detail.quota,
    assigned: detail.assigned,
    createdAt: detail.createdAt,
    assignedNominees: detail.nominees.filter((n) => n.status === "ASSIGNED").map((n) => ({ name: maskName(n.name), residentIdMasked: n.residentIdMasked, unit: n.unitId ? (unitOf.get(n.unitId) ?? "") : "" })),
  };
}

/** The estates the actor may create directed allocations for (those it manages), by name. */
export async function directedEstateOptions(actor: Actor): Promise<Array<{ id: string; code: string; name: string }>> {
  const estates = await prisma.estate.findMany({ where: { isActive: true }, select: { id: true, code: true, name: true, level: true, districtCode: true }, orderBy: { code: "asc" } });
  return estates.filter((e) => can(actor, "allocation:manage", { districtCode: e.districtCode }) && canManageEstate(actor, e)).map(({ id, code, name }) => ({ id, code, name }));
}
