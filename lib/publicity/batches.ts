import "server-only";
import { transitionApplication } from "@/lib/applications/transitions";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma, PublicityStatus } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { maskName, maskResidentId, type ISODate } from "@/lib/rules";
import { applicantContact, contactSelect } from "@/lib/review/common";
import { isWithinPublicity, publicityPeriod } from "@/lib/rules/publicity";
import type { BatchListFilter, PublishBatchInput } from "./schemas";

// Publicity (公示) of applicants who passed the second review (Art. 19): an officer publishes a
// batch of their district's applicants; each goes IN_PUBLICITY for the period and is told so.

export const BATCH_PAGE_SIZE = 20;

export interface PublishableApplication {
  id: string;
  applicationNo: string;
  districtCode: string;
  districtName: string;
  applicantName: string;
  maskedResidentId: string;
  householdSize: number;
  estateLevel: "MUNICIPAL" | "DISTRICT";
  preferredUnitType: string | null;
  isPriority: boolean;
  secondReviewAt: Date | null;
}

/** Applications that passed the second review and wait for publicity, in the actor's reach. */
export async function listPublishable(actor: Actor, filter: { district?: string } = {}): Promise<PublishableApplication[]> {
  assertCan(actor, "publicity:manage");
  // The officer's district, or the city (narrowed to the district a municipal officer chose).
  const scope = scopeWhere(actor, "publicity:manage", "Application", { districtCode: filter.district });
  if (scope === NOTHING) return [];
  const rows = await prisma.application.findMany({
    where: { AND: [scope, { status: "SECOND_REVIEW_PASSED" }] },
    select: {
      id: true,
      applicationNo: true,
      districtCode: true,
      district: { select: { name: true } },
      estateLevel: true,
      preferredUnitType: true,
      isPriority: true,
      statusChangedAt: true,
      members: { where: { relationship: "APPLICANT" }, select: { name: true, residentId: true }, take: 1 },
      _count: { select: { members: true } },
    },
    orderBy: [{ districtCode: "asc" }, { statusChangedAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((r) => ({
    id: r.id,
    applicationNo: r.applicationNo,
    districtCode: r.districtCode,
    districtName: r.district.name,
    applicantName: r.members[0]?.name ?? "",
    maskedResidentId: r.members[0] ? maskResidentId(r.members[0].residentId) : "",
    householdSize: r._count.members,
    estateLevel: r.estateLevel,
    preferredUnitType: r.preferredUnitType,
    isPriority: r.isPriority,
    secondReviewAt: r.statusChangedAt,
  }));
}

/**
 * Publishes a batch for one district today (CST); the period counts from the next working day to
 * the 5th working day after today (lib/publicity/period.ts). Every application must be of that
 * district and awaiting publicity; all or nothing.
 */
export async function publishBatch(
  actor: Actor,
  input: PublishBatchInput,
  options: { now?: Date } = {},
): Promise<{ batchId: string; startDate: ISODate; firstDay: ISODate; endDate: ISODate; count: number }> {
  assertCan(actor, "publicity:manage", { districtCode: input.districtCode });
  const at = options.now ?? clockNow();
  const startDate = todayCST(at);
  const { firstDay, endDate } = publicityPeriod(startDate);
  const ids = [...new Set(input.applicationIds)];
  return prisma.$transaction(async (tx) => {
    const district = await tx.district.findUnique({ where: { code: input.districtCode }, select: { code: true, name: true } });
    if (!district) throw new AppError("VALIDATION", { fieldErrors: { districtCode: ["publicity.validation.districtRequired"] } });
    const apps = await tx.application.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        applicationNo: true,
        districtCode: true,
        status: true,
        ...contactSelect,
        members: { where: { relationship: "APPLICANT" }, select: { name: true, residentId: true }, take: 1 },
        _count: { select: { members: true } },
      },
    });
    if (apps.length !== ids.length || apps.some((a) => a.districtCode !== district.code || a.status !== "SECOND_REVIEW_PASSED")) {
      throw new AppError("CONFLICT", { messageKey: "publicity.errors.notPublishable" });
    }
    const batch = await tx.publicityBatch.create({
      data: {
        districtCode: district.code,
        title: input.title || `${district.name}公共租赁住房保障对象资格审核公示（${startDate}）`,
        startDate: dateColumn(startDate),
        endDate: dateColumn(endDate),
        status: "PUBLISHED",
        publishedAt: at,
        publishedById: actor.id,
      },
      select: { id: true },
    });
    for (const app of apps.sort((a, b) => a.applicationNo.localeCompare(b.applicationNo))) {
      const applicant = app.members[0];
      if (!applicant) throw new AppError("CONFLICT", { messageKey: "publicity.errors.notPublishable" });
      const entry = await tx.publicityEntry.create({
        data: {
          batchId: batch.id,
          applicationId: app.id,
          displayName: maskName(applicant.name),
          maskedResidentId: maskResidentId(applicant.residentId),
          householdSize: app._count.members,
        },
        select: { id: true },
      });
      await transitionApplication(tx, {
        applicationId: app.id,
        to: "IN_PUBLICITY",
        actor,
        at,
        action: "publicity.publish",
        data: { dueDate: dateColumn(endDate) },
        auditData: { from: app.status, to: "IN_PUBLICITY", batchId: batch.id, startDate, endDate },
      });
      await notifyApplicant(tx, {
        applicationId: app.id,
        ...applicantContact(app),
        templateKey: "publicity.published",
        // The period as counted (Art. 19): from the first working day after publication.
        params: { applicationNo: app.applicationNo, startDate: firstDay, endDate },
        dedupeKey: `publicity-entry:${entry.id}:published`,
        at,
      });
    }
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "publicity.batch.publish",
        entityType: "PublicityBatch",
        entityId: batch.id,
        districtCode: district.code,
        data: { startDate, firstDay, endDate, count: apps.length },
      },
      tx,
    );
    return { batchId: batch.id, startDate, firstDay, endDate, count: apps.length };
  });
}

