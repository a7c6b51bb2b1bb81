import "server-only";
import { transitionApplications } from "@/lib/applications/transitions";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { AppError } from "@/lib/errors";
import type { Prisma, PublicityStatus } from "@/lib/generated/prisma/client";
import { notifyApplicants } from "@/lib/notifications/outbox";
import { districtNames } from "@/lib/reference/districts";
import { maskName, type ISODate } from "@/lib/rules";
import { applicantContact, contactSelect } from "@/lib/review/common";
import { isWithinPublicity, publicityPeriod } from "@/lib/rules/publicity";
import { publicPublicityChanged } from "./public-cache";
import { MAX_BATCH_SIZE, type BatchListFilter, type PublishBatchInput } from "./schemas";

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

export const PUBLISHABLE_PAGE_SIZE = 50;

export interface PublishablePage {
  /** One page of them, longest waiting first. */
  items: PublishableApplication[];
  /** All of them in the actor's reach (a district's month can be thousands). */
  total: number;
  page: number;
  pageCount: number;
  /** When they were counted: "publish all" publishes those that were awaiting by then. */
  asOf: Date;
}

/** Applications that passed the second review and wait for publicity, in the actor's reach, a page at a time. */
export async function listPublishable(
  actor: Actor,
  filter: { district?: string; page?: number } = {},
  options: { now?: Date } = {},
): Promise<PublishablePage> {
  assertCan(actor, "publicity:manage");
  const asOf = options.now ?? clockNow();
  // The officer's district, or the city (narrowed to the district a municipal officer chose).
  const scope = scopeWhere(actor, "publicity:manage", "Application", { districtCode: filter.district });
  if (scope === NOTHING) return { items: [], total: 0, page: 1, pageCount: 1, asOf };
  const where: Prisma.ApplicationWhereInput = { AND: [scope, { status: "SECOND_REVIEW_PASSED" }, { statusChangedAt: { lte: asOf } }] };
  const select = {
    id: true,
    applicationNo: true,
    districtCode: true,
    estateLevel: true,
    preferredUnitType: true,
    isPriority: true,
    statusChangedAt: true,
    // The household summary the database keeps on the application (docs/decisions/014).
    applicantName: true,
    applicantIdMasked: true,
    householdSize: true,
  } satisfies Prisma.ApplicationSelect;
  const orderBy: Prisma.ApplicationOrderByWithRelationInput[] = [{ districtCode: "asc" }, { statusChangedAt: "asc" }, { id: "asc" }];
  const { rows, total, page, pageCount } = await readPage(
    filter.page,
    PUBLISHABLE_PAGE_SIZE,
    () => prisma.application.count({ where }),
    (window) => prisma.application.findMany({ where, select, orderBy, ...window }),
  );
  const items = rows.map((r) => ({
    id: r.id,
    applicationNo: r.applicationNo,
    districtCode: r.districtCode,
    districtName: districtNames(r.districtCode).districtName,
    applicantName: r.applicantName ?? "",
    maskedResidentId: r.applicantIdMasked ?? "",
    householdSize: r.householdSize,
    estateLevel: r.estateLevel,
    preferredUnitType: r.preferredUnitType,
    isPriority: r.isPriority,
    secondReviewAt: r.statusChangedAt,
  }));
  return { items, total, page, pageCount, asOf };
}

