import "server-only";
import { parseInput } from "@/lib/allocation/inputs";
import { headOfList, offerVacantUnit, rankedList, type WaitingListOffer } from "@/lib/allocation/waiting-list";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { LIVING_LEASE_STATUSES } from "@/lib/db/application-status";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { ExchangeReason, LeaseStatus, Prisma, RequestStatus, UnitType } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { applicantContact, contactSelect } from "@/lib/review/common";
import { addDays } from "@/lib/rules/dates";
import { checkExchangeRequest, householdBelowUnitType } from "@/lib/rules/exchange";
import type { ISODate } from "@/lib/rules/types";
import {
  countersignExchangeSchema,
  decideExchangeSchema,
  exchangeListQuerySchema,
  offerFromExchangeListSchema,
  openMandatoryExchangeSchema,
  requestExchangeSchema,
  withdrawExchangeSchema,
  type CountersignExchangeInput,
  type DecideExchangeInput,
  type OfferFromExchangeListInput,
  type OpenMandatoryExchangeInput,
  type RequestExchangeInput,
  type WithdrawExchangeInput,
} from "./exchange-schemas";
import {
  EXCHANGE_OPEN_INDEX,
  OPEN_EXCHANGE_STATUSES,
  WAITING_LIVE_INDEX,
  exchangeEstate,
  exchangeProblem as problem,
  memberSelect,
  openMandatoryExchangeInTx,
  queueExchange,
  rulesMembers,
} from "./exchange-queue";
import { countersignSelect, putLeaseInForce } from "./leases";
import { leaseForMoveOut, moveOutInTx, offerReturnedUnit } from "./leaving";
import { assertManagesTenancyIn } from "./reach";

// Exchanges (换租, Art. 33). A tenant whose household grew (marriage, birth, parents moving in) asks
// on the lease page for a unit type the household's size allows (lib/rules checkExchangeRequest);
// once per form and one request open per lease (ExchangeRequest_open_key). An officer of the
// lease's district decides once (a conditional update): approval puts the household on the
// EXCHANGE waiting list of the estate (or one the officer picks in the district) for the type;
// a refusal tells the household why, with the article; the officer's internal note stays with the
// officers. A household shrunk below its unit type at the end of its term is put on the list as a
// mandatory exchange (exchange-queue.ts), paying 1.5 x until it exchanges.
//
// A vacant unit is offered to the head of the exchange list by an officer who chooses that list on
// the unit's page (the allocation list stays the default everywhere else, decision 026); the offer
// is an ordinary Offer. Accepting it, the household gets a new lease drawn up from the offer
// (origin EXCHANGE, previousLeaseId the old lease, the standard rent); the officer countersigns it
// together with the old unit's move-out check, in one transaction: the new lease in force, every
// living lease of the household on the old unit ended, the old unit back in stock; then the old unit
// is offered to the head of its own waiting list.

type Tx = Prisma.TransactionClient;
const TX = { maxWait: 20_000, timeout: 20_000 } as const;
/** A shrunk household's exchange may be opened from this many days before the end of the term (Art. 33: "at the end of the term"). */
export const MANDATORY_WINDOW_DAYS = 92;

// ───────────── the tenant ─────────────

const tenantLeaseSelect = {
  id: true, leaseNo: true, status: true, tenantUserId: true, applicationId: true, endDate: true, rentBasis: true,
  nextLease: { select: { id: true } },
  unit: { select: { unitType: true, estateId: true, estate: { select: { districtCode: true, name: true } } } },
  application: { select: { ...contactSelect, members: { select: memberSelect } } },
} satisfies Prisma.LeaseSelect;

