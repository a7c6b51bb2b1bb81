import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { nextSequenceValue } from "@/lib/db/sequence";
import { AppError } from "@/lib/errors";
import type { InspectionMethod, InspectionStatus, Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/allocation/inputs";
import { addDays } from "@/lib/rules/dates";
import type { ISODate } from "@/lib/rules/types";
import { inspectionListQuerySchema, inspectionStepSchema, recordInspectionSchema, scheduleInspectionSchema, type RecordInspectionInput, type ScheduleInspectionInput } from "./inspection-schemas";
import { repairResponseDueDate, repairResponsibility } from "./repair-rules";
import { REPAIRABLE_LEASE_STATUSES, repairRequestNo } from "./repairs";

// Inspections (Art. 35, 43). An officer of the estate's district schedules a patrol of the common
// parts or a check of use (a home visit, a joint check, …) for a day, and records what was found;
// what needs repairing becomes a repair request at once ("对巡查发现的问题及时组织维修"), tracked like
// a tenant's. Recording is a conditional update (SCHEDULED → DONE), so a form sent twice records once
// and raises one repair. Findings are the officers' own: the tenant's pages never show them.

/** How far ahead an inspection may be scheduled. */
const MAX_DAYS_AHEAD = 366;

function kindOf(method: InspectionMethod) {
  return method === "PATROL" ? ("COMMON_PARTS" as const) : ("USE_CHECK" as const);
}

/** Schedules an inspection of an estate in the officer's district (a home visit names the lease). */
export async function scheduleInspection(actor: Actor, input: ScheduleInspectionInput, options: { now?: Date } = {}): Promise<{ inspectionId: string }> {
  const { estateId, method, scheduledOn, leaseNo } = parseInput(scheduleInspectionSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const estate = await prisma.estate.findUnique({ where: { id: estateId }, select: { id: true, districtCode: true } });
  if (!estate) throw new AppError("NOT_FOUND");
  assertCan(actor, "inspection:manage", { districtCode: estate.districtCode });
  if (scheduledOn < today) throw new AppError("VALIDATION", { fieldErrors: { scheduledOn: ["inspections.validation.scheduledOnPast"] } });
  if (scheduledOn > addDays(today, MAX_DAYS_AHEAD)) throw new AppError("VALIDATION", { fieldErrors: { scheduledOn: ["inspections.validation.scheduledOnTooLate"] } });
  let unitId: string | null = null;
  if (method === "HOME_VISIT" && !leaseNo) throw new AppError("VALIDATION", { fieldErrors: { leaseNo: ["inspections.validation.leaseNoRequired"] } });
  if (leaseNo) {
    const lease = await prisma.lease.findUnique({ where: { leaseNo }, select: { unitId: true, status: true, unit: { select: { estateId: true } } } });
    if (!lease || lease.unit.estateId !== estate.id || !(REPAIRABLE_LEASE_STATUSES as readonly string[]).includes(lease.status)) {
      throw new AppError("VALIDATION", { fieldErrors: { leaseNo: ["inspections.validation.leaseNoNotHere"] } });
    }
    unitId = lease.unitId;
  }
  return prisma.$transaction(async (tx) => {
    const created = await tx.inspection.create({
      data: { estateId: estate.id, unitId, kind: kindOf(method), method, inspectorId: actor.id, scheduledOn: dateColumn(scheduledOn), status: "SCHEDULED", createdAt: at },
      select: { id: true },
    });
    await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "inspection.schedule", entityType: "Inspection", entityId: created.id, districtCode: estate.districtCode, data: { estateId, method, scheduledOn, unitId } }, tx);
    return { inspectionId: created.id };
  });
}

async function loadForOfficer(actor: Actor, inspectionId: string) {
  const row = await prisma.inspection.findUnique({
    where: { id: inspectionId },
    select: { id: true, status: true, unitId: true, estateId: true, estate: { select: { districtCode: true } }, scheduledOn: true },
  });
  if (!row) throw new AppError("NOT_FOUND");
  assertCan(actor, "inspection:manage", { districtCode: row.estate.districtCode });
  return row;
}

