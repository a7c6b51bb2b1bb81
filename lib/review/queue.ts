import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import type { ApplicationStatus, Prisma } from "@/lib/generated/prisma/client";
import { isValidResidentId, maskResidentId, workingDaysBetween, type ISODate } from "@/lib/rules";
import { QUEUE_STAGES, type QueueFilter, type QueueStage } from "./schemas";

// The district queue (Art. 19): applications awaiting acceptance, first review and second
// review, earliest due date first. District officers see their district; municipal officers the
// whole city, with a district filter. Lists never show full resident ID numbers.

export const QUEUE_PAGE_SIZE = 20;

/** The statutory due date of each queue stage's column (acceptance has no statutory clock). */
export function stageDueDate(app: {
  status: ApplicationStatus;
  firstReviewDueDate: Date | null;
  secondReviewDueDate: Date | null;
}): ISODate | null {
  if (app.status === "ACCEPTED" && app.firstReviewDueDate) return fromDateColumn(app.firstReviewDueDate);
  if (app.status === "FIRST_REVIEW_PASSED" && app.secondReviewDueDate) return fromDateColumn(app.secondReviewDueDate);
  return null;
}

/** Working days past the due date (0 when not overdue: the due date itself is still in time). */
export function workingDaysOverdue(dueDate: ISODate | null, today: ISODate): number {
  return dueDate && dueDate < today ? workingDaysBetween(dueDate, today) : 0;
}

/** Where-clause for review stages whose statutory due date has passed. */
export function overdueWhere(today: ISODate): Prisma.ApplicationWhereInput {
  const before = dateColumn(today);
  return {
    OR: [
      { status: "ACCEPTED", firstReviewDueDate: { lt: before } },
      { status: "FIRST_REVIEW_PASSED", secondReviewDueDate: { lt: before } },
    ],
  };
}

const queueSelect = {
  id: true,
  applicationNo: true,
  status: true,
  source: true,
  districtCode: true,
  district: { select: { name: true, nameEn: true } },
  estateLevel: true,
  isPriority: true,
  submittedAt: true,
  acceptedAt: true,
  firstReviewDueDate: true,
  secondReviewDueDate: true,
  precheckEligible: true,
  members: { where: { relationship: "APPLICANT" }, select: { name: true, residentId: true }, take: 1 },
  _count: { select: { members: true } },
} satisfies Prisma.ApplicationSelect;

export interface QueueItem {
  id: string;
  applicationNo: string;
  status: QueueStage;
  source: "PORTAL" | "INTAKE_API";
  districtCode: string;
  districtName: string;
  districtNameEn: string;
  estateLevel: "MUNICIPAL" | "DISTRICT";
  isPriority: boolean;
  applicantName: string;
  maskedResidentId: string;
  householdSize: number;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  dueDate: ISODate | null;
  daysOverdue: number;
  precheckEligible: boolean | null;
}

export interface QueuePage {
  items: QueueItem[];
  total: number;
  page: number;
  pageCount: number;
  today: ISODate;
}

function searchWhere(q: string): Prisma.ApplicationWhereInput {
  const term = q.trim();
  const or: Prisma.ApplicationWhereInput[] = [
    { applicationNo: { contains: term, mode: "insensitive" } },
    { members: { some: { relationship: "APPLICANT", name: { contains: term } } } },
  ];
  // A whole resident ID finds its household; the list still shows it masked.
  if (isValidResidentId(term)) or.push({ members: { some: { residentId: term.toUpperCase() } } });
  return { OR: or };
}

/** One page of the queue, earliest due date first (applications without a clock after them). */
export async function listReviewQueue(actor: Actor, filter: QueueFilter, options: { now?: Date } = {}): Promise<QueuePage> {
  // Applicants and administrators have no queue.
  assertCan(actor, "review:read");
  const today = todayCST(options.now ?? clockNow());
  // The officer's district, or the city (narrowed to the district a municipal officer chose).
  const scope = scopeWhere(actor, "review:read", "Application", { districtCode: filter.district });
  if (scope === NOTHING) return { items: [], total: 0, page: 1, pageCount: 1, today };
  const and: Prisma.ApplicationWhereInput[] = [scope, { status: { in: filter.stage ? [filter.stage] : [...QUEUE_STAGES] } }];
  if (filter.overdue) and.push(overdueWhere(today));
  if (filter.level) and.push({ estateLevel: filter.level });
  if (filter.priority) and.push({ isPriority: filter.priority === "yes" });
  if (filter.q) and.push(searchWhere(filter.q));
  const where: Prisma.ApplicationWhereInput = { AND: and };

  const total = await prisma.application.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pageCount);
  const rows = await prisma.application.findMany({
    where,
    select: queueSelect,
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { submittedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    skip: (page - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
  });

  const items = rows.map((row): QueueItem => {
    const applicant = row.members[0];
    const dueDate = stageDueDate(row);
    return {
      id: row.id,
      applicationNo: row.applicationNo,
      status: row.status as QueueStage,
      source: row.source,
      districtCode: row.districtCode,
      districtName: row.district.name,
      districtNameEn: row.district.nameEn,
      estateLevel: row.estateLevel,
      isPriority: row.isPriority,
      applicantName: applicant?.name ?? "",
      maskedResidentId: applicant ? maskResidentId(applicant.residentId) : "",
      householdSize: row._count.members,
      submittedAt: row.submittedAt,
      acceptedAt: row.acceptedAt,
      dueDate,
      daysOverdue: workingDaysOverdue(dueDate, today),
      precheckEligible: row.precheckEligible,
    };
  });
  return { items, total, page, pageCount, today };
}
