import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { districtNames } from "@/lib/reference/districts";
import type { ApplicationSource, ApplicationStatus, Prisma } from "@/lib/generated/prisma/client";
import { isValidResidentId, maskResidentId, workingDaysBetween, type ISODate } from "@/lib/rules";
import { openResidentSearch } from "@/lib/search/resident-search-token";
import type { QueueFilter, QueueStage } from "./schemas";

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
    inReviewQueue: true,
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
  estateLevel: true,
  isPriority: true,
  submittedAt: true,
  acceptedAt: true,
  firstReviewDueDate: true,
  secondReviewDueDate: true,
  precheckEligible: true,
  // The household summary the database keeps on the application (docs/decisions/014).
  householdSize: true,
  applicantName: true,
  applicantIdMasked: true,
} satisfies Prisma.ApplicationSelect;

export interface QueueItem {
  id: string;
  applicationNo: string;
  status: QueueStage;
  source: ApplicationSource;
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
  /**
   * A search by resident ID: `sealed` when a token found its number (shown masked), `expired` when
   * the token is no longer valid for this officer, `inAddress` when a whole number came in the
   * address itself, which the queue does not search by (the number must go through the form).
   */
  residentSearch?: { state: "sealed"; masked: string } | { state: "expired" | "inAddress" };
}

/** A whole application number as the portal issues them (GZF-500103-2026-000123), in any case. */
const WHOLE_APPLICATION_NO = /^GZF-\d{6}-\d{4}-\d{6,}$/i;

/**
 * What an officer typed, read as what it is: a whole application number finds its application by
 * the unique index; anything else is looked for in the application numbers and applicants' names
 * of the queue's own rows. A resident ID comes sealed (`filter.idq`), never as text in the address.
 */
export function searchWhere(q: string): Prisma.ApplicationWhereInput {
  const term = q.trim();
  if (WHOLE_APPLICATION_NO.test(term)) return { applicationNo: term.toUpperCase() };
  return { OR: [{ applicationNo: { contains: term, mode: "insensitive" } }, { applicantName: { contains: term } }] };
}

/** One page of the queue, earliest due date first (applications without a clock after them). */
export async function listReviewQueue(actor: Actor, filter: QueueFilter, options: { now?: Date } = {}): Promise<QueuePage> {
  // Applicants and administrators have no queue.
  assertCan(actor, "review:read");
  const today = todayCST(options.now ?? clockNow());
  // The officer's district, or the city (narrowed to the district a municipal officer chose).
  const scope = scopeWhere(actor, "review:read", "Application", { districtCode: filter.district });
  if (scope === NOTHING) return { items: [], total: 0, page: 1, pageCount: 1, today };
  // `inReviewQueue` (generated from the status: exactly QUEUE_STAGES) reads the queue's partial
  // indexes, in the queue's order; a stage narrows it (docs/decisions/014).
  const and: Prisma.ApplicationWhereInput[] = [scope, filter.stage ? { inReviewQueue: true, status: filter.stage } : { inReviewQueue: true }];
  if (filter.overdue) and.push(overdueWhere(today));
  if (filter.level) and.push({ estateLevel: filter.level });
  if (filter.priority) and.push({ isPriority: filter.priority === "yes" });
  let residentSearch: QueuePage["residentSearch"];
  if (filter.idq) {
    // The household of a resident ID by the members' index; the list still shows the ID masked.
    const opened = openResidentSearch(filter.idq, actor.id, options.now ?? clockNow());
    if (!opened.ok) return { items: [], total: 0, page: 1, pageCount: 1, today, residentSearch: { state: "expired" } };
    and.push({ members: { some: { residentId: opened.residentId } } });
    residentSearch = { state: "sealed", masked: maskResidentId(opened.residentId) };
  } else if (filter.q && isValidResidentId(filter.q.trim())) {
    return { items: [], total: 0, page: 1, pageCount: 1, today, residentSearch: { state: "inAddress" } };
  } else if (filter.q) {
    and.push(searchWhere(filter.q));
  }
  const where: Prisma.ApplicationWhereInput = { AND: and };

  const orderBy: Prisma.ApplicationOrderByWithRelationInput[] = [
    { dueDate: { sort: "asc", nulls: "last" } },
    { submittedAt: { sort: "asc", nulls: "last" } },
    { id: "asc" },
  ];
  const { rows, total, page, pageCount } = await readPage(
    filter.page,
    QUEUE_PAGE_SIZE,
    () => prisma.application.count({ where }),
    (window) => prisma.application.findMany({ where, select: queueSelect, orderBy, ...window }),
    // A search usually finds one application or a handful.
    { narrow: Boolean(filter.q) },
  );

  const items = rows.map((row): QueueItem => {
    const dueDate = stageDueDate(row);
    return {
      id: row.id,
      applicationNo: row.applicationNo,
      status: row.status as QueueStage,
      source: row.source,
      districtCode: row.districtCode,
      ...districtNames(row.districtCode),
      estateLevel: row.estateLevel,
      isPriority: row.isPriority,
      applicantName: row.applicantName ?? "",
      maskedResidentId: row.applicantIdMasked ?? "",
      householdSize: row.householdSize,
      submittedAt: row.submittedAt,
      acceptedAt: row.acceptedAt,
      dueDate,
      daysOverdue: workingDaysOverdue(dueDate, today),
      precheckEligible: row.precheckEligible,
    };
  });
  return { items, total, page, pageCount, today, residentSearch };
}