/** The tenant asks to exchange their lease's unit (Art. 33); the same form sent twice is recorded once. */
export async function requestExchange(actor: Actor, input: RequestExchangeInput, options: { now?: Date } = {}): Promise<{ requestId: string; created: boolean }> {
  const data = parseInput(requestExchangeSchema, input);
  const at = options.now ?? clockNow();
  const lease = await prisma.lease.findUnique({ where: { id: data.leaseId }, select: tenantLeaseSelect });
  if (!lease || lease.tenantUserId !== actor.id) throw new AppError("NOT_FOUND");
  assertCan(actor, "lease:read", { ownerId: lease.tenantUserId });
  const again = await prisma.exchangeRequest.findUnique({ where: { leaseId_formKey: { leaseId: lease.id, formKey: data.formKey } }, select: { id: true } });
  if (again) return { requestId: again.id, created: false };
  if (lease.status !== "ACTIVE" || lease.nextLease) throw problem("notExchangeable");
  const check = checkExchangeRequest({
    reason: data.reason,
    members: rulesMembers(lease.application.members),
    addedMembers: data.addedMembers,
    currentUnitType: lease.unit.unitType,
    requestedUnitType: data.requestedUnitType,
  });
  if (!check.ok) {
    throw new AppError("VALIDATION", {
      messageKey: `exchanges.errors.${check.problem}`,
      values: { size: check.countedSize, type: check.entitled, current: lease.unit.unitType },
      fieldErrors: { [check.problem === "noneAdded" ? "addedMembers" : "requestedUnitType"]: [`exchanges.validation.${check.problem}`] },
    });
  }
  const districtCode = lease.unit.estate.districtCode;
  try {
    return await prisma.$transaction(async (tx) => {
      const request = await tx.exchangeRequest.create({
        data: {
          leaseId: lease.id,
          reason: data.reason,
          requestedUnitType: data.requestedUnitType,
          addedMembers: data.reason === "HOUSEHOLD_GREW" ? data.addedMembers : null,
          description: data.description,
          submittedAt: at,
          formKey: data.formKey,
        },
        select: { id: true },
      });
      await notifyApplicant(tx, {
        applicationId: lease.applicationId,
        ...applicantContact(lease.application),
        templateKey: "exchanges.received",
        params: { leaseNo: lease.leaseNo },
        dedupeKey: `exchange:${request.id}:received`,
        at,
      });
      await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "exchange.request", entityType: "ExchangeRequest", entityId: request.id, districtCode, data: { leaseNo: lease.leaseNo, reason: data.reason, requestedUnitType: data.requestedUnitType, addedMembers: data.addedMembers } }, tx);
      return { requestId: request.id, created: true };
    });
  } catch (error) {
    if (isUniqueViolation(error, "formKey") || isUniqueViolation(error, EXCHANGE_OPEN_INDEX)) {
      const same = await prisma.exchangeRequest.findUnique({ where: { leaseId_formKey: { leaseId: lease.id, formKey: data.formKey } }, select: { id: true } });
      if (same) return { requestId: same.id, created: false };
      throw problem("alreadyRequested");
    }
    throw error;
  }
}

/** The tenant withdraws a request of their own while it waits (for the decision, or on the exchange list before an offer). */
export async function withdrawExchange(actor: Actor, input: WithdrawExchangeInput, options: { now?: Date } = {}): Promise<{ requestId: string }> {
  const data = parseInput(withdrawExchangeSchema, input);
  const at = options.now ?? clockNow();
  const request = await prisma.exchangeRequest.findUnique({
    where: { id: data.requestId },
    select: { id: true, isMandatory: true, waitingListEntryId: true, lease: { select: { leaseNo: true, tenantUserId: true, unit: { select: { estate: { select: { districtCode: true } } } } } } },
  });
  if (!request || request.lease.tenantUserId !== actor.id) throw new AppError("NOT_FOUND");
  assertCan(actor, "lease:read", { ownerId: request.lease.tenantUserId });
  if (request.isMandatory) throw problem("mandatoryNotWithdrawn");
  return prisma.$transaction(async (tx) => {
    const done = await tx.exchangeRequest.updateMany({ where: { id: request.id, status: { in: ["SUBMITTED", "UNDER_REVIEW", "APPROVED"] } }, data: { status: "WITHDRAWN", withdrawnAt: at } });
    if (done.count !== 1) throw problem("notWaiting");
    if (request.waitingListEntryId) {
      // Only while waiting: once a unit is offered, the offer is answered (accepted or declined) instead.
      const left = await tx.waitingListEntry.updateMany({ where: { id: request.waitingListEntryId, status: "WAITING" }, data: { status: "REMOVED", removedAt: at, removedReason: "承租人撤回换租申请" } });
      if (left.count !== 1) throw problem("notWaiting");
    }
    await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "exchange.withdraw", entityType: "ExchangeRequest", entityId: request.id, districtCode: request.lease.unit.estate.districtCode, data: { leaseNo: request.lease.leaseNo } }, tx);
    return { requestId: request.id };
  });
}

