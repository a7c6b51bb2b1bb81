import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { can, type Actor, type Permission } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { now as clockNow } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { EstateLevel, InvestmentType, Prisma, StockSource, UnitOrientation, UnitStatus, UnitType } from "@/lib/generated/prisma/client";
import { districtNames } from "@/lib/reference/districts";
import type { AddBuildingInput, AddUnitInput, ChangeUnitStatusInput, CreateEstateInput, EstateFilter, UpdateEstateInput, UpdateUnitInput } from "./schemas";
import { manualChangeProblem, manualTargets, UNIT_STATUSES, type ManualUnitStatus } from "./unit-status";

// The housing stock (Art. 6-11): estates, their buildings and units, and each unit's status with
// the reason and history of every change. Officers read the stock of their district, the
// municipal agency the city's; municipal estates are managed by the municipal agency, district
// estates by their district (the permission table's municipalEstate:manage / districtEstate:manage).

export const ESTATE_PAGE_SIZE = 20;

type Tx = Prisma.TransactionClient;

/** The permission that manages an estate of this level. */
export function estateManagePermission(level: EstateLevel): Permission {
  return level === "MUNICIPAL" ? "municipalEstate:manage" : "districtEstate:manage";
}

/** Whether the actor manages this estate (its buildings, units and their statuses). */
export function canManageEstate(actor: Actor, estate: { level: EstateLevel; districtCode: string }): boolean {
  return can(actor, estateManagePermission(estate.level), { districtCode: estate.districtCode });
}

function assertReadable(actor: Actor, estate: { districtCode: string } | null): asserts estate is { districtCode: string } {
  if (!estate || !can(actor, "estate:read", { districtCode: estate.districtCode })) throw new AppError("NOT_FOUND", { messageKey: "stock.errors.notFound" });
}

function assertManages(actor: Actor, estate: { level: EstateLevel; districtCode: string }): void {
  if (!canManageEstate(actor, estate)) {
    throw new AppError("FORBIDDEN", { messageKey: estate.level === "MUNICIPAL" ? "stock.errors.municipalOnly" : "stock.errors.districtOnly" });
  }
}

/** Runs a write whose unique key is a form's field: a duplicate becomes that field's error. */
async function uniqueField<T>(field: string, messageKey: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, field)) throw new AppError("VALIDATION", { fieldErrors: { [field]: [messageKey] } });
    throw error;
  }
}

export type StatusCounts = Record<UnitStatus, number>;