export interface BatchSummary {
  id: string;
  title: string;
  districtCode: string;
  districtName: string;
  districtNameEn: string;
  /** The publication day (the `startDate` column); objections are taken from it. */
  publishedOn: ISODate;
  /** The period as counted and shown (Art. 19): the first working day after publication… */
  firstDay: ISODate;
  /** …to the 5th. */
  endDate: ISODate;
  status: PublicityStatus;
  entryCount: number;
  isOpen: boolean;
  openObjections: number;
}

const batchSummarySelect = {
  id: true,
  title: true,
  districtCode: true,
  district: { select: { name: true, nameEn: true } },
  startDate: true,
  endDate: true,
  status: true,
  _count: { select: { entries: true } },
} satisfies Prisma.PublicityBatchSelect;

function toSummary(row: Prisma.PublicityBatchGetPayload<{ select: typeof batchSummarySelect }>, today: ISODate, openObjections = 0): BatchSummary {
  const startDate = fromDateColumn(row.startDate);
  const endDate = fromDateColumn(row.endDate);
  return {
    id: row.id,
    title: row.title,
    districtCode: row.districtCode,
    districtName: row.district.name,
    districtNameEn: row.district.nameEn,
    ...publicityPeriod(startDate, endDate),
    status: row.status,
    entryCount: row._count.entries,
    isOpen: row.status === "PUBLISHED" && isWithinPublicity({ startDate, endDate }, today),
    openObjections,
  };
}

export interface BatchPage {
  items: BatchSummary[];
  total: number;
  page: number;
  pageCount: number;
}