// ───────────── the officers ─────────────

/**
 * An officer of the lease's district decides a request once (a conditional update). Approval puts
 * the household on the EXCHANGE list of the estate chosen in the district (the lease's own by
 * default) for the type asked for; a refusal gives the household the reason, citing Art. 33.
 */
export async function decideExchange(actor: Actor, input: DecideExchangeInput, options: { now?: Date } = {}): Promise<{ requestId: string; waitingListEntryId: string | null }> {
  const data = parseInput(decideExchangeSchema, input);
  const at = options.now ?? clockNow();
  const request = await prisma.exchangeRequest.findUnique({
    where: { id: data.requestId },
    select: {
      id: true, status: true, requestedUnitType: true,
      lease: { select: { id: true, leaseNo: true, applicationId: true, application: { select: contactSelect }, unit: { select: { estateId: true, estate: { select: { districtCode: true } } } } } },
    },
  });
  if (!request) throw new AppError("NOT_FOUND");
  const districtCode = request.lease.unit.estate.districtCode;
  assertManagesTenancyIn(actor, districtCode);
  const approve = data.decision === "APPROVE";
  try {
    return await prisma.$transaction(async (tx: Tx) => {
      const decided = await tx.exchangeRequest.updateMany({
        where: { id: request.id, status: { in: ["SUBMITTED", "UNDER_REVIEW"] } },
        data: { status: approve ? "APPROVED" : "REJECTED", decidedById: actor.id, decidedAt: at, decisionReason: data.reason, internalNote: data.internalNote },
      });
      if (decided.count !== 1) throw problem("decided");
      let entryId: string | null = null;
      let estateName: string | null = null;
      if (approve) {
        const estate = await exchangeEstate(tx, districtCode, request.lease.unit.estateId, data.estateId);
        estateName = estate.name;
        entryId = await queueExchange(tx, { requestId: request.id, applicationId: request.lease.applicationId, estateId: estate.id, unitType: request.requestedUnitType, at });
      }
      await notifyApplicant(tx, {
        applicationId: request.lease.applicationId,
        ...applicantContact(request.lease.application),
        templateKey: approve ? "exchanges.approved" : "exchanges.rejected",
        params: approve ? { leaseNo: request.lease.leaseNo, estate: estateName! } : { leaseNo: request.lease.leaseNo },
        dedupeKey: `exchange:${request.id}:decided`,
        at,
      });
      // The internal note is the officers' own: in the audit trail, never in the notice.
      await writeAudit(
        { actorId: actor.id, actorRole: actor.role, action: approve ? "exchange.approve" : "exchange.reject", entityType: "ExchangeRequest", entityId: request.id, districtCode, reason: data.reason, data: { leaseNo: request.lease.leaseNo, waitingListEntryId: entryId, internalNote: data.internalNote } },
        tx,
      );
      return { requestId: request.id, waitingListEntryId: entryId };
    }, TX);
  } catch (error) {
    if (isUniqueViolation(error, WAITING_LIVE_INDEX)) throw problem("alreadyQueued");
    throw error;
  }
}

/**
 * An officer opens the mandatory exchange of a household below its unit type (Art. 33) on a lease
 * in force at the end of its term (within MANDATORY_WINDOW_DAYS of its last day, or renewed at 1.5 x).
 */