function emptyCounts(): StatusCounts {
  return Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

function total(counts: StatusCounts): number {
  return UNIT_STATUSES.reduce((sum, s) => sum + counts[s], 0);
}

// ───────────── estates ─────────────

/** What every view of an estate shows of it. */
interface EstateBase {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  districtCode: string;
  districtName: string;
  districtNameEn: string;
  level: EstateLevel;
  address: string;
  isActive: boolean;
  counts: StatusCounts;
  unitCount: number;
  canManage: boolean;
}

export interface EstateListItem extends EstateBase {
  buildingCount: number;
}

export interface EstatePage {
  items: EstateListItem[];
  total: number;
  page: number;
  pageCount: number;
}

/** The estates in the actor's reach, by code, with their units counted by status (for the page's estates only). */
export async function listEstates(actor: Actor, filter: EstateFilter): Promise<EstatePage> {
  const scope = scopeWhere(actor, "estate:read", "Estate", { districtCode: filter.district });
  if (scope === NOTHING) throw new AppError("FORBIDDEN");
  const and: Prisma.EstateWhereInput[] = [scope];
  if (filter.level) and.push({ level: filter.level });
  if (filter.q) and.push({ OR: [{ code: { contains: filter.q, mode: "insensitive" } }, { name: { contains: filter.q } }, { address: { contains: filter.q } }] });
  const where: Prisma.EstateWhereInput = { AND: and };
  const { rows, total: count, page, pageCount } = await readPage(
    filter.page,
    ESTATE_PAGE_SIZE,
    () => prisma.estate.count({ where }),
    (window) =>
      prisma.estate.findMany({
        where,
        select: { id: true, code: true, name: true, nameEn: true, districtCode: true, level: true, address: true, isActive: true },
        orderBy: { code: "asc" },
        ...window,
      }),
  );
  const ids = rows.map((r) => r.id);
  const [unitCounts, buildingCounts] = ids.length
    ? await Promise.all([
        prisma.unit.groupBy({ by: ["estateId", "status"], where: { estateId: { in: ids } }, _count: { _all: true } }),
        prisma.building.groupBy({ by: ["estateId"], where: { estateId: { in: ids } }, _count: { _all: true } }),
      ])
    : [[], []];
  const countsOf = new Map<string, StatusCounts>();
  for (const c of unitCounts) {
    const counts = countsOf.get(c.estateId) ?? emptyCounts();
    counts[c.status] = c._count._all;
    countsOf.set(c.estateId, counts);
  }
  const buildingsOf = new Map(buildingCounts.map((b) => [b.estateId, b._count._all]));
  return {
    items: rows.map((r) => {
      const counts = countsOf.get(r.id) ?? emptyCounts();
      return { ...r, ...districtNames(r.districtCode), buildingCount: buildingsOf.get(r.id) ?? 0, unitCount: total(counts), counts, canManage: canManageEstate(actor, r) };
    }),
    total: count,
    page,
    pageCount,
  };
}

export interface BuildingSummary {
  id: string;
  name: string;
  floors: number | null;
  unitCount: number;
  counts: StatusCounts;
}

export interface EstateDetail extends EstateBase {
  stockSource: StockSource;
  investment: InvestmentType;
  ownerName: string;
  operatorName: string;
  elderlyCareServices: string | null;
  childCareServices: string | null;
  buildings: BuildingSummary[];
}

/** One estate with its buildings and their units counted by status; NOT_FOUND outside the actor's reach. */
export async function getEstate(actor: Actor, code: string): Promise<EstateDetail> {
  const estate = await prisma.estate.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      districtCode: true,
      level: true,
      stockSource: true,
      investment: true,
      ownerName: true,
      operatorName: true,
      address: true,
      elderlyCareServices: true,
      childCareServices: true,
      isActive: true,
      buildings: { select: { id: true, name: true, floors: true }, orderBy: { name: "asc" } },
    },
  });
  assertReadable(actor, estate);
  const grouped = await prisma.unit.groupBy({ by: ["buildingId", "status"], where: { estateId: estate.id }, _count: { _all: true } });
  const byBuilding = new Map<string, StatusCounts>();
  const all = emptyCounts();
  for (const g of grouped) {
    const counts = byBuilding.get(g.buildingId) ?? emptyCounts();
    counts[g.status] = g._count._all;
    byBuilding.set(g.buildingId, counts);
    all[g.status] += g._count._all;
  }
  const { buildings, ...rest } = estate;
  return {
    ...rest,
    ...districtNames(estate.districtCode),
    // Building names sort as people read them: 2栋 before 10栋.
    buildings: buildings
      .map((b) => {
        const counts = byBuilding.get(b.id) ?? emptyCounts();
        return { ...b, counts, unitCount: total(counts) };
      })
      .sort((a, b) => a.name.localeCompare(b.name, "zh-CN", { numeric: true })),
    counts: all,
    unitCount: total(all),
    canManage: canManageEstate(actor, estate),
  };
}

/** The level of estate the actor manages: the municipal agency municipal estates, a district its district's. */
export function managedEstateLevel(actor: Actor): EstateLevel | null {
  if (can(actor, "municipalEstate:manage")) return "MUNICIPAL";
  if (can(actor, "districtEstate:manage")) return "DISTRICT";
  return null;
}

const estateFieldNames = ["name", "nameEn", "stockSource", "investment", "ownerName", "operatorName", "address", "elderlyCareServices", "childCareServices"] as const;

function estateData(input: UpdateEstateInput | CreateEstateInput) {
  return Object.fromEntries(estateFieldNames.map((k) => [k, input[k]])) as Pick<CreateEstateInput, (typeof estateFieldNames)[number]>;
}

/** Adds an estate of the level the actor manages, in a district in their reach; its code is unique in the city. */
export async function createEstate(actor: Actor, input: CreateEstateInput): Promise<{ estateCode: string }> {
  const level = managedEstateLevel(actor);
  if (!level) throw new AppError("FORBIDDEN");
  assertManages(actor, { level, districtCode: input.districtCode });
  return uniqueField("code", "stock.validation.estateCodeTaken", () =>
    prisma.$transaction(async (tx) => {
      const estate = await tx.estate.create({ data: { code: input.code, districtCode: input.districtCode, level, ...estateData(input) }, select: { id: true, code: true } });
      await writeAudit(
        { actorId: actor.id, actorRole: actor.role, action: "stock.estate.create", entityType: "Estate", entityId: estate.id, districtCode: input.districtCode, data: { code: input.code, level, ...estateData(input) } },
        tx,
      );
      return { estateCode: estate.code };
    }),
  );
}

