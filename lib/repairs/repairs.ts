import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { LIVING_LEASE_STATUSES } from "@/lib/db/application-status";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { nextSequenceValue } from "@/lib/db/sequence";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { Prisma, RepairStatus } from "@/lib/generated/prisma/client";
import { enqueueNotification } from "@/lib/notifications/outbox";
import { parseInput } from "@/lib/allocation/inputs";
import { addDays } from "@/lib/rules/dates";
import type { ISODate } from "@/lib/rules/types";
import { REPAIR_CONFIRM_DAYS, isRepairOverdue, repairResponseDueDate, repairResponsibility } from "./repair-rules";
import {
  MAX_REPAIR_PHOTOS,
  assignRepairSchema,
  cancelRepairSchema,
  completeRepairSchema,
  repairListQuerySchema,
  repairStepSchema,
  submitRepairSchema,
  type AssignRepairInput,
  type CancelRepairInput,
  type CompleteRepairInput,
  type RepairStepInput,
  type SubmitRepairInput,
} from "./schemas";

// Repair requests tracked to completion (Art. 35). A tenant files one for the home of the lease in
// force, with photos; an officer of the estate's district sends a team, marks the work started and
// completed; the tenant confirms (or, after REPAIR_CONFIRM_DAYS without an answer, it closes by
// itself); the tenant may cancel before anyone is sent. Every step is a conditional update whose
// count is checked, so two officers completing at once make one completion. The officers' note
// never leaves the staff pages.

type Tx = Prisma.TransactionClient;

/** The tenant lives in the home once the lease is in force (a subset of OCCUPYING_LEASE_STATUSES). */
export const REPAIRABLE_LEASE_STATUSES = LIVING_LEASE_STATUSES;
/** Requests someone still has to act on (an officer, or the tenant confirming). */
export const WAITING_REPAIR_STATUSES = ["OPEN", "ASSIGNED", "IN_PROGRESS"] as const satisfies readonly RepairStatus[];

export function isRequestNo(value: string): boolean {
  return /^BX-\d{6}-\d{4}-\d{6}$/.test(value);
}

export function repairRequestNo(districtCode: string, year: string, sequence: number): string {
  return `BX-${districtCode}-${year}-${String(sequence).padStart(6, "0")}`;
}

/** The photos the tenant has uploaded for a request not filed yet. */
export function pendingPhotosWhere(actorId: string, leaseId: string): Prisma.DocumentWhereInput {
  return { kind: "REPAIR_PHOTO", uploadedById: actorId, leaseId, repairRequestId: null };
}

/** The actor's lease in force (their home), or null. */
export async function repairableLeaseOf(actor: Actor, db: Tx | typeof prisma = prisma) {
  const scope = scopeWhere(actor, "repair:request", "Lease", { personal: true });
  if (scope === NOTHING) return null;
  return db.lease.findFirst({
    where: { AND: [scope, { status: { in: [...REPAIRABLE_LEASE_STATUSES] } }] },
    select: {
      id: true,
      leaseNo: true,
      applicationId: true,
      tenantUserId: true,
      unitId: true,
      tenantUser: { select: { phone: true } },
      unit: { select: { unitNo: true, building: { select: { name: true } }, estate: { select: { id: true, name: true, districtCode: true } } } },
    },
    orderBy: { createdAt: "desc" },
  });
}

function repairProblem(status: RepairStatus): AppError {
  return new AppError("CONFLICT", { messageKey: `repairs.errors.statusIs.${status}` });
}

