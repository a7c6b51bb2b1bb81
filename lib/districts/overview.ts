import "server-only";
import { assertCan, districtRoles, type Actor } from "@/lib/auth/permissions";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import type { AppealStatus, ObjectionStatus, Prisma, RectificationStatus } from "@/lib/generated/prisma/client";
import { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { publicityPeriod } from "@/lib/rules/publicity";
import { overdueWhere, stageDueDate, workingDaysOverdue } from "@/lib/review/queue";
import { DEADLINE_WORKING_DAYS, type ISODate } from "@/lib/rules";

// The district records page (/staff/districts/[code]): one district's casework at a glance, for
// its own officers and for municipal officers (Art. 19-20). Every figure is one query on an
// index that starts with the district code (or a small status-filtered set), so the page costs
// the same at a million applications: counts are grouped by status, lists are capped.

export const OVERVIEW_LIST_LIMIT = 10;

/** Every status an application can hold once submitted, in the order of the procedure (drafts are not applications yet). */
export const OVERVIEW_STATUSES = Object.values(ApplicationStatus).filter((s) => s !== "DRAFT");

/** The review queues (Art. 19): acceptance has no statutory clock; the reviews have theirs. */
export const REVIEW_QUEUES = [
  { stage: "SUBMITTED", workingDays: null },
  { stage: "ACCEPTED", workingDays: DEADLINE_WORKING_DAYS.FIRST_REVIEW },
  { stage: "FIRST_REVIEW_PASSED", workingDays: DEADLINE_WORKING_DAYS.SECOND_REVIEW },
] as const;
export type ReviewQueueStage = (typeof REVIEW_QUEUES)[number]["stage"];

const OPEN_APPEAL_STATUSES: AppealStatus[] = ["LODGED", "UNDER_REVIEW"];
const OPEN_RECTIFICATION_STATUSES: RectificationStatus[] = ["OPEN", "REOPENED"];
const OPEN_OBJECTION: Prisma.ObjectionWhereInput = { status: { not: "CLOSED" } };

/** Applications of the district in one of the two reviews (each with its statutory clock). */
function inReviewWhere(code: string): Prisma.ApplicationWhereInput {
  return { districtCode: code, status: { in: ["ACCEPTED", "FIRST_REVIEW_PASSED"] } };
}

function openRectificationsWhere(code: string): Prisma.RectificationWhereInput {
  return { districtCode: code, status: { in: OPEN_RECTIFICATION_STATUSES } };
}

/** Re-checks whose finding (no longer eligible) awaits an officer's decision (Art. 20). */
function pendingRechecksWhere(code: string): Prisma.AnnualRecheckWhereInput {
  return { districtCode: code, kind: "QUALIFICATION", status: "PENDING" };
}

export interface DistrictOverview {
  district: { code: string; name: string; nameEn: string; kind: "DISTRICT" | "COUNTY"; isCentralUrban: boolean; activeOfficerCount: number };
  today: ISODate;
  /** The CST calendar year of `today`, for the figures. */
  year: number;
  /** Applications received (submitted), accepted, qualified and refused (notified) this year. */
  figures: { received: number; accepted: number; qualified: number; refused: number };
  byStatus: Array<{ status: ApplicationStatus; count: number }>;
  queues: Array<{ stage: ReviewQueueStage; workingDays: number | null; count: number; dueToday: number; overdue: number }>;
  /** Reviews overdue or due today, earliest due date first. */
  dueItems: Array<{ applicationNo: string; status: ApplicationStatus; applicantName: string; maskedResidentId: string; dueDate: ISODate; daysOverdue: number }>;
  publicity: {
    total: number;
    batches: Array<{ id: string; title: string; firstDay: ISODate; endDate: ISODate; entryCount: number; openObjections: number; hasEnded: boolean }>;
  };
  objections: {
    total: number;
    items: Array<{ id: string; referenceNo: string | null; batchId: string; applicationNo: string; displayName: string; receivedAt: Date; status: ObjectionStatus }>;
  };
  appeals: { total: number; items: Array<{ id: string; applicationNo: string; appealedStatus: ApplicationStatus; status: AppealStatus; lodgedAt: Date }> };
  rechecks: { pending: number };
  rectifications: {
    total: number;
    overdue: number;
    /** Reported by the district, awaiting the municipal agency's acceptance. */
    reported: number;
    items: Array<{ id: string; requirement: string; status: RectificationStatus; dueDate: ISODate; daysOverdue: number }>;
  };
}

/** The instant a CST calendar day starts. */
function cstStart(date: ISODate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** Review stages whose statutory due date is today (the due date itself is still in time). */
function dueTodayWhere(today: ISODate): Prisma.ApplicationWhereInput {
  const day = dateColumn(today);
  return {
    OR: [
      { status: "ACCEPTED", firstReviewDueDate: day },
      { status: "FIRST_REVIEW_PASSED", secondReviewDueDate: day },
    ],
  };
}

function countsByStatus(rows: Array<{ status: ApplicationStatus; _count: { _all: number } }>): Map<ApplicationStatus, number> {
  return new Map(rows.map((r) => [r.status, r._count._all]));
}

/**
 * The records of one district. District officers: their own district only; municipal officers:
 * any district. Anyone else (applicants, administrators) is refused. Null for an unknown code.
 */
export async function getDistrictOverview(actor: Actor, code: string, options: { now?: Date } = {}): Promise<DistrictOverview | null> {
  // The casework permission, not district:read: administrators run the system, not casework.
  assertCan(actor, "application:read", { districtCode: code });
  const district = await prisma.district.findUnique({
    where: { code },
    select: { code: true, name: true, nameEn: true, kind: true, isCentralUrban: true },
  });
  if (!district) return null;

  const today = todayCST(options.now ?? clockNow());
  const year = Number(today.slice(0, 4));
  const thisYear = { gte: cstStart(`${year}-01-01`), lt: cstStart(`${year + 1}-01-01`) };
  const inDistrict = { districtCode: code } satisfies Prisma.ApplicationWhereInput;
  const inReview = inReviewWhere(code);

  // Every figure of the page at once, on the pool's connections (docs/decisions/014).
  const applicationFigures = Promise.all([
    prisma.user.count({ where: { districtCode: code, role: { in: districtRoles() }, isActive: true } }),
    // (districtCode, status, dueDate) index: one grouped count for every status.
    prisma.application.groupBy({ by: ["status"], where: { ...inDistrict, status: { not: "DRAFT" } }, _count: { _all: true } }),
    prisma.application.groupBy({ by: ["status"], where: { AND: [inReview, overdueWhere(today)] }, _count: { _all: true } }),
    prisma.application.groupBy({ by: ["status"], where: { AND: [inReview, dueTodayWhere(today)] }, _count: { _all: true } }),
    // One (districtCode, <instant>) index each.
    prisma.application.count({ where: { ...inDistrict, submittedAt: thisYear } }),
    prisma.application.count({ where: { ...inDistrict, acceptedAt: thisYear } }),
    prisma.application.count({ where: { ...inDistrict, qualifiedAt: thisYear } }),
    prisma.application.count({ where: { ...inDistrict, rejectionNotifiedAt: thisYear } }),
    prisma.application.findMany({
      where: { AND: [inReview, { OR: [overdueWhere(today), dueTodayWhere(today)] }] },
      select: {
        applicationNo: true,
        status: true,
        firstReviewDueDate: true,
        secondReviewDueDate: true,
        applicantName: true,
        applicantIdMasked: true,
      },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: OVERVIEW_LIST_LIMIT,
    }),
  ]);

  const publicityWhere: Prisma.PublicityBatchWhereInput = { districtCode: code, status: "PUBLISHED" };
  const objectionWhere: Prisma.ObjectionWhereInput = { ...OPEN_OBJECTION, batch: { districtCode: code } };
  const appealWhere: Prisma.AppealWhereInput = { status: { in: OPEN_APPEAL_STATUSES }, application: { districtCode: code } };
  const rectificationWhere = openRectificationsWhere(code);
  const otherFigures = Promise.all([
    prisma.publicityBatch.count({ where: publicityWhere }),
    prisma.publicityBatch.findMany({
      where: publicityWhere,
      // entryCount is written with the entries at publication.
      select: { id: true, title: true, startDate: true, endDate: true, entryCount: true },
      orderBy: [{ endDate: "asc" }, { id: "asc" }],
      take: OVERVIEW_LIST_LIMIT,
    }),
    prisma.objection.count({ where: objectionWhere }),
    prisma.objection.findMany({
      where: objectionWhere,
      select: {
        id: true,
        referenceNo: true,
        receivedAt: true,
        status: true,
        batchId: true,
        entry: { select: { displayName: true, applicationNo: true } },
      },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: OVERVIEW_LIST_LIMIT,
    }),
    prisma.appeal.count({ where: appealWhere }),
    prisma.appeal.findMany({
      where: appealWhere,
      select: { id: true, status: true, appealedStatus: true, lodgedAt: true, application: { select: { applicationNo: true } } },
      orderBy: [{ lodgedAt: "asc" }, { id: "asc" }],
      take: OVERVIEW_LIST_LIMIT,
    }),
    prisma.annualRecheck.count({ where: pendingRechecksWhere(code) }),
    prisma.rectification.count({ where: rectificationWhere }),
    prisma.rectification.count({ where: { ...rectificationWhere, dueDate: { lt: dateColumn(today) } } }),
    prisma.rectification.count({ where: { districtCode: code, status: "REPORTED" } }),
    prisma.rectification.findMany({
      where: rectificationWhere,
      select: { id: true, requirement: true, status: true, dueDate: true },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: OVERVIEW_LIST_LIMIT,
    }),
  ]);
  const [
    [activeOfficerCount, statusRows, overdueRows, dueTodayRows, received, accepted, qualified, refused, dueRows],
    [publicityTotal, batchRows, objectionTotal, objectionRows, appealTotal, appealRows, pendingRechecks, rectificationTotal, rectificationOverdue, rectificationReported, rectificationRows],
  ] = await Promise.all([applicationFigures, otherFigures]);

  // The listed batches' open objections, counted for those batches only (by the objections'
  // (batchId, status) index; a relation `_count` would count every objection of the city).
  const batchIds = batchRows.map((b) => b.id);
  const openCounts = batchIds.length
    ? await prisma.objection.groupBy({ by: ["batchId"], where: { ...OPEN_OBJECTION, batchId: { in: batchIds } }, _count: { _all: true } })
    : [];
  const openByBatch = new Map(openCounts.map((c) => [c.batchId, c._count._all]));

  const statusCounts = countsByStatus(statusRows);
  const overdueCounts = countsByStatus(overdueRows);
  const dueTodayCounts = countsByStatus(dueTodayRows);

  return {
    district: { ...district, activeOfficerCount },
    today,
    year,
    figures: { received, accepted, qualified, refused },
    byStatus: OVERVIEW_STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    queues: REVIEW_QUEUES.map(({ stage, workingDays }) => ({
      stage,
      workingDays,
      count: statusCounts.get(stage) ?? 0,
      dueToday: dueTodayCounts.get(stage) ?? 0,
      overdue: overdueCounts.get(stage) ?? 0,
    })),
    dueItems: dueRows.flatMap((row) => {
      const dueDate = stageDueDate(row);
      if (!dueDate) return [];
      return [
        {
          applicationNo: row.applicationNo,
          status: row.status,
          applicantName: row.applicantName ?? "",
          maskedResidentId: row.applicantIdMasked ?? "",
          dueDate,
          daysOverdue: workingDaysOverdue(dueDate, today),
        },
      ];
    }),
    publicity: {
      total: publicityTotal,
      batches: batchRows.map((b) => {
        const period = publicityPeriod(fromDateColumn(b.startDate), fromDateColumn(b.endDate));
        return {
          id: b.id,
          title: b.title,
          firstDay: period.firstDay,
          endDate: period.endDate,
          entryCount: b.entryCount,
          openObjections: openByBatch.get(b.id) ?? 0,
          hasEnded: period.endDate < today,
        };
      }),
    },
    objections: {
      total: objectionTotal,
      items: objectionRows.map((o) => ({
        id: o.id,
        referenceNo: o.referenceNo,
        batchId: o.batchId,
        applicationNo: o.entry.applicationNo,
        displayName: o.entry.displayName,
        receivedAt: o.receivedAt,
        status: o.status,
      })),
    },
    appeals: {
      total: appealTotal,
      items: appealRows.map((a) => ({ id: a.id, applicationNo: a.application.applicationNo, appealedStatus: a.appealedStatus, status: a.status, lodgedAt: a.lodgedAt })),
    },
    rechecks: { pending: pendingRechecks },
    rectifications: {
      total: rectificationTotal,
      overdue: rectificationOverdue,
      reported: rectificationReported,
      items: rectificationRows.map((r) => {
        const dueDate = fromDateColumn(r.dueDate);
        return { id: r.id, requirement: r.requirement, status: r.status, dueDate, daysOverdue: workingDaysOverdue(dueDate, today) };
      }),
    },
  };
}

/** The few figures the workbench card shows about the officer's own district (three indexed counts). */
export interface DistrictHeadline {
  reviewsDueToday: number;
  rectificationsDue: number;
  rechecksPending: number;
}

export async function getDistrictHeadline(actor: Actor, code: string, options: { now?: Date } = {}): Promise<DistrictHeadline> {
  assertCan(actor, "application:read", { districtCode: code });
  const today = todayCST(options.now ?? clockNow());
  const [reviewsDueToday, rectificationsDue, rechecksPending] = await Promise.all([
    prisma.application.count({ where: { AND: [inReviewWhere(code), dueTodayWhere(today)] } }),
    prisma.rectification.count({ where: openRectificationsWhere(code) }),
    prisma.annualRecheck.count({ where: pendingRechecksWhere(code) }),
  ]);
  return { reviewsDueToday, rectificationsDue, rechecksPending };
}