/** Corrects an estate's description (not its code, level or district); audited with what it was. */
export async function updateEstate(actor: Actor, input: UpdateEstateInput): Promise<{ estateCode: string }> {
  const estate = await prisma.estate.findUnique({
    where: { id: input.estateId },
    select: { id: true, code: true, level: true, districtCode: true, ...Object.fromEntries(estateFieldNames.map((k) => [k, true])) },
  });
  assertReadable(actor, estate);
  assertManages(actor, estate!);
  const before = Object.fromEntries(estateFieldNames.map((k) => [k, (estate as Record<string, unknown>)[k] ?? null])) as Prisma.InputJsonObject;
  const after = estateData(input);
  await prisma.$transaction(async (tx) => {
    await tx.estate.update({ where: { id: input.estateId }, data: after });
    await writeAudit(
      { actorId: actor.id, actorRole: actor.role, action: "stock.estate.update", entityType: "Estate", entityId: input.estateId, districtCode: estate!.districtCode, data: { code: estate!.code, before, after } },
      tx,
    );
  });
  return { estateCode: estate!.code };
}

// ───────────── buildings ─────────────

export interface UnitCell {
  id: string;
  unitNo: string;
  floor: number;
  unitType: UnitType;
  floorAreaDm2: number;
  orientation: UnitOrientation | null;
  status: UnitStatus;
}

export interface BuildingView {
  estate: { id: string; code: string; name: string; districtCode: string; level: EstateLevel };
  building: { id: string; name: string; floors: number | null };
  /** Floors from the top down, each with its units in number order. */
  floors: Array<{ floor: number; units: UnitCell[] }>;
  counts: StatusCounts;
  canManage: boolean;
}

/** A building's units floor by floor (the building view); NOT_FOUND outside the actor's reach. */
export async function getBuilding(actor: Actor, buildingId: string): Promise<BuildingView> {
  const building = await prisma.building.findUnique({
    where: { id: buildingId },
    select: {
      id: true,
      name: true,
      floors: true,
      estate: { select: { id: true, code: true, name: true, districtCode: true, level: true } },
      units: {
        select: { id: true, unitNo: true, floor: true, unitType: true, floorAreaDm2: true, orientation: true, status: true },
        orderBy: [{ floor: "desc" }, { unitNo: "asc" }],
      },
    },
  });
  assertReadable(actor, building?.estate ?? null);
  const { estate, units, ...rest } = building!;
  const floors: BuildingView["floors"] = [];
  const counts = emptyCounts();
  for (const u of units) {
    counts[u.status] += 1;
    const last = floors.at(-1);
    if (last && last.floor === u.floor) last.units.push(u);
    else floors.push({ floor: u.floor, units: [u] });
  }
  return { estate, building: rest, floors, counts, canManage: canManageEstate(actor, estate) };
}

/** Adds a building to an estate the actor manages; its name is unique within the estate. */
export async function addBuilding(actor: Actor, input: AddBuildingInput): Promise<{ buildingId: string; estateCode: string; name: string }> {
  const estate = await prisma.estate.findUnique({ where: { id: input.estateId }, select: { id: true, code: true, level: true, districtCode: true } });
  assertReadable(actor, estate);
  assertManages(actor, estate!);
  return uniqueField("name", "stock.validation.buildingNameTaken", () =>
    prisma.$transaction(async (tx) => {
      const building = await tx.building.create({ data: { estateId: estate!.id, name: input.name, floors: input.floors }, select: { id: true } });
      await writeAudit(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: "stock.building.add",
          entityType: "Building",
          entityId: building.id,
          districtCode: estate!.districtCode,
          data: { estateCode: estate!.code, name: input.name, floors: input.floors },
        },
        tx,
      );
      return { buildingId: building.id, estateCode: estate!.code, name: input.name };
    }),
  );
}

// ───────────── units ─────────────

export interface UnitHistoryEntry {
  id: string;
  fromStatus: UnitStatus | null;
  toStatus: UnitStatus;
  reason: string | null;
  actorName: string | null;
  at: Date;
}