async function pageOfBatches(where: Prisma.PublicityBatchWhereInput, page: number, now: Date, withObjections: boolean): Promise<BatchPage> {
  const total = await prisma.publicityBatch.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / BATCH_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const rows = await prisma.publicityBatch.findMany({
    where,
    select: batchSummarySelect,
    orderBy: [{ startDate: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * BATCH_PAGE_SIZE,
    take: BATCH_PAGE_SIZE,
  });
  const open = new Map<string, number>();
  if (withObjections && rows.length > 0) {
    const objections = await prisma.objection.findMany({
      where: { status: { not: "CLOSED" }, entry: { batchId: { in: rows.map((r) => r.id) } } },
      select: { entry: { select: { batchId: true } } },
    });
    for (const o of objections) open.set(o.entry.batchId, (open.get(o.entry.batchId) ?? 0) + 1);
  }
  const today = todayCST(now);
  return { items: rows.map((r) => toSummary(r, today, open.get(r.id) ?? 0)), total, page: current, pageCount };
}

/** Batches in the officer's reach, newest first, with their open objections. */
export async function listStaffBatches(actor: Actor, filter: BatchListFilter, options: { now?: Date } = {}): Promise<BatchPage> {
  assertCan(actor, "publicity:manage");
  const scope = scopeWhere(actor, "publicity:manage", "PublicityBatch", { districtCode: filter.district });
  if (scope === NOTHING) return { items: [], total: 0, page: 1, pageCount: 1 };
  return pageOfBatches(scope, filter.page ?? 1, options.now ?? clockNow(), true);
}

/** Published and closed batches for the public pages, newest first. */
export async function listPublicBatches(filter: BatchListFilter, options: { now?: Date } = {}): Promise<BatchPage> {
  const where: Prisma.PublicityBatchWhereInput = { status: { in: ["PUBLISHED", "CLOSED"] }, ...(filter.district ? { districtCode: filter.district } : {}) };
  return pageOfBatches(where, filter.page ?? 1, options.now ?? clockNow(), false);
}

export interface PublicEntry {
  id: string;
  applicationNo: string;
  displayName: string;
  maskedResidentId: string;
  householdSize: number;
  estateLevel: "MUNICIPAL" | "DISTRICT";
  unitType: string | null;
  /** Objections are taken for this entry now (in the period and still in publicity). */
  acceptsObjections: boolean;
}

export interface PublicBatch extends BatchSummary {
  entries: PublicEntry[];
}

/**
 * A batch as the public sees it: masked names and ID numbers as published, household size,
 * district, estate level and unit type; never incomes. Null unless published (or closed).
 */
export async function getPublicBatch(batchId: string, options: { now?: Date } = {}): Promise<PublicBatch | null> {
  const row = await prisma.publicityBatch.findUnique({
    where: { id: batchId },
    select: {
      ...batchSummarySelect,
      entries: {
        select: {
          id: true,
          displayName: true,
          maskedResidentId: true,
          householdSize: true,
          outcome: true,
          application: { select: { applicationNo: true, estateLevel: true, preferredUnitType: true, status: true } },
        },
        orderBy: { application: { applicationNo: "asc" } },
      },
    },
  });
  if (!row || row.status === "DRAFT") return null;
  const summary = toSummary(row, todayCST(options.now ?? clockNow()));
  return {
    ...summary,
    entries: row.entries.map((e) => ({
      id: e.id,
      applicationNo: e.application.applicationNo,
      displayName: e.displayName,
      maskedResidentId: e.maskedResidentId,
      householdSize: e.householdSize,
      estateLevel: e.application.estateLevel,
      unitType: e.application.preferredUnitType,
      acceptsObjections: summary.isOpen && e.outcome === null && e.application.status === "IN_PUBLICITY",
    })),
  };
}

export interface StaffObjection {
  id: string;
  referenceNo: string | null;
  contactName: string;
  contactPhone: string;
  content: string;
  receivedAt: Date;
  status: "RECEIVED" | "INVESTIGATING" | "CLOSED";
  outcome: "UPHELD" | "NOT_UPHELD" | null;
  outcomeNote: string | null;
  investigatorName: string | null;
  decidedAt: Date | null;
}

export interface StaffBatch extends BatchSummary {
  publishedAt: Date | null;
  publishedByName: string | null;
  closedAt: Date | null;
  entries: Array<{
    id: string;
    displayName: string;
    maskedResidentId: string;
    householdSize: number;
    outcome: "QUALIFIED" | "OBJECTION_UPHELD" | null;
    applicationNo: string;
    applicationStatus: string;
    objections: StaffObjection[];
  }>;
}

/** A batch with its entries and objections, for the officers who manage it. */
export async function getStaffBatch(actor: Actor, batchId: string, options: { now?: Date } = {}): Promise<StaffBatch | null> {
  const row = await prisma.publicityBatch.findUnique({
    where: { id: batchId },
    select: {
      ...batchSummarySelect,
      publishedAt: true,
      publishedBy: { select: { name: true } },
      closedAt: true,
      entries: {
        select: {
          id: true,
          displayName: true,
          maskedResidentId: true,
          householdSize: true,
          outcome: true,
          application: { select: { applicationNo: true, status: true } },
          objections: {
            select: {
              id: true,
              referenceNo: true,
              contactName: true,
              contactPhone: true,
              content: true,
              receivedAt: true,
              status: true,
              outcome: true,
              outcomeNote: true,
              decidedAt: true,
              investigator: { select: { name: true } },
            },
            orderBy: { receivedAt: "asc" },
          },
        },
        orderBy: { application: { applicationNo: "asc" } },
      },
    },
  });
  if (!row) return null;
  assertCan(actor, "publicity:manage", { districtCode: row.districtCode });
  const open = row.entries.reduce((n, e) => n + e.objections.filter((o) => o.status !== "CLOSED").length, 0);
  return {
    ...toSummary(row, todayCST(options.now ?? clockNow()), open),
    publishedAt: row.publishedAt,
    publishedByName: row.publishedBy?.name ?? null,
    closedAt: row.closedAt,
    entries: row.entries.map((e) => ({
      id: e.id,
      displayName: e.displayName,
      maskedResidentId: e.maskedResidentId,
      householdSize: e.householdSize,
      outcome: e.outcome,
      applicationNo: e.application.applicationNo,
      applicationStatus: e.application.status,
      objections: e.objections.map((o) => ({
        id: o.id,
        referenceNo: o.referenceNo,
        contactName: o.contactName,
        contactPhone: o.contactPhone,
        content: o.content,
        receivedAt: o.receivedAt,
        status: o.status,
        outcome: o.outcome,
        outcomeNote: o.outcomeNote,
        investigatorName: o.investigator?.name ?? null,
        decidedAt: o.decidedAt,
      })),
    })),
  };
}