function inspectionProblem(status: InspectionStatus): AppError {
  return new AppError("CONFLICT", { messageKey: `inspections.errors.statusIs.${status}` });
}

/** Records what was found (SCHEDULED → DONE), raising a repair request for it when asked. */
export async function recordInspection(actor: Actor, input: RecordInspectionInput, options: { now?: Date } = {}): Promise<{ inspectionId: string; repairRequestNo: string | null }> {
  const data = parseInput(recordInspectionSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const row = await loadForOfficer(actor, data.inspectionId);
  if (data.inspectedOn > today) throw new AppError("VALIDATION", { fieldErrors: { inspectedOn: ["inspections.validation.inspectedOnFuture"] } });
  // Without a home, a repair can only be of the common parts.
  if (data.raiseRepair && !row.unitId && data.repairCategory !== "COMMON_PARTS") {
    throw new AppError("VALIDATION", { fieldErrors: { repairCategory: ["inspections.validation.commonPartsOnly"] } });
  }
  const districtCode = row.estate.districtCode;
  return prisma.$transaction(async (tx) => {
    const done = await tx.inspection.updateMany({
      where: { id: row.id, status: "SCHEDULED" },
      data: { status: "DONE", inspectedOn: dateColumn(data.inspectedOn), findings: data.findings, hasIssues: data.hasIssues || data.raiseRepair, recordedAt: at, recordedById: actor.id },
    });
    if (done.count !== 1) throw inspectionProblem((await tx.inspection.findUniqueOrThrow({ where: { id: row.id }, select: { status: true } })).status);
    let no: string | null = null;
    if (data.raiseRepair && data.repairCategory && data.repairDescription) {
      // A home's repair goes with the lease in force there, so that its tenant follows it too.
      const lease = row.unitId ? await tx.lease.findFirst({ where: { unitId: row.unitId, status: { in: [...REPAIRABLE_LEASE_STATUSES] } }, select: { id: true } }) : null;
      no = repairRequestNo(districtCode, today.slice(0, 4), await nextSequenceValue(tx, `repair:${districtCode}:${today.slice(0, 4)}`));
      const repair = await tx.repairRequest.create({
        data: {
          requestNo: no,
          estateId: row.estateId,
          unitId: row.unitId,
          leaseId: lease?.id ?? null,
          inspectionId: row.id,
          reportedById: actor.id,
          category: data.repairCategory,
          responsibility: repairResponsibility(data.repairCategory),
          description: data.repairDescription,
          reportedAt: at,
          dueDate: dateColumn(repairResponseDueDate({ category: data.repairCategory, urgency: "NORMAL", reportedOn: today })),
        },
        select: { id: true },
      });
      await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "repair.raise", entityType: "RepairRequest", entityId: repair.id, districtCode, data: { requestNo: no, inspectionId: row.id, category: data.repairCategory } }, tx);
    }
    await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "inspection.record", entityType: "Inspection", entityId: row.id, districtCode, data: { inspectedOn: data.inspectedOn, hasIssues: data.hasIssues || data.raiseRepair, repairRequestNo: no } }, tx);
    return { inspectionId: row.id, repairRequestNo: no };
  });
}

/** Calls off a scheduled inspection (SCHEDULED → CANCELLED). */
export async function cancelInspection(actor: Actor, input: { inspectionId: string }, options: { now?: Date } = {}): Promise<{ inspectionId: string }> {
  const { inspectionId } = parseInput(inspectionStepSchema, input);
  const row = await loadForOfficer(actor, inspectionId);
  await prisma.$transaction(async (tx) => {
    const moved = await tx.inspection.updateMany({ where: { id: row.id, status: "SCHEDULED" }, data: { status: "CANCELLED", recordedAt: options.now ?? clockNow(), recordedById: actor.id } });
    if (moved.count !== 1) throw inspectionProblem((await tx.inspection.findUniqueOrThrow({ where: { id: row.id }, select: { status: true } })).status);
    await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "inspection.cancel", entityType: "Inspection", entityId: row.id, districtCode: row.estate.districtCode }, tx);
  });
  return { inspectionId };
}