export interface UnitDetail extends UnitCell {
  statusReason: string | null;
  statusChangedAt: Date;
  marketRentFen: number;
  standardRentFen: number;
  structure: string | null;
  fixtures: string | null;
  estate: { id: string; code: string; name: string; districtCode: string; level: EstateLevel };
  building: { id: string; name: string; floors: number | null };
  history: UnitHistoryEntry[];
  canManage: boolean;
  /** The statuses the actor can set by hand now (none while a plan, an offer or a lease holds it). */
  manualTargets: ManualUnitStatus[];
}

/** One unit with the history of its statuses; NOT_FOUND outside the actor's reach. */
export async function getUnit(actor: Actor, unitId: string): Promise<UnitDetail> {
  const unit = await prisma.unit.findUnique({
    where: { id: unitId },
    select: {
      id: true,
      unitNo: true,
      floor: true,
      unitType: true,
      floorAreaDm2: true,
      orientation: true,
      status: true,
      statusReason: true,
      statusChangedAt: true,
      marketRentFen: true,
      standardRentFen: true,
      structure: true,
      fixtures: true,
      estate: { select: { id: true, code: true, name: true, districtCode: true, level: true } },
      building: { select: { id: true, name: true, floors: true } },
      statusEvents: {
        select: { id: true, fromStatus: true, toStatus: true, reason: true, at: true, actor: { select: { name: true } } },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: 100,
      },
    },
  });
  assertReadable(actor, unit?.estate ?? null);
  const { statusEvents, ...rest } = unit!;
  const canManage = canManageEstate(actor, rest.estate);
  return {
    ...rest,
    history: statusEvents.map(({ actor: who, ...e }) => ({ ...e, actorName: who?.name ?? null })),
    canManage,
    manualTargets: canManage ? manualTargets(rest.status) : [],
  };
}

/** The building a unit goes into, checked: in the actor's reach and managed by them. */
async function managedBuilding(actor: Actor, buildingId: string) {
  const building = await prisma.building.findUnique({
    where: { id: buildingId },
    select: { id: true, name: true, floors: true, estate: { select: { id: true, code: true, level: true, districtCode: true } } },
  });
  assertReadable(actor, building?.estate ?? null);
  assertManages(actor, building!.estate);
  return building!;
}

function floorWithin(building: { floors: number | null }, floor: number): void {
  if (building.floors !== null && floor > building.floors) {
    throw new AppError("VALIDATION", { fieldErrors: { floor: ["stock.validation.floorAboveBuilding"] } });
  }
}

function unitData(input: Omit<AddUnitInput, "buildingId">) {
  return {
    unitNo: input.unitNo,
    floor: input.floor,
    unitType: input.unitType,
    floorAreaDm2: input.floorAreaDm2,
    orientation: input.orientation,
    marketRentFen: input.marketRentFen,
    standardRentFen: input.standardRentFen,
    structure: input.structure,
    fixtures: input.fixtures,
  };
}

/** Adds a vacant unit to a building the actor manages; its number is unique within the building. */
export async function addUnit(actor: Actor, input: AddUnitInput, options: { now?: Date } = {}): Promise<{ unitId: string; unitNo: string }> {
  const building = await managedBuilding(actor, input.buildingId);
  floorWithin(building, input.floor);
  const at = options.now ?? clockNow();
  return uniqueField("unitNo", "stock.validation.unitNoTaken", () =>
    prisma.$transaction(async (tx) => {
      const unit = await tx.unit.create({
        data: { ...unitData(input), estateId: building.estate.id, buildingId: building.id, status: "VACANT", statusChangedAt: at },
        select: { id: true },
      });
      await tx.unitStatusEvent.create({ data: { unitId: unit.id, fromStatus: null, toStatus: "VACANT", actorId: actor.id, actorRole: actor.role, at } });
      await writeAudit(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: "stock.unit.add",
          entityType: "Unit",
          entityId: unit.id,
          districtCode: building.estate.districtCode,
          data: { estateCode: building.estate.code, building: building.name, ...unitData(input) },
        },
        tx,
      );
      return { unitId: unit.id, unitNo: input.unitNo };
    }),
  );
}