export async function openMandatoryExchange(actor: Actor, input: OpenMandatoryExchangeInput, options: { now?: Date } = {}): Promise<{ requestId: string }> {
  const data = parseInput(openMandatoryExchangeSchema, input);
  const at = options.now ?? clockNow();
  const lease = await prisma.lease.findUnique({ where: { id: data.leaseId }, select: tenantLeaseSelect });
  assertManagesTenancyIn(actor, lease?.unit.estate.districtCode);
  const l = lease!;
  if (!mandatoryExchangeDue(l, todayCST(at))) throw problem("notDue");
  try {
    const opened = await prisma.$transaction((tx) => openMandatoryExchangeInTx(tx, { actor, at, leaseId: l.id, estateId: data.estateId }), TX);
    if (!opened) throw problem("alreadyRequested");
    return opened;
  } catch (error) {
    if (isUniqueViolation(error, EXCHANGE_OPEN_INDEX)) throw problem("alreadyRequested");
    if (isUniqueViolation(error, WAITING_LIVE_INDEX)) throw problem("alreadyQueued");
    throw error;
  }
}

/** Whether Art. 33 obliges this lease's household to exchange now: below its unit type, at the end of the term (or renewed at 1.5 x). */
export function mandatoryExchangeDue(lease: { status: LeaseStatus; endDate: Date; rentBasis: string; nextLease: { id: string } | null; unit: { unitType: UnitType }; application: { members: Parameters<typeof rulesMembers>[0] } }, today: ISODate): boolean {
  if (!LIVING_LEASE_STATUSES.includes(lease.status) || lease.nextLease) return false;
  const members = rulesMembers(lease.application.members);
  if (members.length === 0 || !householdBelowUnitType(members, lease.unit.unitType)) return false;
  return lease.rentBasis === "UNIT_MISMATCH_150_PERCENT" || fromDateColumn(lease.endDate) <= addDays(today, MANDATORY_WINDOW_DAYS);
}

/** An officer offers a vacant unit to the head of its estate's exchange list for its type (Art. 23, 33). */
export async function offerFromExchangeList(actor: Actor, input: OfferFromExchangeListInput, options: { now?: Date } = {}): Promise<WaitingListOffer> {
  return offerVacantUnit(actor, parseInput(offerFromExchangeListSchema, input), {
    at: options.now ?? clockNow(),
    purpose: "EXCHANGE",
    reason: "换租轮候（第三十三条）",
    emptyMessageKey: "exchanges.errors.exchangeListEmpty",
  });
}

/** The head of a unit's exchange list (for the unit page), or null. */
export async function exchangeHeadForUnit(unitId: string): Promise<{ applicationNo: string; listLength: number } | null> {
  const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: { id: true, estateId: true, unitType: true } });
  if (!unit) return null;
  const { head, ranked } = await headOfList(prisma, unit, "EXCHANGE");
  return head ? { applicationNo: head.applicationNo, listLength: ranked.length } : null;
}

/**
 * The officer countersigns an exchange lease with the old unit's move-out check, in one
 * transaction: the new lease in force (its offer done, its unit leased, its bills issued), the
 * request completed, the old lease (and a renewal of it on the same unit) ended, the check recorded
 * and the old unit back in stock; then the old unit is offered to the head of its waiting list.
 */
