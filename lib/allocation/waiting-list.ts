import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { dateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { Prisma, UnitType, WaitingListPurpose } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { applicantContact, contactSelect } from "@/lib/review/common";
import { cstDateOfEpochMs } from "@/lib/rules/dates";
import { UNIT_TYPES } from "@/lib/rules/unit-type";
import { rankWaitingList } from "@/lib/rules/waiting-list";
import { addWorkingDays } from "@/lib/rules/working-days";
import { moveUnitsStatus } from "@/lib/stock/stock-service";
import { pageWindow } from "@/lib/db/paging";
import { normalizeNumberQuery } from "@/lib/publicity/number-search";
import { offerVacatedUnitSchema, type OfferVacatedUnitInput } from "./waiting-list-schemas";
import { parseInput } from "./inputs";

// The ordered waiting list (轮候, Art. 23): "applicants ranked by the location and unit type they
// chose, housed in that order"; a vacated unit always goes to the head of its list. A qualified
// household waits, per estate it chose, for the unit type it asked for (or its entitled type when
// it asked for a larger one, Art. 21). The order is lib/rules rankWaitingList: year of acceptance
// (CST), priority first, legacy lottery ranks (Art. 45), then acceptance time.
//
// Enrolment is one idempotent INSERT … SELECT (the scheduled job, and at qualification); the
// partial unique index "WaitingListEntry_live_key" keeps one live entry per household and estate.
// Offering a list's head takes a transaction-scoped advisory lock on the list, so that two
// vacated units offered at once go to the first and the second household, never both to one.

/** Working days a household has to accept a unit offered from the waiting list, unless the officer sets them. */
export const WAITING_LIST_ACCEPT_DAYS = 5;
const LIVE_UNIT_INDEX = "Offer_liveUnit_key";
const LIVE_APPLICATION_INDEX = "Offer_liveApplication_key";
const TX = { maxWait: 20_000, timeout: 20_000 } as const;

type Tx = Prisma.TransactionClient;

// ───────────── list ids ─────────────

/** The public id of an estate's list for a unit type: "YZ-001.ONE_BEDROOM". */
export function listIdOf(estateCode: string, unitType: UnitType): string {
  return `${estateCode}.${unitType}`;
}

/** The estate code and unit type of a list id, or null when it is not one. */
export function parseListId(listId: string): { estateCode: string; unitType: UnitType } | null {
  const dot = listId.lastIndexOf(".");
  if (dot <= 0 || listId.length > 100) return null;
  const estateCode = listId.slice(0, dot);
  const unitType = listId.slice(dot + 1);
  if (!/^[A-Za-z0-9_-]+$/.test(estateCode) || !(UNIT_TYPES as readonly string[]).includes(unitType)) return null;
  return { estateCode, unitType: unitType as UnitType };
}

// ───────────── enrolment ─────────────

/**
 * Enrols every qualified household (active qualification) in the list of each active estate it
 * chose, for the unit type it asked for if its entitlement allows it (Art. 21), else its entitled
 * type; and retires live entries whose household is no longer qualified (housed by a lottery,
 * cancelled, withdrawn). Idempotent, and safe to run from two servers at once.
 */
export async function enrolWaitingLists(at: Date = clockNow(), options: { applicationIds?: readonly string[] } = {}): Promise<{ enrolled: number; retired: number }> {
  const only = options.applicationIds ? [...options.applicationIds] : null;
  // UnitType is declared STUDIO < ONE_BEDROOM < TWO_BEDROOM < THREE_BEDROOM: PostgreSQL orders enums as declared.
  const enrolled = await prisma.$executeRaw`
    INSERT INTO "WaitingListEntry" ("id", "applicationId", "estateId", "unitType", "purpose", "acceptedAt", "isPriority", "status", "joinedAt")
    SELECT gen_random_uuid()::text, a."id", p."estateId",
           CASE WHEN a."preferredUnitType" IS NOT NULL AND a."preferredUnitType" <= q."entitledUnitType" THEN a."preferredUnitType" ELSE q."entitledUnitType" END,
           'ALLOCATION', a."acceptedAt", a."isPriority", 'WAITING', ${at}
      FROM "Application" a
      JOIN "Qualification" q ON q."applicationId" = a."id" AND q."status" = 'ACTIVE'
      JOIN "ApplicationEstatePreference" p ON p."applicationId" = a."id"
      JOIN "Estate" e ON e."id" = p."estateId" AND e."isActive"
     WHERE a."status" = 'QUALIFIED' AND a."acceptedAt" IS NOT NULL
       AND (${only}::text[] IS NULL OR a."id" = ANY(${only}::text[]))
    ON CONFLICT ("applicationId", "estateId", "purpose") WHERE "status" IN ('WAITING', 'OFFERED') DO NOTHING`;
  const retired = await prisma.$executeRaw`
    UPDATE "WaitingListEntry" w SET "status" = 'REMOVED', "removedAt" = ${at}, "removedReason" = '已不在待配租状态'
      FROM "Application" a
     WHERE a."id" = w."applicationId" AND w."status" = 'WAITING' AND w."purpose" = 'ALLOCATION' AND a."status" <> 'QUALIFIED'
       AND (${only}::text[] IS NULL OR a."id" = ANY(${only}::text[]))`;
  return { enrolled, retired };
}

// ───────────── the order ─────────────

export interface RankedEntry {
  id: string;
  applicationId: string;
  applicationNo: string;
  acceptedAt: Date;
  isPriority: boolean;
  legacyLotteryRank: number | null;
  applicantName: string | null;
}

function iso(at: Date): string {
  return at.toISOString().replace("Z", "+00:00");
}

/**
 * The households waiting in one list, first to be housed first (rankWaitingList). The allocation
 * list holds qualified households; the exchange list (Art. 33) holds housed ones, entered when their
 * exchange was approved (acceptedAt is the approval), so that it ranks by the time of approval.
 */
export async function rankedList(db: Tx | typeof prisma, estateId: string, unitType: UnitType, purpose: WaitingListPurpose = "ALLOCATION"): Promise<RankedEntry[]> {
  const rows = await db.waitingListEntry.findMany({
    where: { estateId, unitType, purpose, status: "WAITING", application: { status: purpose === "EXCHANGE" ? "HOUSED" : "QUALIFIED" } },
    select: { id: true, applicationId: true, acceptedAt: true, isPriority: true, legacyLotteryRank: true, application: { select: { applicationNo: true, applicantName: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const order = rankWaitingList(rows.map((r) => ({ id: r.id, acceptedAt: iso(r.acceptedAt), priority: r.isPriority, legacyLotteryRank: r.legacyLotteryRank })));
  return order.map((id) => {
    const r = byId.get(id)!;
    return { id: r.id, applicationId: r.applicationId, applicationNo: r.application.applicationNo, acceptedAt: r.acceptedAt, isPriority: r.isPriority, legacyLotteryRank: r.legacyLotteryRank, applicantName: r.application.applicantName };
  });
}

/** How many households a list housed in the 12 months before `at`. */
async function housedInYear(db: Tx | typeof prisma, estateId: string, unitType: UnitType, at: Date): Promise<number> {
  const since = new Date(at.getTime() - 365 * 86_400_000);
  return db.waitingListEntry.count({ where: { estateId, unitType, purpose: "ALLOCATION", status: "HOUSED", removedAt: { gte: since } } });
}

/** Months to wait at `position`, at the rate the list housed households in the last 12 months; null without one. */
export function estimatedWaitMonths(position: number, housedLastYear: number): number | null {
  if (housedLastYear <= 0) return null;
  return Math.max(1, Math.ceil((position * 12) / housedLastYear));
}

// ───────────── offering a vacated unit to the head of its list ─────────────

/**
 * The household at the head of a unit's list that has not already declined or let lapse an offer
 * of this unit, with the list as ranked now (the offer and the unit page ask the same question).
 */
export async function headOfList(db: Tx | typeof prisma, unit: { id: string; estateId: string; unitType: UnitType }, purpose: WaitingListPurpose = "ALLOCATION"): Promise<{ head: RankedEntry | undefined; ranked: RankedEntry[] }> {
  const [refused, ranked] = await Promise.all([
    db.offer.findMany({ where: { unitId: unit.id, waitingListEntryId: { not: null }, status: { in: ["DECLINED", "EXPIRED"] } }, select: { applicationId: true } }),
    rankedList(db, unit.estateId, unit.unitType, purpose),
  ]);
  const declined = new Set(refused.map((o) => o.applicationId));
  return { head: ranked.find((e) => !declined.has(e.applicationId)), ranked };
}

async function lockList(tx: Tx, estateId: string, unitType: UnitType, purpose: WaitingListPurpose): Promise<void> {
  const key = purpose === "ALLOCATION" ? `waiting-list:${estateId}:${unitType}` : `waiting-list:${estateId}:${unitType}:${purpose}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

export interface WaitingListOffer {
  offerId: string;
  applicationNo: string;
  responseDueDate: string;
}

/**
 * Offers a vacant unit to the head of its estate's list for its type, passing over households that
 * already declined or let lapse an offer of this unit. Null when nobody is left to offer it to.
 * Runs inside the caller's transaction; `actor` null is the system passing a declined unit on.
 */
export async function offerToHead(tx: Tx, input: { unitId: string; acceptDays: number; actor: Actor | null; at: Date; reason?: string; purpose?: WaitingListPurpose }): Promise<WaitingListOffer | null> {
  const purpose = input.purpose ?? "ALLOCATION";
  const unit = await tx.unit.findUniqueOrThrow({
    where: { id: input.unitId },
    select: { id: true, unitNo: true, unitType: true, status: true, estateId: true, building: { select: { name: true } }, estate: { select: { name: true, districtCode: true } } },
  });
  await lockList(tx, unit.estateId, unit.unitType, purpose);
  const { head } = await headOfList(tx, unit, purpose);
  if (!head) return null;
  const taken = await tx.waitingListEntry.updateMany({ where: { id: head.id, status: "WAITING" }, data: { status: "OFFERED" } });
  if (taken.count !== 1) throw new AppError("CONFLICT");
  await moveUnitsStatus(tx, { unitIds: [unit.id], from: "VACANT", to: "OFFERED", reason: purpose === "EXCHANGE" ? "按换租轮候顺序配租" : "按轮候顺序配租", actor: input.actor, at: input.at, conflictKey: "allocation.errors.unitNotVacant" });
  const due = addWorkingDays(todayCST(input.at), input.acceptDays);
  const offer = await tx.offer.create({
    data: { applicationId: head.applicationId, unitId: unit.id, waitingListEntryId: head.id, offeredAt: input.at, offeredById: input.actor?.id ?? null, responseDueDate: dateColumn(due) },
    select: { id: true },
  });
  const app = await tx.application.findUniqueOrThrow({ where: { id: head.applicationId }, select: { id: true, ...contactSelect } });
  await notifyApplicant(tx, {
    applicationId: app.id,
    ...applicantContact(app),
    templateKey: "waitingList.offerMade",
    params: { estate: unit.estate.name, unit: `${unit.building.name}${unit.unitNo}`, dueDate: due },
    dedupeKey: `offer:${offer.id}:made`,
    at: input.at,
  });
  await writeAudit(
    {
      actorId: input.actor?.id ?? null,
      actorRole: input.actor?.role ?? null,
      action: "waiting-list.offer",
      entityType: "Offer",
      entityId: offer.id,
      districtCode: unit.estate.districtCode,
      reason: input.reason ?? null,
      data: { unitId: unit.id, unitNo: unit.unitNo, building: unit.building.name, applicationNo: head.applicationNo, responseDueDate: due, purpose },
    },
    tx,
  );
  return { offerId: offer.id, applicationNo: head.applicationNo, responseDueDate: due };
}

/** An officer offers a vacated unit to the head of its waiting list (Art. 23). */
export async function offerVacatedUnit(actor: Actor, input: OfferVacatedUnitInput, options: { now?: Date } = {}): Promise<WaitingListOffer> {
  return offerVacantUnit(actor, parseInput(offerVacatedUnitSchema, input), { at: options.now ?? clockNow(), purpose: "ALLOCATION", emptyMessageKey: "allocation.errors.waitingListEmpty" });
}

/**
 * An officer of the unit's district offers a vacant unit to the head of one of its lists: the
 * allocation list (Art. 23), or the exchange list (Art. 33, lib/tenancy/exchanges.ts). Input parsed
 * by the caller's schema; `emptyMessageKey` says that list has nobody waiting.
 */
export async function offerVacantUnit(
  actor: Actor,
  input: { unitId: string; acceptDays: number },
  options: { at: Date; purpose: WaitingListPurpose; reason?: string; emptyMessageKey: string },
): Promise<WaitingListOffer> {
  const { unitId, acceptDays } = input;
  const { at, purpose } = options;
  const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: { status: true, estate: { select: { districtCode: true } } } });
  if (!unit || !can(actor, "estate:read", { districtCode: unit.estate.districtCode })) throw new AppError("NOT_FOUND", { messageKey: "stock.errors.notFound" });
  assertCan(actor, "allocation:manage", { districtCode: unit.estate.districtCode });
  if (unit.status !== "VACANT") throw new AppError("CONFLICT", { messageKey: "allocation.errors.unitNotVacant" });
  try {
    const offer = await prisma.$transaction((tx) => offerToHead(tx, { unitId, acceptDays, actor, at, purpose, ...(options.reason ? { reason: options.reason } : {}) }), TX);
    if (!offer) throw new AppError("CONFLICT", { messageKey: options.emptyMessageKey });
    return offer;
  } catch (error) {
    if (isUniqueViolation(error, LIVE_UNIT_INDEX)) throw new AppError("CONFLICT", { messageKey: "allocation.errors.unitNotVacant", cause: error });
    if (isUniqueViolation(error, LIVE_APPLICATION_INDEX)) throw new AppError("CONFLICT", { messageKey: "allocation.errors.householdHasOffer", cause: error });
    throw error;
  }
}

/**
 * A waiting-list offer ends unaccepted (declined, or past its deadline): the household waits again
 * in its place, and the unit goes to the next household at the head of the list.
 */
export async function passWaitingListOffer(tx: Tx, offer: { id: string; unitId: string; waitingListEntryId: string }, actor: Actor | null, at: Date): Promise<void> {
  await tx.waitingListEntry.updateMany({ where: { id: offer.waitingListEntryId, status: "OFFERED" }, data: { status: "WAITING" } });
  await moveUnitsStatus(tx, { unitIds: [offer.unitId], from: "OFFERED", to: "VACANT", reason: "轮候家庭未接受，房源按序配租下一位", actor, at });
  // The unit goes on along the list it was offered from (an exchange offer to the next exchange household).
  const entry = await tx.waitingListEntry.findUniqueOrThrow({ where: { id: offer.waitingListEntryId }, select: { purpose: true } });
  await offerToHead(tx, { unitId: offer.unitId, acceptDays: WAITING_LIST_ACCEPT_DAYS, actor: null, at, purpose: entry.purpose });
}

/** Waiting-list offers past their deadline (CST) expire and pass on; idempotent (the scheduled job). */
export async function expireWaitingListOffers(now: Date = clockNow()): Promise<number> {
  const due = await prisma.offer.findMany({
    where: { status: "PENDING", waitingListEntryId: { not: null }, responseDueDate: { lt: dateColumn(todayCST(now)) } },
    select: { id: true, unitId: true, waitingListEntryId: true },
  });
  let expired = 0;
  for (const offer of due) {
    await prisma.$transaction(async (tx) => {
      const ended = await tx.offer.updateMany({ where: { id: offer.id, status: "PENDING" }, data: { status: "EXPIRED", respondedAt: now } });
      if (ended.count !== 1) return;
      await passWaitingListOffer(tx, { id: offer.id, unitId: offer.unitId, waitingListEntryId: offer.waitingListEntryId! }, null, now);
      expired++;
    }, TX);
  }
  return expired;
}

// ───────────── reading ─────────────

export interface PublicWaitingList {
  listId: string;
  estateName: string;
  districtCode: string;
  unitType: UnitType;
  entryCount: number;
}

/** Every list with households waiting, by estate code and unit type (GET /api/v1/waiting-lists). */
export async function listWaitingLists(): Promise<PublicWaitingList[]> {
  const rows = await prisma.$queryRaw<Array<{ code: string; name: string; districtCode: string; unitType: UnitType; entryCount: number }>>`
    SELECT e."code", e."name", e."districtCode", w."unitType"::text AS "unitType", count(*)::int AS "entryCount"
      FROM "WaitingListEntry" w
      JOIN "Application" a ON a."id" = w."applicationId" AND a."status" = 'QUALIFIED'
      JOIN "Estate" e ON e."id" = w."estateId"
     WHERE w."status" = 'WAITING' AND w."purpose" = 'ALLOCATION'
     GROUP BY e."code", e."name", e."districtCode", w."unitType"
     ORDER BY e."code", w."unitType"`;
  return rows.map((r) => ({ listId: listIdOf(r.code, r.unitType), estateName: r.name, districtCode: r.districtCode, unitType: r.unitType, entryCount: r.entryCount }));
}

async function estateOfList(listId: string): Promise<{ id: string; code: string; name: string; districtCode: string; unitType: UnitType } | null> {
  const parsed = parseListId(listId);
  if (!parsed) return null;
  const estate = await prisma.estate.findUnique({ where: { code: parsed.estateCode }, select: { id: true, code: true, name: true, districtCode: true } });
  return estate ? { ...estate, unitType: parsed.unitType } : null;
}

/** ranking.txt: `position,applicationNo,acceptedYear,priority` per waiting household; null for an unknown list. */
export async function rankingText(listId: string): Promise<string | null> {
  const estate = await estateOfList(listId);
  if (!estate) return null;
  const ranked = await rankedList(prisma, estate.id, estate.unitType);
  return ranked.map((e, i) => `${i + 1},${e.applicationNo},${cstDateOfEpochMs(e.acceptedAt.getTime()).slice(0, 4)},${e.isPriority ? "P" : "G"}\n`).join("");
}

export interface PublicRanking {
  listId: string;
  estateName: string;
  districtCode: string;
  unitType: UnitType;
  total: number;
  housedLastYear: number;
  page: number;
  pageCount: number;
  /** The query as searched (normalised), or "" for none. */
  q: string;
  items: Array<{ position: number; applicationNo: string; acceptedYear: string; priority: boolean }>;
}

/** One list's ranking as the public reads it: 50 a page, or the households whose number is or begins with `q`. */
export async function getPublicRanking(listId: string, query: { page?: number; q?: string | null } = {}, at: Date = clockNow()): Promise<PublicRanking | null> {
  const estate = await estateOfList(listId);
  if (!estate) return null;
  const [ranked, housed] = await Promise.all([rankedList(prisma, estate.id, estate.unitType), housedInYear(prisma, estate.id, estate.unitType, at)]);
  const q = normalizeNumberQuery(query.q);
  const all = ranked.map((e, i) => ({ position: i + 1, applicationNo: e.applicationNo, acceptedYear: cstDateOfEpochMs(e.acceptedAt.getTime()).slice(0, 4), priority: e.isPriority }));
  const matching = q === null ? [] : q === "" ? all : all.filter((e) => e.applicationNo.startsWith(q));
  const window = pageWindow(Math.max(1, Math.floor(query.page ?? 1) || 1), matching.length, WAITING_PAGE_SIZE);
  return {
    listId: listIdOf(estate.code, estate.unitType),
    estateName: estate.name,
    districtCode: estate.districtCode,
    unitType: estate.unitType,
    total: ranked.length,
    housedLastYear: housed,
    page: window.page,
    pageCount: window.pageCount,
    q: q ?? (query.q ?? "").trim(),
    items: matching.slice(window.skip, window.skip + window.take),
  };
}

export interface MyWaitingEntry {
  listId: string;
  estateName: string;
  unitType: UnitType;
  applicationNo: string;
  status: "WAITING" | "OFFERED";
  /** 1 = next to be housed; null while an offer is pending. */
  position: number | null;
  length: number;
  housedLastYear: number;
  estimatedMonths: number | null;
}

/** The applicant's own places in waiting lists, with the list's length and an estimated wait. */
export async function listMyWaitingEntries(actor: Actor, at: Date = clockNow()): Promise<MyWaitingEntry[]> {
  if (!can(actor, "selection:take")) return [];
  const mine = await prisma.waitingListEntry.findMany({
    where: { application: { applicantUserId: actor.id, status: "QUALIFIED" }, purpose: "ALLOCATION", status: { in: ["WAITING", "OFFERED"] } },
    select: { id: true, estateId: true, unitType: true, status: true, application: { select: { applicationNo: true } }, estate: { select: { code: true, name: true } } },
    orderBy: { joinedAt: "asc" },
    take: 10,
  });
  const result: MyWaitingEntry[] = [];
  for (const e of mine) {
    const [ranked, housed] = await Promise.all([rankedList(prisma, e.estateId, e.unitType), housedInYear(prisma, e.estateId, e.unitType, at)]);
    const index = ranked.findIndex((r) => r.id === e.id);
    const position = index >= 0 ? index + 1 : null;
    result.push({
      listId: listIdOf(e.estate.code, e.unitType),
      estateName: e.estate.name,
      unitType: e.unitType,
      applicationNo: e.application.applicationNo,
      status: e.status as "WAITING" | "OFFERED",
      position,
      length: ranked.length,
      housedLastYear: housed,
      estimatedMonths: position ? estimatedWaitMonths(position, housed) : null,
    });
  }
  return result;
}

export interface StaffWaitingList {
  listId: string;
  estate: { code: string; name: string; districtCode: string };
  unitType: UnitType;
  housedLastYear: number;
  total: number;
  page: number;
  pages: number;
  items: Array<RankedEntry & { position: number }>;
}

export const WAITING_PAGE_SIZE = 50;

/** One list for the officers who read its estate, 50 a page. */
export async function getStaffWaitingList(actor: Actor, listId: string, page = 1, at: Date = clockNow()): Promise<StaffWaitingList> {
  const estate = await estateOfList(listId);
  if (!estate || !can(actor, "estate:read", { districtCode: estate.districtCode })) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.waitingListNotFound" });
  const [ranked, housed] = await Promise.all([rankedList(prisma, estate.id, estate.unitType), housedInYear(prisma, estate.id, estate.unitType, at)]);
  const pages = Math.max(1, Math.ceil(ranked.length / WAITING_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const start = (current - 1) * WAITING_PAGE_SIZE;
  return {
    listId,
    estate: { code: estate.code, name: estate.name, districtCode: estate.districtCode },
    unitType: estate.unitType,
    housedLastYear: housed,
    total: ranked.length,
    page: current,
    pages,
    items: ranked.slice(start, start + WAITING_PAGE_SIZE).map((e, i) => ({ ...e, position: start + i + 1 })),
  };
}

/** The head of the list a unit would be offered to now (for the unit page), or null. */
export async function headForUnit(unitId: string): Promise<{ applicationNo: string; listLength: number; listId: string } | null> {
  const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: { id: true, estateId: true, unitType: true, estate: { select: { code: true } } } });
  if (!unit) return null;
  const { head, ranked } = await headOfList(prisma, unit);
  return head ? { applicationNo: head.applicationNo, listLength: ranked.length, listId: listIdOf(unit.estate.code, unit.unitType) } : null;
}
