import "server-only";
import { assertCan, isCityWide, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import type { ApplicationStatus } from "@/lib/generated/prisma/client";
import { districtNames } from "@/lib/reference/districts";
import { type ISODate } from "@/lib/rules";
import { APPEALABLE_STATUSES } from "./common";
import { overdueWhere, stageDueDate, workingDaysOverdue } from "./queue";

// The district's and the city's dashboards (Art. 19): how many applications wait at each stage,
// how many are past their statutory due date, and which.

/** Dashboard columns, in the order of the procedure. */
export const DASHBOARD_STAGES = [
  "SUBMITTED",
  "ACCEPTED",
  "FIRST_REVIEW_PASSED",
  "SECOND_REVIEW_PASSED",
  "IN_PUBLICITY",
  "REFUSED",
  "APPEALED",
] as const;
export type DashboardStage = (typeof DASHBOARD_STAGES)[number];

function stageOf(status: ApplicationStatus): DashboardStage | null {
  if ((APPEALABLE_STATUSES as readonly ApplicationStatus[]).includes(status)) return "REFUSED";
  return (DASHBOARD_STAGES as readonly string[]).includes(status) ? (status as DashboardStage) : null;
}

const TRACKED_STATUSES: ApplicationStatus[] = [
  "SUBMITTED",
  "ACCEPTED",
  "FIRST_REVIEW_PASSED",
  "SECOND_REVIEW_PASSED",
  "IN_PUBLICITY",
  ...APPEALABLE_STATUSES,
  "APPEALED",
];

export type StageCounts = Record<DashboardStage, number>;

function emptyCounts(): StageCounts {
  return Object.fromEntries(DASHBOARD_STAGES.map((s) => [s, 0])) as StageCounts;
}

export interface OverdueItem {
  applicationNo: string;
  status: ApplicationStatus;
  districtCode: string;
  districtName: string;
  districtNameEn: string;
  applicantName: string;
  maskedResidentId: string;
  dueDate: ISODate | null;
  daysOverdue: number;
}

export interface DistrictRow {
  districtCode: string;
  districtName: string;
  districtNameEn: string;
  counts: StageCounts;
  overdue: number;
  openObjections: number;
}

export interface Dashboard {
  today: ISODate;
  counts: StageCounts;
  overdue: number;
  openObjections: number;
  /** City dashboard only: appeals awaiting a municipal decision. */
  pendingAppeals: number;
  overdueItems: OverdueItem[];
  /** City dashboard only: one row per district with any open work, overdue first. */
  districts: DistrictRow[];
}

const OVERDUE_LIST_LIMIT = 20;

/**
 * The dashboard for an officer: a district officer's district, or (municipal officers) the city
 * with one row per district.
 */
export async function getReviewDashboard(actor: Actor, options: { now?: Date } = {}): Promise<Dashboard> {
  assertCan(actor, "review:read");
  const today = todayCST(options.now ?? clockNow());
  const scope = scopeWhere(actor, "review:read", "Application");
  const objectionScope = scopeWhere(actor, "review:read", "Objection");
  if (scope === NOTHING || objectionScope === NOTHING) {
    return { today, counts: emptyCounts(), overdue: 0, openObjections: 0, pendingAppeals: 0, overdueItems: [], districts: [] };
  }
  // Appeals await the municipal agency (Art. 19): only those who decide them see the count.
  const appealScope = scopeWhere(actor, "appeal:decide", "Appeal");

  const cityWide = isCityWide(actor, "review:read");
  const open = { status: { not: "CLOSED" as const } };
  // Independent reads, side by side on the pool (docs/decisions/014).
  const [grouped, overdueGrouped, openObjections, objectionsByDistrict, pendingAppeals, overdueRows] = await Promise.all([
    prisma.application.groupBy({
      by: ["districtCode", "status"],
      where: { AND: [scope, { status: { in: TRACKED_STATUSES } }] },
      _count: { _all: true },
    }),
    prisma.application.groupBy({ by: ["districtCode"], where: { AND: [scope, overdueWhere(today)] }, _count: { _all: true } }),
    prisma.objection.count({ where: { AND: [objectionScope, open] } }),
    // Per district (the city's rows only): an objection belongs to its batch's district.
    cityWide
      ? prisma.$queryRaw<{ districtCode: string; n: number }[]>`
          SELECT b."districtCode", count(*)::int AS n FROM "Objection" o JOIN "PublicityBatch" b ON b."id" = o."batchId"
          WHERE o."status" <> 'CLOSED' GROUP BY b."districtCode"`
      : Promise.resolve([]),
    appealScope === NOTHING ? Promise.resolve(0) : prisma.appeal.count({ where: { AND: [appealScope, { status: { in: ["LODGED", "UNDER_REVIEW"] } }] } }),
    prisma.application.findMany({
      where: { AND: [scope, overdueWhere(today)] },
      select: {
        applicationNo: true,
        status: true,
        districtCode: true,
        firstReviewDueDate: true,
        secondReviewDueDate: true,
        applicantName: true,
        applicantIdMasked: true,
      },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: OVERDUE_LIST_LIMIT,
    }),
  ]);

  const counts = emptyCounts();
  const byDistrict = new Map<string, DistrictRow>();
  const rowFor = (code: string): DistrictRow => {
    let row = byDistrict.get(code);
    if (!row) {
      row = { districtCode: code, districtName: code, districtNameEn: code, counts: emptyCounts(), overdue: 0, openObjections: 0 };
      byDistrict.set(code, row);
    }
    return row;
  };
  for (const g of grouped) {
    const stage = stageOf(g.status);
    if (!stage) continue;
    counts[stage] += g._count._all;
    rowFor(g.districtCode).counts[stage] += g._count._all;
  }
  let overdue = 0;
  for (const g of overdueGrouped) {
    overdue += g._count._all;
    rowFor(g.districtCode).overdue += g._count._all;
  }
  for (const o of objectionsByDistrict) rowFor(o.districtCode).openObjections += o.n;

  let districts: DistrictRow[] = [];
  if (cityWide && byDistrict.size > 0) {
    for (const row of byDistrict.values()) Object.assign(row, districtNames(row.districtCode));
    districts = [...byDistrict.values()].sort((a, b) => b.overdue - a.overdue || a.districtCode.localeCompare(b.districtCode));
  }

  return {
    today,
    counts,
    overdue,
    openObjections,
    pendingAppeals,
    overdueItems: overdueRows.map((row) => {
      const dueDate = stageDueDate(row);
      return {
        applicationNo: row.applicationNo,
        status: row.status,
        districtCode: row.districtCode,
        ...districtNames(row.districtCode),
        applicantName: row.applicantName ?? "",
        maskedResidentId: row.applicantIdMasked ?? "",
        dueDate,
        daysOverdue: workingDaysOverdue(dueDate, today),
      };
    }),
    districts,
  };
}
