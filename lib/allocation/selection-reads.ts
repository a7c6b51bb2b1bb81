import "server-only";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { fromDateColumn } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { LotteryOutcome, LotteryRound, OfferStatus, Prisma, SelectionTurnStatus, UnitOrientation, UnitStatus, UnitType } from "@/lib/generated/prisma/client";
import { isRecordId } from "./inputs";

// What unit selection (选房) shows: the household its own pools, turn, units to choose from and
// offers; the district's officers a pool's turns, offers and remaining units. Officers' reasons
// for an assignment stay on the staff side.

export const ENTRANTS_PAGE_SIZE = 50;

export interface SelectionUnit {
  id: string;
  unitNo: string;
  floor: number;
  floorAreaDm2: number;
  orientation: UnitOrientation | null;
  status: UnitStatus;
}

export interface SelectionBuilding {
  id: string;
  name: string;
  /** Floors from the top down, each with its units in number order. */
  floors: Array<{ floor: number; units: SelectionUnit[] }>;
}

/** The pool's units by building and floor, as the building view shows them. */
async function poolUnits(planId: string, unitType: UnitType): Promise<SelectionBuilding[]> {
  const units = await prisma.unit.findMany({
    where: { unitType, planUnits: { some: { planId } } },
    select: { id: true, unitNo: true, floor: true, floorAreaDm2: true, orientation: true, status: true, building: { select: { id: true, name: true } } },
    orderBy: [{ building: { name: "asc" } }, { floor: "desc" }, { unitNo: "asc" }],
  });
  const buildings: SelectionBuilding[] = [];
  for (const { building, ...unit } of units) {
    let b = buildings.at(-1);
    if (!b || b.id !== building.id) {
      b = { id: building.id, name: building.name, floors: [] };
      buildings.push(b);
    }
    const f = b.floors.at(-1);
    if (f && f.floor === unit.floor) f.units.push(unit);
    else b.floors.push({ floor: unit.floor, units: [unit] });
  }
  return buildings;
}

const drawSummarySelect = {
  id: true,
  unitType: true,
  unitsCount: true,
  entrantCount: true,
  status: true,
  drawnAt: true,
  selectionOpenedAt: true,
  selectionWindowHours: true,
  selectionParallel: true,
  offerAcceptDays: true,
  plan: { select: { id: true, title: true, districtCode: true, estate: { select: { name: true, code: true } } } },
} satisfies Prisma.LotteryDrawSelect;

type DrawSummaryRow = Prisma.LotteryDrawGetPayload<{ select: typeof drawSummarySelect }>;

export interface DrawSummary {
  drawId: string;
  unitType: UnitType;
  units: number;
  entrantCount: number;
  drawn: boolean;
  drawnAt: Date | null;
  planId: string;
  planTitle: string;
  estateName: string;
  estateCode: string;
  districtCode: string;
  selection: { openedAt: Date; windowHours: number; parallel: number; acceptDays: number } | null;
}

function drawSummary(row: DrawSummaryRow): DrawSummary {
  return {
    drawId: row.id,
    unitType: row.unitType,
    units: row.unitsCount,
    entrantCount: row.entrantCount,
    drawn: row.status === "DRAWN",
    drawnAt: row.drawnAt,
    planId: row.plan.id,
    planTitle: row.plan.title,
    estateName: row.plan.estate.name,
    estateCode: row.plan.estate.code,
    districtCode: row.plan.districtCode,
    selection:
      row.selectionOpenedAt && row.selectionWindowHours && row.selectionParallel && row.offerAcceptDays
        ? { openedAt: row.selectionOpenedAt, windowHours: row.selectionWindowHours, parallel: row.selectionParallel, acceptDays: row.offerAcceptDays }
        : null,
  };
}

export const offerSelect = {
  id: true,
  status: true,
  offeredAt: true,
  responseDueDate: true,
  respondedAt: true,
  offeredById: true,
  unit: { select: { id: true, unitNo: true, floor: true, floorAreaDm2: true, unitType: true, orientation: true, building: { select: { name: true } }, estate: { select: { name: true } } } },
} satisfies Prisma.OfferSelect;

export interface OfferView {
  id: string;
  status: OfferStatus;
  offeredAt: Date;
  responseDueDate: string;
  respondedAt: Date | null;
  /** An officer assigned the unit (the reason stays with the staff). */
  assigned: boolean;
  unit: { id: string; unitNo: string; floor: number; floorAreaDm2: number; unitType: UnitType; orientation: UnitOrientation | null; building: string; estate: string };
}

export function offerView(row: Prisma.OfferGetPayload<{ select: typeof offerSelect }>): OfferView {
  const { building, estate, ...unit } = row.unit;
  return {
    id: row.id,
    status: row.status,
    offeredAt: row.offeredAt,
    responseDueDate: fromDateColumn(row.responseDueDate),
    respondedAt: row.respondedAt,
    assigned: row.offeredById !== null,
    unit: { ...unit, building: building.name, estate: estate.name },
  };
}