export async function countersignExchangeLease(actor: Actor, input: CountersignExchangeInput, options: { now?: Date } = {}): Promise<{ leaseId: string; oldLeaseNo: string; unitStatus: "VACANT" | "MAINTENANCE"; offeredTo: string | null }> {
  const data = parseInput(countersignExchangeSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const lease = await prisma.lease.findUnique({ where: { id: data.leaseId }, select: countersignSelect });
  if (!lease) throw new AppError("NOT_FOUND");
  assertCan(actor, "lease:manage", { districtCode: lease.unit.estate.districtCode });
  if (lease.origin !== "EXCHANGE" || !lease.previousLeaseId) throw problem("notExchangeLease");
  if (lease.status !== "AWAITING_COUNTERSIGNATURE") throw new AppError("CONFLICT", { messageKey: `tenancy.errors.leaseIs.${lease.status}` });
  if (data.vacatedOn > today) throw new AppError("VALIDATION", { messageKey: "leaving.errors.vacatedOnFuture", fieldErrors: { vacatedOn: ["leaving.errors.vacatedOnFuture"] } });
  const old = await leaseForMoveOut(prisma, lease.previousLeaseId);
  assertManagesTenancyIn(actor, old.unit.estate.districtCode);
  const result = await prisma.$transaction(async (tx) => {
    await putLeaseInForce(tx, actor, lease, at);
    const completed = await tx.exchangeRequest.updateMany({ where: { leaseId: old.id, status: "APPROVED", waitingListEntry: { offers: { some: { id: lease.offerId ?? "" } } } }, data: { status: "COMPLETED" } });
    if (completed.count !== 1) throw problem("notApproved");
    // The lease the household leaves, and an earlier lease of it on the same unit still running
    // (a renewal in force before the old term ended): ended together, the unit handed back once.
    await tx.lease.updateMany({
      where: { applicationId: old.applicationId, unitId: old.unitId, id: { not: old.id }, status: { in: [...LIVING_LEASE_STATUSES] } },
      data: { status: "ENDED" },
    });
    const moved = await moveOutInTx(tx, actor, old, { vacatedOn: data.vacatedOn, findings: data.findings, hasIssues: data.hasIssues }, at);
    await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "exchange.complete", entityType: "Lease", entityId: lease.id, districtCode: lease.unit.estate.districtCode, data: { leaseNo: lease.leaseNo, replaces: old.leaseNo, unitStatus: moved.unitStatus } }, tx);
    return moved;
  }, TX);
  const offeredTo = await offerReturnedUnit(actor, old, result.unitStatus, at);
  return { leaseId: lease.id, oldLeaseNo: old.leaseNo, unitStatus: result.unitStatus, offeredTo };
}

// ───────────── reading ─────────────

const requestSelect = {
  id: true, reason: true, isMandatory: true, requestedUnitType: true, addedMembers: true, description: true, status: true, submittedAt: true, decidedAt: true, decisionReason: true,
  waitingListEntry: {
    select: {
      id: true, status: true, estateId: true, unitType: true, estate: { select: { name: true } },
      offers: { where: { status: { in: ["PENDING", "ACCEPTED", "LEASED"] } }, select: { id: true, status: true, responseDueDate: true, lease: { select: { leaseNo: true, status: true } }, unit: { select: { unitNo: true, building: { select: { name: true } }, estate: { select: { name: true } } } } }, orderBy: { offeredAt: "desc" }, take: 1 },
    },
  },
} satisfies Prisma.ExchangeRequestSelect;
type RequestRow = Prisma.ExchangeRequestGetPayload<{ select: typeof requestSelect }>;

/** What the tenant sees of a request: never the officer's internal note. */
export interface ExchangeView {
  id: string;
  reason: ExchangeReason;
  isMandatory: boolean;
  requestedUnitType: UnitType;
  addedMembers: number | null;
  description: string | null;
  status: RequestStatus;
  submittedAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  /** On the exchange list: the estate, and the place while waiting (1 = next). */
  list: { estateName: string; unitType: UnitType; status: string; position: number | null; length: number } | null;
  offer: { id: string; status: string; unitLabel: string; responseDueDate: ISODate } | null;
  newLease: { leaseNo: string; status: LeaseStatus } | null;
}