// ───────────── reading ─────────────

const inspectionSelect = {
  id: true,
  status: true,
  kind: true,
  method: true,
  scheduledOn: true,
  inspectedOn: true,
  findings: true,
  hasIssues: true,
  recordedAt: true,
  estate: { select: { name: true, districtCode: true } },
  unit: { select: { unitNo: true, building: { select: { name: true } } } },
  inspector: { select: { name: true } },
  recordedBy: { select: { name: true } },
  repairRequests: { select: { requestNo: true, status: true }, orderBy: { reportedAt: "asc" } },
} satisfies Prisma.InspectionSelect;
type InspectionRow = Prisma.InspectionGetPayload<{ select: typeof inspectionSelect }>;

export interface InspectionView {
  id: string;
  status: InspectionStatus;
  method: InspectionMethod;
  scheduledOn: ISODate | null;
  inspectedOn: ISODate | null;
  findings: string | null;
  hasIssues: boolean;
  recordedAt: Date | null;
  place: string;
  /** A home visited (else an estate's common parts). */
  hasHome: boolean;
  districtCode: string;
  inspector: string | null;
  recordedBy: string | null;
  isLate: boolean;
  repairs: { requestNo: string; status: string }[];
}

function inspectionView(row: InspectionRow, today: ISODate): InspectionView {
  const scheduledOn = row.scheduledOn ? fromDateColumn(row.scheduledOn) : null;
  return {
    id: row.id,
    status: row.status,
    method: row.method,
    scheduledOn,
    inspectedOn: row.inspectedOn ? fromDateColumn(row.inspectedOn) : null,
    findings: row.findings,
    hasIssues: row.hasIssues,
    recordedAt: row.recordedAt,
    place: row.unit ? `${row.estate.name} ${row.unit.building.name}${row.unit.unitNo}` : row.estate.name,
    hasHome: row.unit !== null,
    districtCode: row.estate.districtCode,
    inspector: row.inspector.name,
    recordedBy: row.recordedBy?.name ?? null,
    isLate: row.status === "SCHEDULED" && scheduledOn !== null && scheduledOn < today,
    repairs: row.repairRequests,
  };
}

export const INSPECTIONS_PAGE_SIZE = 20;

/** Inspections in the officer's reach: the scheduled ones by day first, then the newest. */
export async function listInspections(actor: Actor, query: unknown, options: { now?: Date } = {}) {
  const { status, page } = inspectionListQuerySchema.parse(query ?? {});
  const scope = scopeWhere(actor, "inspection:manage", "Inspection");
  if (scope === NOTHING) return { rows: [] as InspectionView[], total: 0, page: 1, pageCount: 1 };
  const today = todayCST(options.now ?? clockNow());
  const where: Prisma.InspectionWhereInput = { AND: [scope, status ? { status } : {}] };
  const result = await readPage(
    page,
    INSPECTIONS_PAGE_SIZE,
    () => prisma.inspection.count({ where }),
    ({ skip, take }) => prisma.inspection.findMany({ where, select: inspectionSelect, orderBy: [{ status: "asc" }, { scheduledOn: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }], skip, take }),
  );
  return { ...result, rows: result.rows.map((r) => inspectionView(r, today)) };
}

/** One inspection in the officer's reach, or null. */
export async function getInspection(actor: Actor, inspectionId: string, options: { now?: Date } = {}): Promise<InspectionView | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(inspectionId)) return null;
  const scope = scopeWhere(actor, "inspection:manage", "Inspection");
  if (scope === NOTHING) return null;
  const row = await prisma.inspection.findFirst({ where: { AND: [scope, { id: inspectionId }] }, select: inspectionSelect });
  return row ? inspectionView(row, todayCST(options.now ?? clockNow())) : null;
}

/** The estates an officer may schedule inspections in, by name. */
export async function inspectableEstates(actor: Actor): Promise<{ id: string; name: string }[]> {
  const scope = scopeWhere(actor, "inspection:manage", "Estate");
  if (scope === NOTHING) return [];
  return prisma.estate.findMany({ where: { AND: [scope, { isActive: true }] }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 });
}