/** The tenant files a request for the home (Art. 35); the same form twice files it once. */
export async function submitRepairRequest(actor: Actor, input: SubmitRepairInput, options: { now?: Date } = {}): Promise<{ requestId: string; requestNo: string }> {
  assertCan(actor, "repair:request");
  const data = parseInput(submitRepairSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const again = await prisma.repairRequest.findUnique({ where: { reportedById_formKey: { reportedById: actor.id, formKey: data.formKey } }, select: { id: true, requestNo: true } });
  if (again) return { requestId: again.id, requestNo: again.requestNo };
  const lease = await repairableLeaseOf(actor);
  if (!lease) throw new AppError("CONFLICT", { messageKey: "repairs.errors.noLease" });
  const districtCode = lease.unit.estate.districtCode;
  const dueDate = repairResponseDueDate({ category: data.category, urgency: data.urgency, reportedOn: today });
  try {
    return await prisma.$transaction(async (tx) => {
      // One request at a time per lease, so that the photos are attached to one of them.
      await tx.$queryRaw`SELECT "id" FROM "Lease" WHERE "id" = ${lease.id} FOR UPDATE`;
      const photos = await tx.document.findMany({ where: pendingPhotosWhere(actor.id, lease.id), select: { id: true }, orderBy: { uploadedAt: "asc" } });
      if (photos.length > MAX_REPAIR_PHOTOS) throw new AppError("VALIDATION", { messageKey: "repairs.errors.tooManyPhotos", values: { max: MAX_REPAIR_PHOTOS } });
      const no = repairRequestNo(districtCode, today.slice(0, 4), await nextSequenceValue(tx, `repair:${districtCode}:${today.slice(0, 4)}`));
      const created = await tx.repairRequest.create({
        data: {
          requestNo: no,
          estateId: lease.unit.estate.id,
          unitId: lease.unitId,
          leaseId: lease.id,
          reportedById: actor.id,
          category: data.category,
          urgency: data.urgency,
          responsibility: repairResponsibility(data.category),
          description: data.description,
          preferredVisit: data.preferredVisit ?? null,
          formKey: data.formKey,
          reportedAt: at,
          dueDate: dateColumn(dueDate),
        },
        select: { id: true, requestNo: true },
      });
      if (photos.length > 0) await tx.document.updateMany({ where: { id: { in: photos.map((p) => p.id) }, repairRequestId: null }, data: { repairRequestId: created.id } });
      await writeAudit(
        {
          actorId: actor.id, actorRole: actor.role, action: "repair.submit", entityType: "RepairRequest", entityId: created.id, districtCode,
          data: { requestNo: no, leaseId: lease.id, category: data.category, urgency: data.urgency, dueDate, photos: photos.length },
        },
        tx,
      );
      return { requestId: created.id, requestNo: created.requestNo };
    });
  } catch (error) {
    // The same form sent twice at once: the first filed it.
    if (isUniqueViolation(error, "formKey")) {
      const first = await prisma.repairRequest.findUnique({ where: { reportedById_formKey: { reportedById: actor.id, formKey: data.formKey } }, select: { id: true, requestNo: true } });
      if (first) return { requestId: first.id, requestNo: first.requestNo };
    }
    throw error;
  }
}

const stepSelect = {
  id: true,
  requestNo: true,
  status: true,
  leaseId: true,
  reportedById: true,
  completedAt: true,
  lease: { select: { tenantUserId: true, applicationId: true, tenantUser: { select: { phone: true } } } },
  estate: { select: { districtCode: true, name: true } },
} satisfies Prisma.RepairRequestSelect;
type StepRow = Prisma.RepairRequestGetPayload<{ select: typeof stepSelect }>;

async function loadForOfficer(actor: Actor, requestId: string): Promise<StepRow> {
  const row = await prisma.repairRequest.findUnique({ where: { id: requestId }, select: stepSelect });
  if (!row) throw new AppError("NOT_FOUND");
  assertCan(actor, "repair:manage", { districtCode: row.estate.districtCode });
  return row;
}

async function loadForTenant(actor: Actor, requestId: string): Promise<StepRow> {
  const row = await prisma.repairRequest.findUnique({ where: { id: requestId }, select: stepSelect });
  // Someone else's request is "not found", as if it did not exist.
  if (!row || !row.lease || !can(actor, "repair:request", { ownerId: row.lease.tenantUserId })) throw new AppError("NOT_FOUND");
  return row;
}

/** The conditional update of one step: from the statuses given to the next, or the current status as the error. */
async function move(tx: Tx, id: string, from: readonly RepairStatus[], data: Prisma.RepairRequestUncheckedUpdateManyInput & { status: RepairStatus }): Promise<void> {
  const moved = await tx.repairRequest.updateMany({ where: { id, status: { in: [...from] } }, data });
  if (moved.count !== 1) throw repairProblem((await tx.repairRequest.findUniqueOrThrow({ where: { id }, select: { status: true } })).status);
}

/** Tells the tenant in the portal and by SMS; the parameters never carry the officers' note. */
async function notifyTenant(tx: Tx, row: StepRow, templateKey: string, params: Record<string, string>, at: Date): Promise<void> {
  if (!row.lease || !row.leaseId) return;
  const common = { templateKey, params, recipientUserId: row.lease.tenantUserId, applicationId: row.lease.applicationId, leaseId: row.leaseId, at };
  await enqueueNotification(tx, { ...common, channel: "IN_APP", dedupeKey: `repair:${row.id}:${templateKey}:in-app` });
  if (row.lease.tenantUser?.phone) await enqueueNotification(tx, { ...common, channel: "SMS", recipientPhone: row.lease.tenantUser.phone, dedupeKey: `repair:${row.id}:${templateKey}:sms` });
}

function audit(tx: Tx, actor: Actor, row: StepRow, action: string, data: Prisma.InputJsonValue) {
  return writeAudit({ actorId: actor.id, actorRole: actor.role, action, entityType: "RepairRequest", entityId: row.id, districtCode: row.estate.districtCode, data }, tx);
}

/** An officer of the district sends a repair team or person (open → assigned; reassigning keeps it assigned). */
export async function assignRepair(actor: Actor, input: AssignRepairInput, options: { now?: Date } = {}): Promise<{ requestId: string }> {
  const { requestId, assignee, internalNote } = parseInput(assignRepairSchema, input);
  const at = options.now ?? clockNow();
  const row = await loadForOfficer(actor, requestId);
  await prisma.$transaction(async (tx) => {
    await move(tx, requestId, ["OPEN", "ASSIGNED"], { status: "ASSIGNED", assignee, assignedAt: at, assignedById: actor.id, ...(internalNote ? { internalNote } : {}) });
    await audit(tx, actor, row, "repair.assign", { requestNo: row.requestNo, assignee, from: row.status });
    await notifyTenant(tx, row, "repairs.assigned", { requestNo: row.requestNo, assignee }, at);
  });
  return { requestId };
}

/** The team has begun (assigned → in progress). */
export async function startRepair(actor: Actor, input: RepairStepInput, options: { now?: Date } = {}): Promise<{ requestId: string }> {
  const { requestId } = parseInput(repairStepSchema, input);
  const at = options.now ?? clockNow();
  const row = await loadForOfficer(actor, requestId);
  await prisma.$transaction(async (tx) => {
    await move(tx, requestId, ["ASSIGNED"], { status: "IN_PROGRESS", startedAt: at });
    await audit(tx, actor, row, "repair.start", { requestNo: row.requestNo });
  });
  return { requestId };
}

/** The work is done, with what was done (assigned or in progress → completed). */
export async function completeRepair(actor: Actor, input: CompleteRepairInput, options: { now?: Date } = {}): Promise<{ requestId: string }> {
  const { requestId, resolution, internalNote } = parseInput(completeRepairSchema, input);
  const at = options.now ?? clockNow();
  const row = await loadForOfficer(actor, requestId);
  await prisma.$transaction(async (tx) => {
    await move(tx, requestId, ["ASSIGNED", "IN_PROGRESS"], { status: "COMPLETED", completedAt: at, completedById: actor.id, resolution, ...(internalNote ? { internalNote } : {}) });
    await audit(tx, actor, row, "repair.complete", { requestNo: row.requestNo });
    await notifyTenant(tx, row, "repairs.completed", { requestNo: row.requestNo, days: String(REPAIR_CONFIRM_DAYS) }, at);
  });
  return { requestId };
}

/** The tenant confirms the work was done (completed → closed). */
export async function confirmRepair(actor: Actor, input: RepairStepInput, options: { now?: Date } = {}): Promise<{ requestId: string; requestNo: string }> {
  const { requestId } = parseInput(repairStepSchema, input);
  const at = options.now ?? clockNow();
  const row = await loadForTenant(actor, requestId);
  await prisma.$transaction(async (tx) => {
    await move(tx, requestId, ["COMPLETED"], { status: "CLOSED", tenantConfirmedAt: at, closedAt: at });
    await audit(tx, actor, row, "repair.confirm", { requestNo: row.requestNo });
  });
  return { requestId, requestNo: row.requestNo };
}

/** The tenant withdraws a request before anyone is sent (open → cancelled). */
export async function cancelRepair(actor: Actor, input: CancelRepairInput, options: { now?: Date } = {}): Promise<{ requestId: string; requestNo: string }> {
  const { requestId, reason } = parseInput(cancelRepairSchema, input);
  const at = options.now ?? clockNow();
  const row = await loadForTenant(actor, requestId);
  // What an inspection raised is the officers' to withdraw, not the tenant's.
  if (row.reportedById !== actor.id) throw new AppError("CONFLICT", { messageKey: "repairs.errors.notYours" });
  await prisma.$transaction(async (tx) => {
    await move(tx, requestId, ["OPEN"], { status: "CANCELLED", cancelledAt: at, cancelReason: reason ?? null });
    await audit(tx, actor, row, "repair.cancel", { requestNo: row.requestNo });
  });
  return { requestId, requestNo: row.requestNo };
}

/** Completed requests the tenant has not answered within REPAIR_CONFIRM_DAYS close by themselves (a job; idempotent). */
export async function closeUnconfirmedRepairs(now: Date = clockNow()): Promise<{ closed: number }> {
  const before = new Date(now.getTime() - REPAIR_CONFIRM_DAYS * 24 * 60 * 60 * 1000);
  const due = await prisma.repairRequest.findMany({ where: { status: "COMPLETED", completedAt: { lt: before } }, select: { id: true, requestNo: true, estate: { select: { districtCode: true } } }, take: 500 });
  let closed = 0;
  for (const r of due) {
    await prisma.$transaction(async (tx) => {
      const moved = await tx.repairRequest.updateMany({ where: { id: r.id, status: "COMPLETED" }, data: { status: "CLOSED", closedAt: now } });
      if (moved.count !== 1) return;
      closed++;
      await writeAudit({ action: "repair.autoClose", entityType: "RepairRequest", entityId: r.id, districtCode: r.estate.districtCode, data: { requestNo: r.requestNo, afterDays: REPAIR_CONFIRM_DAYS } }, tx);
    });
  }
  return { closed };
}

// ───────────── reading ─────────────

const viewSelect = {
  id: true,
  requestNo: true,
  status: true,
  category: true,
  urgency: true,
  responsibility: true,
  description: true,
  preferredVisit: true,
  assignee: true,
  reportedAt: true,
  dueDate: true,
  assignedAt: true,
  startedAt: true,
  completedAt: true,
  resolution: true,
  tenantConfirmedAt: true,
  closedAt: true,
  cancelledAt: true,
  cancelReason: true,
  lease: { select: { leaseNo: true, application: { select: { applicantName: true } } } },
  inspectionId: true,
  unit: { select: { unitNo: true, building: { select: { name: true } } } },
  estate: { select: { name: true, districtCode: true } },
  documents: { select: { id: true, fileName: true, sizeBytes: true }, orderBy: { uploadedAt: "asc" } },
} satisfies Prisma.RepairRequestSelect;
type ViewRow = Prisma.RepairRequestGetPayload<{ select: typeof viewSelect }>;

/** A request as the tenant sees it: no officer's note, no officer's name. */
export interface RepairView {
  id: string;
  requestNo: string;
  status: RepairStatus;
  category: ViewRow["category"];
  urgency: ViewRow["urgency"];
  responsibility: ViewRow["responsibility"];
  description: string;
  preferredVisit: string | null;
  assignee: string | null;
  reportedAt: Date;
  dueDate: ISODate | null;
  isOverdue: boolean;
  assignedAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  resolution: string | null;
  tenantConfirmedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  /** The day it closes by itself if the tenant does not answer (completed requests). */
  autoCloseOn: ISODate | null;
  /** The estate and the home, or the estate alone (common parts). */
  unitLabel: string;
  districtCode: string;
  /** Raised by an officer's inspection rather than reported by the tenant. */
  fromInspection: boolean;
  leaseNo: string | null;
  tenantName: string | null;
  photos: { id: string; fileName: string; sizeBytes: number }[];
}

/** What the officers see besides. */
export interface StaffRepairView extends RepairView {
  internalNote: string | null;
  assignedBy: string | null;
  completedBy: string | null;
}

function repairView(row: ViewRow, today: ISODate): RepairView {
  const dueDate = row.dueDate ? fromDateColumn(row.dueDate) : null;
  return {
    id: row.id,
    requestNo: row.requestNo,
    status: row.status,
    category: row.category,
    urgency: row.urgency,
    responsibility: row.responsibility,
    description: row.description,
    preferredVisit: row.preferredVisit,
    assignee: row.assignee,
    reportedAt: row.reportedAt,
    dueDate,
    isOverdue: isRepairOverdue({ status: row.status, dueDate, today }),
    assignedAt: row.assignedAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    resolution: row.resolution,
    tenantConfirmedAt: row.tenantConfirmedAt,
    closedAt: row.closedAt,
    cancelledAt: row.cancelledAt,
    cancelReason: row.cancelReason,
    autoCloseOn: row.status === "COMPLETED" && row.completedAt ? addDays(todayCST(row.completedAt), REPAIR_CONFIRM_DAYS) : null,
    unitLabel: row.unit ? `${row.estate.name} ${row.unit.building.name}${row.unit.unitNo}` : row.estate.name,
    districtCode: row.estate.districtCode,
    fromInspection: row.inspectionId !== null,
    leaseNo: row.lease?.leaseNo ?? null,
    tenantName: row.lease?.application.applicantName ?? null,
    photos: row.documents,
  };
}

/** The tenant's own requests, newest first. */
export async function listMyRepairs(actor: Actor, options: { now?: Date; take?: number } = {}): Promise<RepairView[]> {
  const scope = scopeWhere(actor, "repair:request", "RepairRequest", { personal: true });
  if (scope === NOTHING) return [];
  const today = todayCST(options.now ?? clockNow());
  const rows = await prisma.repairRequest.findMany({ where: scope, select: viewSelect, orderBy: [{ reportedAt: "desc" }, { id: "desc" }], take: options.take ?? 50 });
  return rows.map((r) => repairView(r, today));
}

/** One of the tenant's own requests by number; anyone else's is null. */
export async function getMyRepair(actor: Actor, no: string, options: { now?: Date } = {}): Promise<RepairView | null> {
  if (!isRequestNo(no)) return null;
  const scope = scopeWhere(actor, "repair:request", "RepairRequest", { personal: true });
  if (scope === NOTHING) return null;
  const row = await prisma.repairRequest.findFirst({ where: { AND: [scope, { requestNo: no }] }, select: viewSelect });
  return row ? repairView(row, todayCST(options.now ?? clockNow())) : null;
}

/** The photos the tenant has uploaded for the request being written. */
export async function listPendingRepairPhotos(actor: Actor): Promise<{ id: string; fileName: string; sizeBytes: number }[]> {
  const lease = await repairableLeaseOf(actor);
  if (!lease) return [];
  return prisma.document.findMany({ where: pendingPhotosWhere(actor.id, lease.id), select: { id: true, fileName: true, sizeBytes: true }, orderBy: { uploadedAt: "asc" } });
}

const staffSelect = { ...viewSelect, internalNote: true, assignedBy: { select: { name: true } }, completedBy: { select: { name: true } } } satisfies Prisma.RepairRequestSelect;

/** One request in the officer's reach, with the officers' note; outside it, null. */
export async function getRepairForStaff(actor: Actor, no: string, options: { now?: Date } = {}): Promise<StaffRepairView | null> {
  if (!isRequestNo(no)) return null;
  const scope = scopeWhere(actor, "repair:manage", "RepairRequest");
  if (scope === NOTHING) return null;
  const row = await prisma.repairRequest.findFirst({ where: { AND: [scope, { requestNo: no }] }, select: staffSelect });
  if (!row) return null;
  return { ...repairView(row, todayCST(options.now ?? clockNow())), internalNote: row.internalNote, assignedBy: row.assignedBy?.name ?? null, completedBy: row.completedBy?.name ?? null };
}

export const REPAIRS_PAGE_SIZE = 20;

/** Requests in the officer's reach: searched by number, tenant or estate; filtered by status, category, overdue. */
export async function listRepairs(actor: Actor, query: unknown, options: { now?: Date } = {}) {
  const { q, status, category, overdue, page } = repairListQuerySchema.parse(query ?? {});
  const scope = scopeWhere(actor, "repair:manage", "RepairRequest");
  if (scope === NOTHING) return { rows: [] as RepairView[], total: 0, page: 1, pageCount: 1 };
  const today = todayCST(options.now ?? clockNow());
  const where: Prisma.RepairRequestWhereInput = {
    AND: [
      scope,
      status ? { status } : {},
      category ? { category } : {},
      overdue ? { status: { in: [...WAITING_REPAIR_STATUSES] }, dueDate: { lt: dateColumn(today) } } : {},
      q
        ? /^BX-/i.test(q)
          ? { requestNo: q.toUpperCase() }
          : { OR: [{ lease: { application: { applicantName: { startsWith: q } } } }, { estate: { name: { contains: q } } }] }
        : {},
    ],
  };
  const result = await readPage(
    page,
    REPAIRS_PAGE_SIZE,
    () => prisma.repairRequest.count({ where }),
    // The most urgent first: the earliest deadline among those still waiting, then the newest.
    ({ skip, take }) => prisma.repairRequest.findMany({ where, select: viewSelect, orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { reportedAt: "desc" }, { id: "desc" }], skip, take }),
    { narrow: Boolean(q) },
  );
  return { ...result, rows: result.rows.map((r) => repairView(r, today)) };
}