/** Corrects a unit's attributes (number, floor, type, area, orientation, rents, structure, fixtures); audited with what they were. */
export async function updateUnit(actor: Actor, input: UpdateUnitInput): Promise<{ unitId: string }> {
  const unit = await prisma.unit.findUnique({
    where: { id: input.unitId },
    select: {
      unitNo: true,
      floor: true,
      unitType: true,
      floorAreaDm2: true,
      orientation: true,
      marketRentFen: true,
      standardRentFen: true,
      structure: true,
      fixtures: true,
      // The unit's building and estate are read with it, once.
      building: { select: { floors: true } },
      estate: { select: { code: true, level: true, districtCode: true } },
    },
  });
  assertReadable(actor, unit?.estate ?? null);
  const { building, estate, ...before } = unit!;
  assertManages(actor, estate);
  floorWithin(building, input.floor);
  const after = unitData(input);
  return uniqueField("unitNo", "stock.validation.unitNoTaken", () =>
    prisma.$transaction(async (tx) => {
      await tx.unit.update({ where: { id: input.unitId }, data: after });
      await writeAudit(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: "stock.unit.update",
          entityType: "Unit",
          entityId: input.unitId,
          districtCode: estate.districtCode,
          data: { estateCode: estate.code, before, after },
        },
        tx,
      );
      return { unitId: input.unitId };
    }),
  );
}

/**
 * Moves units from one status to another in `tx`, only those that still have `from` (a
 * conditional update whose count is checked: of two officers or two plans taking a unit at once,
 * one succeeds, and a plan takes all its units or none), and records each change. The one way
 * statuses change: by hand here, by plans (reserving and releasing their units), and later by
 * offers and leases. CONFLICT when a unit no longer has `from`.
 */
export async function moveUnitsStatus(
  tx: Tx,
  /** `actor` null: the system (a scheduled job, or a lease written by the demo). */
  move: { unitIds: readonly string[]; from: UnitStatus; to: UnitStatus; reason: string | null; actor: Actor | null; at: Date; conflictKey?: string },
): Promise<void> {
  const unitIds = [...new Set(move.unitIds)];
  const moved = await tx.unit.updateMany({
    where: { id: { in: unitIds }, status: move.from },
    data: { status: move.to, statusReason: move.reason, statusChangedAt: move.at },
  });
  if (moved.count !== unitIds.length) throw new AppError("CONFLICT", { messageKey: move.conflictKey ?? "stock.errors.statusChanged" });
  await tx.unitStatusEvent.createMany({
    data: unitIds.map((unitId) => ({ unitId, fromStatus: move.from, toStatus: move.to, reason: move.reason, actorId: move.actor?.id ?? null, actorRole: move.actor?.role ?? null, at: move.at })),
  });
}

/** One unit's move (moveUnitsStatus for one). */
export async function moveUnitStatus(
  tx: Tx,
  move: { unitId: string; from: UnitStatus; to: UnitStatus; reason: string | null; actor: Actor | null; at: Date },
): Promise<void> {
  const { unitId, ...rest } = move;
  await moveUnitsStatus(tx, { ...rest, unitIds: [unitId] });
}

/** An officer sets a unit vacant, under repair or withheld, with the reason (recorded in its history). */
export async function changeUnitStatus(actor: Actor, input: ChangeUnitStatusInput, options: { now?: Date } = {}): Promise<{ unitId: string; status: UnitStatus }> {
  const unit = await prisma.unit.findUnique({
    where: { id: input.unitId },
    select: { id: true, unitNo: true, status: true, estate: { select: { code: true, level: true, districtCode: true } } },
  });
  assertReadable(actor, unit?.estate ?? null);
  assertManages(actor, unit!.estate);
  const problem = manualChangeProblem(input.fromStatus, input.toStatus);
  if (problem === "HELD") throw new AppError("CONFLICT", { messageKey: "stock.errors.heldByAllocation" });
  if (problem === "SAME_STATUS") throw new AppError("VALIDATION", { fieldErrors: { toStatus: ["stock.validation.sameStatus"] } });
  if (problem === "NOT_MANUAL") throw new AppError("VALIDATION", { fieldErrors: { toStatus: ["stock.validation.statusRequired"] } });
  const at = options.now ?? clockNow();
  return prisma.$transaction(async (tx) => {
    await moveUnitStatus(tx, { unitId: input.unitId, from: input.fromStatus, to: input.toStatus, reason: input.reason, actor, at });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "stock.unit.status",
        entityType: "Unit",
        entityId: input.unitId,
        districtCode: unit!.estate.districtCode,
        reason: input.reason,
        data: { estateCode: unit!.estate.code, unitNo: unit!.unitNo, from: input.fromStatus, to: input.toStatus },
      },
      tx,
    );
    return { unitId: input.unitId, status: input.toStatus };
  });
}