// ───────────── the household ─────────────

export interface MyPoolEntry {
  draw: DrawSummary;
  applicationNo: string;
  ticket: string | null;
  rank: number | null;
  outcome: LotteryOutcome | null;
  round: LotteryRound | null;
  turn: { status: SelectionTurnStatus; opensAt: Date | null; closesAt: Date | null } | null;
  offers: OfferView[];
}

const myEntrySelect = {
  applicationNo: true,
  ticket: true,
  rank: true,
  outcome: true,
  round: true,
  turnStatus: true,
  turnOpensAt: true,
  turnClosesAt: true,
  draw: { select: drawSummarySelect },
  offers: { select: offerSelect, orderBy: { offeredAt: "desc" } },
} satisfies Prisma.LotteryEntrantSelect;

function myEntry(row: Prisma.LotteryEntrantGetPayload<{ select: typeof myEntrySelect }>): MyPoolEntry {
  return {
    draw: drawSummary(row.draw),
    applicationNo: row.applicationNo,
    ticket: row.ticket,
    rank: row.rank,
    outcome: row.outcome,
    round: row.round,
    turn: row.turnStatus ? { status: row.turnStatus, opensAt: row.turnOpensAt, closesAt: row.turnClosesAt } : null,
    offers: row.offers.map(offerView),
  };
}

/**
 * The frozen pools (not drawn yet) the applicant's households are in. Entrant rows are written at
 * the draw, so until then membership is the published entrants file itself: the line
 * `applicationNo,P|G` in the file of a frozen draw of an estate the household chose.
 */
async function myFrozenPools(actor: Actor, drawId: string | null): Promise<MyPoolEntry[]> {
  const found = await prisma.$queryRaw<Array<{ drawId: string; applicationNo: string }>>`
    SELECT d."id" AS "drawId", a."applicationNo"
      FROM "Application" a
      JOIN "ApplicationEstatePreference" p ON p."applicationId" = a."id"
      JOIN "AllocationPlan" pl ON pl."estateId" = p."estateId"
      JOIN "LotteryDraw" d ON d."planId" = pl."id" AND d."status" = 'COMMITTED'
     WHERE a."applicantUserId" = ${actor.id}
       AND (${drawId}::text IS NULL OR d."id" = ${drawId})
       AND position(E'\n' || a."applicationNo" || ',' in E'\n' || d."entrantsFile") > 0`;
  if (found.length === 0) return [];
  const draws = await prisma.lotteryDraw.findMany({ where: { id: { in: found.map((f) => f.drawId) } }, select: drawSummarySelect, orderBy: { committedAt: "desc" } });
  const noOf = new Map(found.map((f) => [f.drawId, f.applicationNo]));
  return draws.map((d) => ({ draw: drawSummary(d), applicationNo: noOf.get(d.id)!, ticket: null, rank: null, outcome: null, round: null, turn: null, offers: [] }));
}

/** The pools the applicant's households are in (frozen or drawn, not cancelled), newest first. */
export async function listMyPools(actor: Actor): Promise<MyPoolEntry[]> {
  if (!can(actor, "selection:take")) return [];
  const [frozen, rows] = await Promise.all([
    myFrozenPools(actor, null),
    prisma.lotteryEntrant.findMany({
      where: { application: { applicantUserId: actor.id }, draw: { status: { not: "CANCELLED" } } },
      select: myEntrySelect,
      orderBy: { draw: { committedAt: "desc" } },
      take: 20,
    }),
  ]);
  return [...frozen, ...rows.map(myEntry)];
}

export interface MySelection extends MyPoolEntry {
  buildings: SelectionBuilding[];
  /** Units still to choose from. */
  available: number;
}

/** One pool as its household sees it, with the units to choose from; null when not theirs. */
export async function getMySelection(actor: Actor, drawId: string): Promise<MySelection | null> {
  if (!isRecordId(drawId) || !can(actor, "selection:take")) return null;
  const row = await prisma.lotteryEntrant.findFirst({ where: { drawId, application: { applicantUserId: actor.id } }, select: myEntrySelect });
  if (!row) {
    // Frozen, not drawn yet: in the entrants file, with no rank until the draw.
    const frozen = (await myFrozenPools(actor, drawId))[0];
    return frozen ? { ...frozen, buildings: [], available: 0 } : null;
  }
  const entry = myEntry(row);
  const buildings = entry.draw.drawn ? await poolUnits(entry.draw.planId, entry.draw.unitType) : [];
  const available = buildings.reduce((n, b) => n + b.floors.reduce((m, f) => m + f.units.filter((u) => u.status === "RESERVED").length, 0), 0);
  return { ...entry, buildings, available };
}