/**
 * Publishes a batch for one district today (CST); the period counts from the next working day to
 * the 5th working day after today (lib/publicity/period.ts). Every application must be of that
 * district and awaiting publicity; all or nothing. Either the applications chosen, or (`scope`
 * "all") every one of the district awaiting publicity that the officer was shown: those whose
 * second review passed by `asOf`, at most MAX_BATCH_SIZE, which must still be `expectedCount`.
 * A batch of 10,000 is a handful of statements: one insert per table and one status update whose
 * count is checked (lib/applications/transitions.ts transitionApplications).
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
  const result = await prisma.$transaction(
    async (tx) => {
      const district = await tx.district.findUnique({ where: { code: input.districtCode }, select: { code: true, name: true } });
      if (!district) throw new AppError("VALIDATION", { fieldErrors: { districtCode: ["publicity.validation.districtRequired"] } });
      const ids = input.scope === "all" ? await awaitingAsShown(tx, district.code, input) : [...new Set(input.applicationIds)];
      const apps = await tx.application.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          applicationNo: true,
          districtCode: true,
          status: true,
          ...contactSelect,
          applicantName: true,
          applicantIdMasked: true,
          householdSize: true,
        },
      });
      if (apps.length !== ids.length || apps.some((a) => a.districtCode !== district.code || a.status !== "SECOND_REVIEW_PASSED" || !a.applicantName || !a.applicantIdMasked)) {
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
          entryCount: apps.length,
        },
        select: { id: true },
      });
      apps.sort((a, b) => (a.applicationNo < b.applicationNo ? -1 : a.applicationNo > b.applicationNo ? 1 : 0));
      const entries = await tx.publicityEntry.createManyAndReturn({
        data: apps.map((app, index) => {
          return {
            batchId: batch.id,
            // Its place in the batch, in the order of application numbers: pages are ranges of it.
            position: index + 1,
            applicationId: app.id,
            applicationNo: app.applicationNo,
            displayName: maskName(app.applicantName!),
            // Masked by the database as lib/rules maskResidentId masks (the schema test and the bench check it).
            maskedResidentId: app.applicantIdMasked!,
            householdSize: app.householdSize,
          };
        }),
        select: { id: true, applicationId: true },
      });
      const entryOf = new Map(entries.map((e) => [e.applicationId, e.id]));
      // Art. 19: SECOND_REVIEW_PASSED → IN_PUBLICITY for all of them, or for none.
      await transitionApplications(tx, {
        applicationIds: apps.map((a) => a.id),
        districtCode: district.code,
        from: "SECOND_REVIEW_PASSED",
        to: "IN_PUBLICITY",
        actor,
        at,
        action: "publicity.publish",
        data: { dueDate: dateColumn(endDate) },
        auditData: () => ({ from: "SECOND_REVIEW_PASSED", to: "IN_PUBLICITY", batchId: batch.id, startDate, endDate }),
      });
      await notifyApplicants(
        tx,
        apps.map((app) => ({
          applicationId: app.id,
          ...applicantContact(app),
          templateKey: "publicity.published",
          // The period as counted (Art. 19): from the first working day after publication.
          params: { applicationNo: app.applicationNo, startDate: firstDay, endDate },
          dedupeKey: `publicity-entry:${entryOf.get(app.id)}:published`,
          at,
        })),
      );
      await writeAudit(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: "publicity.batch.publish",
          entityType: "PublicityBatch",
          entityId: batch.id,
          districtCode: district.code,
          data: { startDate, firstDay, endDate, count: apps.length, scope: input.scope },
        },
        tx,
      );
      return { batchId: batch.id, startDate, firstDay, endDate, count: apps.length };
    },
    // A batch of 10,000 writes some 50,000 rows: more than the default 5 s on a slow disk.
    { timeout: 120_000, maxWait: 10_000 },
  );
  await publicPublicityChanged({ lists: true });
  return result;
}

/** The applications awaiting publicity that a "publish all" was shown (count and moment), or CONFLICT. */
async function awaitingAsShown(tx: Prisma.TransactionClient, districtCode: string, input: PublishBatchInput): Promise<string[]> {
  const rows = await tx.application.findMany({
    where: { districtCode, status: "SECOND_REVIEW_PASSED", ...(input.asOf ? { statusChangedAt: { lte: input.asOf } } : {}) },
    select: { id: true },
    orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }],
    take: MAX_BATCH_SIZE,
  });
  if (rows.length === 0 || rows.length !== input.expectedCount) throw new AppError("CONFLICT", { messageKey: "publicity.errors.listChanged" });
  return rows.map((r) => r.id);
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
  // Written with the entries at publication (a relation count would count every entry of the city).
  entryCount: true,
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
    entryCount: row.entryCount,
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
  const { rows, total, page: current, pageCount } = await readPage(
    page,
    BATCH_PAGE_SIZE,
    () => prisma.publicityBatch.count({ where }),
    (window) => prisma.publicityBatch.findMany({ where, select: batchSummarySelect, orderBy: [{ startDate: "desc" }, { createdAt: "desc" }, { id: "asc" }], ...window }),
  );
  const open = new Map<string, number>();
  if (withObjections && rows.length > 0) {
    // The page's batches only, by the objections' (batchId, status) index.
    const counts = await prisma.objection.groupBy({
      by: ["batchId"],
      where: { batchId: { in: rows.map((r) => r.id) }, status: { not: "CLOSED" } },
      _count: { _all: true },
    });
    for (const c of counts) open.set(c.batchId, c._count._all);
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

/**
 * A batch as the public sees it (title, district, period, size); its entries come a page at a time
 * from listPublicBatchEntries (lib/publicity/entries.ts). Null unless published (or closed).
 */
export async function getPublicBatch(batchId: string, options: { now?: Date } = {}): Promise<BatchSummary | null> {
  const row = await prisma.publicityBatch.findUnique({ where: { id: batchId }, select: batchSummarySelect });
  if (!row || row.status === "DRAFT") return null;
  return toSummary(row, todayCST(options.now ?? clockNow()));
}

export interface StaffBatch extends BatchSummary {
  publishedAt: Date | null;
  publishedByName: string | null;
  closedAt: Date | null;
  /** The entries that have objections (open ones first), to find them among thousands. */
  objectionEntries: Array<{ applicationNo: string; displayName: string; openObjections: number }>;
}

/** The entries with objections a batch's page lists (open ones first). */
const OBJECTION_ENTRIES_SHOWN = 200;

/** A batch for the officers who manage it; its entries come a page at a time from listStaffBatchEntries. */
export async function getStaffBatch(actor: Actor, batchId: string, options: { now?: Date } = {}): Promise<StaffBatch | null> {
  const row = await prisma.publicityBatch.findUnique({
    where: { id: batchId },
    select: { ...batchSummarySelect, publishedAt: true, publishedBy: { select: { name: true } }, closedAt: true },
  });
  if (!row) return null;
  assertCan(actor, "publicity:manage", { districtCode: row.districtCode });
  // The batch's objections by their own (batchId, status) index, not looked for among its entries.
  const objections = await prisma.objection.findMany({
    where: { batchId },
    select: { status: true, entry: { select: { applicationNo: true, displayName: true } } },
    orderBy: [{ entry: { applicationNo: "asc" } }, { id: "asc" }],
    take: OBJECTION_ENTRIES_SHOWN * 4,
  });
  const byEntry = new Map<string, { applicationNo: string; displayName: string; openObjections: number }>();
  let open = 0;
  for (const o of objections) {
    const entry = byEntry.get(o.entry.applicationNo) ?? { applicationNo: o.entry.applicationNo, displayName: o.entry.displayName, openObjections: 0 };
    byEntry.set(entry.applicationNo, entry);
    if (o.status !== "CLOSED") {
      entry.openObjections += 1;
      open += 1;
    }
  }
  // More objections than read (a batch contested hundreds of times): count the open ones apart.
  if (objections.length === OBJECTION_ENTRIES_SHOWN * 4) open = await prisma.objection.count({ where: { batchId, status: { not: "CLOSED" } } });
  const objectionEntries = [...byEntry.values()].slice(0, OBJECTION_ENTRIES_SHOWN).sort((a, b) => Number(b.openObjections > 0) - Number(a.openObjections > 0));
  return {
    ...toSummary(row, todayCST(options.now ?? clockNow()), open),
    publishedAt: row.publishedAt,
    publishedByName: row.publishedBy?.name ?? null,
    closedAt: row.closedAt,
    objectionEntries,
  };
}