async function exchangeView(r: RequestRow): Promise<ExchangeView> {
  let list: ExchangeView["list"] = null;
  const entry = r.waitingListEntry;
  if (entry) {
    const ranked = entry.status === "WAITING" ? await rankedList(prisma, entry.estateId, entry.unitType, "EXCHANGE") : [];
    const index = ranked.findIndex((e) => e.id === entry.id);
    list = { estateName: entry.estate.name, unitType: entry.unitType, status: entry.status, position: index >= 0 ? index + 1 : null, length: ranked.length };
  }
  const o = entry?.offers[0];
  return {
    id: r.id,
    reason: r.reason,
    isMandatory: r.isMandatory,
    requestedUnitType: r.requestedUnitType,
    addedMembers: r.addedMembers,
    description: r.description,
    status: r.status,
    submittedAt: r.submittedAt,
    decidedAt: r.decidedAt,
    decisionReason: r.decisionReason,
    list,
    offer: o ? { id: o.id, status: o.status, unitLabel: `${o.unit.estate.name} ${o.unit.building.name}${o.unit.unitNo}`, responseDueDate: fromDateColumn(o.responseDueDate) } : null,
    newLease: o?.lease ? { leaseNo: o.lease.leaseNo, status: o.lease.status } : null,
  };
}

export interface LeaseExchanges {
  requests: ExchangeView[];
  /** A request may be made now (the lease in force, none open, not replaced or renewed). */
  canRequest: boolean;
  /** The household still lives under the lease (what it "lives in now"). */
  living: boolean;
  unitType: UnitType;
  householdSize: number;
}

/** Exchanges on one lease (the caller has checked the lease is the actor's or in the officer's reach). */
export async function leaseExchanges(leaseId: string): Promise<LeaseExchanges> {
  const [lease, rows] = await Promise.all([
    prisma.lease.findUniqueOrThrow({ where: { id: leaseId }, select: { status: true, nextLease: { select: { id: true } }, unit: { select: { unitType: true } }, application: { select: { householdSize: true } } } }),
    prisma.exchangeRequest.findMany({ where: { leaseId }, select: requestSelect, orderBy: { submittedAt: "desc" }, take: 20 }),
  ]);
  const requests = await Promise.all(rows.map(exchangeView));
  return {
    requests,
    canRequest: lease.status === "ACTIVE" && !lease.nextLease && !requests.some((r) => OPEN_EXCHANGE_STATUSES.includes(r.status)),
    living: LIVING_LEASE_STATUSES.includes(lease.status),
    unitType: lease.unit.unitType,
    householdSize: lease.application.householdSize,
  };
}

export interface StaffExchangeView extends ExchangeView {
  internalNote: string | null;
  leaseId: string;
  leaseNo: string;
  leaseStatus: LeaseStatus;
  applicationNo: string;
  tenantName: string | null;
  householdSize: number;
  unitLabel: string;
  unitType: UnitType;
  districtCode: string;
  estateId: string;
  decidedBy: string | null;
}

const staffSelect = {
  ...requestSelect,
  internalNote: true,
  decidedBy: { select: { name: true } },
  lease: {
    select: {
      id: true, leaseNo: true, status: true,
      application: { select: { applicationNo: true, applicantName: true, householdSize: true } },
      unit: { select: { unitNo: true, unitType: true, estateId: true, building: { select: { name: true } }, estate: { select: { name: true, districtCode: true } } } },
    },
  },
} satisfies Prisma.ExchangeRequestSelect;
type StaffRow = Prisma.ExchangeRequestGetPayload<{ select: typeof staffSelect }>;

async function staffView(r: StaffRow): Promise<StaffExchangeView> {
  return {
    ...(await exchangeView(r)),
    internalNote: r.internalNote,
    leaseId: r.lease.id,
    leaseNo: r.lease.leaseNo,
    leaseStatus: r.lease.status,
    applicationNo: r.lease.application.applicationNo,
    tenantName: r.lease.application.applicantName,
    householdSize: r.lease.application.householdSize,
    unitLabel: `${r.lease.unit.estate.name} ${r.lease.unit.building.name}${r.lease.unit.unitNo}`,
    unitType: r.lease.unit.unitType,
    districtCode: r.lease.unit.estate.districtCode,
    estateId: r.lease.unit.estateId,
    decidedBy: r.decidedBy?.name ?? null,
  };
}

export const EXCHANGES_PAGE_SIZE = 20;