/** Units offered to the applicant's household from a waiting list, pending or accepted (Art. 23). */
export async function listMyListOffers(actor: Actor): Promise<OfferView[]> {
  if (!can(actor, "selection:take")) return [];
  const rows = await prisma.offer.findMany({
    where: { application: { applicantUserId: actor.id }, waitingListEntryId: { not: null }, status: { in: ["PENDING", "ACCEPTED"] } },
    select: offerSelect,
    orderBy: { offeredAt: "desc" },
    take: 5,
  });
  return rows.map(offerView);
}

// ───────────── officers ─────────────

export interface StaffOffer extends OfferView {
  applicationNo: string;
  applicantName: string | null;
  rank: number | null;
  assignReason: string | null;
}

export interface StaffEntrant {
  id: string;
  rank: number | null;
  applicationNo: string;
  applicantName: string | null;
  outcome: LotteryOutcome | null;
  turnStatus: SelectionTurnStatus | null;
  turnClosesAt: Date | null;
}

export interface StaffSelection {
  draw: DrawSummary;
  canManage: boolean;
  counts: { available: number; offered: number; open: number; picked: number; declined: number; missed: number };
  openTurns: StaffEntrant[];
  offers: StaffOffer[];
  entrants: { items: StaffEntrant[]; page: number; pages: number };
  buildings: SelectionBuilding[];
}

const staffEntrantSelect = {
  id: true,
  rank: true,
  applicationNo: true,
  outcome: true,
  turnStatus: true,
  turnClosesAt: true,
  application: { select: { applicantName: true } },
} satisfies Prisma.LotteryEntrantSelect;

function staffEntrant(row: Prisma.LotteryEntrantGetPayload<{ select: typeof staffEntrantSelect }>): StaffEntrant {
  const { application, ...rest } = row;
  return { ...rest, applicantName: application.applicantName };
}

/** A drawn pool's selection for the officers of its district (NOT_FOUND outside their reach). */
export async function getStaffSelection(actor: Actor, drawId: string, page = 1): Promise<StaffSelection> {
  const row = isRecordId(drawId) ? await prisma.lotteryDraw.findUnique({ where: { id: drawId }, select: drawSummarySelect }) : null;
  if (!row || !can(actor, "estate:read", { districtCode: row.plan.districtCode })) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.drawNotFound" });
  assertCan(actor, "estate:read", { districtCode: row.plan.districtCode });
  const draw = drawSummary(row);
  const pages = Math.max(1, Math.ceil(draw.entrantCount / ENTRANTS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const [turnCounts, openTurns, offers, entrants, buildings] = await Promise.all([
    prisma.lotteryEntrant.groupBy({ by: ["turnStatus"], where: { drawId }, _count: { _all: true } }),
    prisma.lotteryEntrant.findMany({ where: { drawId, turnStatus: "OPEN" }, select: staffEntrantSelect, orderBy: { rank: "asc" }, take: 500 }),
    prisma.offer.findMany({
      where: { lotteryEntrant: { drawId } },
      select: { ...offerSelect, assignReason: true, lotteryEntrant: { select: { rank: true } }, application: { select: { applicationNo: true, applicantName: true } } },
      orderBy: { offeredAt: "desc" },
      take: 200,
    }),
    prisma.lotteryEntrant.findMany({ where: { drawId }, select: staffEntrantSelect, orderBy: [{ rank: "asc" }, { applicationNo: "asc" }], skip: (current - 1) * ENTRANTS_PAGE_SIZE, take: ENTRANTS_PAGE_SIZE }),
    draw.drawn ? poolUnits(draw.planId, draw.unitType) : Promise.resolve([]),
  ]);
  const byTurn = new Map(turnCounts.map((c) => [c.turnStatus, c._count._all]));
  const units = buildings.flatMap((b) => b.floors.flatMap((f) => f.units));
  return {
    draw,
    canManage: can(actor, "allocation:manage", { districtCode: draw.districtCode }),
    counts: {
      available: units.filter((u) => u.status === "RESERVED").length,
      offered: units.filter((u) => u.status === "OFFERED").length,
      open: byTurn.get("OPEN") ?? 0,
      picked: byTurn.get("PICKED") ?? 0,
      declined: byTurn.get("DECLINED") ?? 0,
      missed: byTurn.get("MISSED") ?? 0,
    },
    openTurns: openTurns.map(staffEntrant),
    offers: offers.map((o) => ({ ...offerView(o), applicationNo: o.application.applicationNo, applicantName: o.application.applicantName, rank: o.lotteryEntrant?.rank ?? null, assignReason: o.assignReason })),
    entrants: { items: entrants.map(staffEntrant), page: current, pages },
    buildings,
  };
}