/** Exchange requests in the officer's reach, filtered by status, reason and mandatory, searched by lease or application number, tenant or estate. */
export async function listExchanges(actor: Actor, query: unknown) {
  const { q, status, reason, mandatory, page } = exchangeListQuerySchema.parse(query ?? {});
  const scope = scopeWhere(actor, "lease:manage", "Lease");
  if (scope === NOTHING) return { rows: [] as StaffExchangeView[], total: 0, page: 1, pageCount: 1 };
  const where: Prisma.ExchangeRequestWhereInput = {
    AND: [
      { lease: scope },
      status ? { status } : {},
      reason ? { reason } : {},
      mandatory ? { isMandatory: true } : {},
      q
        ? /^ZL-/i.test(q)
          ? { lease: { leaseNo: q.toUpperCase() } }
          : /^GZF-/i.test(q)
            ? { lease: { application: { applicationNo: q.toUpperCase() } } }
            : { OR: [{ lease: { application: { applicantName: { startsWith: q } } } }, { lease: { unit: { estate: { name: { contains: q } } } } }] }
        : {},
    ],
  };
  const result = await readPage(
    page,
    EXCHANGES_PAGE_SIZE,
    () => prisma.exchangeRequest.count({ where }),
    ({ skip, take }) => prisma.exchangeRequest.findMany({ where, select: staffSelect, orderBy: [{ submittedAt: "desc" }, { id: "desc" }], skip, take }),
    { narrow: Boolean(q) },
  );
  return { ...result, rows: await Promise.all(result.rows.map(staffView)) };
}

/** One request for an officer of its district; outside the reach, null ("not found"). */
export async function getExchange(actor: Actor, requestId: string): Promise<StaffExchangeView | null> {
  if (requestId.length > 64) return null;
  const scope = scopeWhere(actor, "lease:manage", "Lease");
  if (scope === NOTHING) return null;
  const row = await prisma.exchangeRequest.findFirst({ where: { id: requestId, lease: scope }, select: staffSelect });
  return row ? staffView(row) : null;
}

/** The requests on one lease for the officers (the caller has checked the reach). */
export async function staffLeaseExchanges(leaseId: string): Promise<StaffExchangeView[]> {
  const rows = await prisma.exchangeRequest.findMany({ where: { leaseId }, select: staffSelect, orderBy: { submittedAt: "desc" }, take: 20 });
  return Promise.all(rows.map(staffView));
}

/** Whether the officer may open a mandatory exchange on this lease now (the lease page's button). */
export async function mandatoryExchangeOpenable(leaseId: string, at: Date = clockNow()): Promise<boolean> {
  const lease = await prisma.lease.findUnique({ where: { id: leaseId }, select: { ...tenantLeaseSelect, exchangeRequests: { where: { status: { in: [...OPEN_EXCHANGE_STATUSES] } }, select: { id: true }, take: 1 } } });
  return Boolean(lease && lease.exchangeRequests.length === 0 && mandatoryExchangeDue(lease, todayCST(at)));
}

/** The active estates of a district (the approval's choice of exchange list). */
export async function districtEstates(districtCode: string): Promise<Array<{ id: string; name: string }>> {
  return prisma.estate.findMany({ where: { districtCode, isActive: true }, select: { id: true, name: true }, orderBy: { code: "asc" }, take: 200 });
}

/** For an exchange lease awaiting the countersignature: the lease it replaces (the staff lease page). */
export async function exchangeReplaced(leaseId: string): Promise<{ leaseNo: string; unitLabel: string; startDate: ISODate } | null> {
  const lease = await prisma.lease.findUnique({
    where: { id: leaseId },
    select: { origin: true, previousLease: { select: { leaseNo: true, startDate: true, unit: { select: { unitNo: true, building: { select: { name: true } }, estate: { select: { name: true } } } } } } },
  });
  if (!lease || lease.origin !== "EXCHANGE" || !lease.previousLease) return null;
  const p = lease.previousLease;
  return { leaseNo: p.leaseNo, unitLabel: `${p.unit.estate.name} ${p.unit.building.name}${p.unit.unitNo}`, startDate: fromDateColumn(p.startDate) };
}

