import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addDays, addMonths } from "@/lib/rules/dates";
import type { ISODate } from "@/lib/rules/types";
import { sumSafe } from "@/lib/money/sum";
import { arrearsTotals, type ArrearsTotals } from "./arrears";
import { arrearsQuerySchema } from "./arrears-query";

// The officers' tenancy dashboard (Art. 28-29, 32, 35, 39) for the district, or the city for
// municipal officers (by district if chosen): rent billed and collected by month over the last
// twelve months (rent income is reportable per estate and owner, Art. 28), the leases by status,
// those ending within 90 days (renewals must be asked for three months ahead, Art. 32), the
// arrears by age (Art. 39) and the repairs open and overdue (Art. 35). Every figure is an aggregate
// in the database over the records in the officer's reach.

export const DASHBOARD_MONTHS = 12;
export const ENDING_WITHIN_DAYS = 90;

export interface MonthFigures {
  month: string;
  billedFen: number;
  collectedFen: number;
}

export interface TenancyDashboard {
  today: ISODate;
  months: MonthFigures[];
  leases: { active: number; holdingOver: number; awaitingSignature: number };
  ending: { count: number; renewalAsked: number; rows: { leaseNo: string; tenantName: string | null; endDate: ISODate; renewalAsked: boolean }[] };
  arrears: ArrearsTotals;
  repairs: { open: number; overdue: number };
}

/** The first day of each of the last `count` CST months, oldest first, ending with this month. */
export function lastMonths(today: ISODate, count: number): ISODate[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: count }, (_, i) => addMonths(first, i - count + 1));
}

export async function tenancyDashboard(actor: Actor, options: { district?: string | null; today?: ISODate } = {}): Promise<TenancyDashboard | null> {
  const today = options.today ?? todayCST();
  const scope = scopeWhere(actor, "lease:manage", "Lease", { districtCode: options.district ?? null });
  const repairScope = scopeWhere(actor, "lease:manage", "RepairRequest", { districtCode: options.district ?? null });
  if (scope === NOTHING) return null;
  const inReach: Prisma.LeaseWhereInput = scope;
  const starts = lastMonths(today, DASHBOARD_MONTHS);
  const from = dateColumn(starts[0]!);
  const to = dateColumn(addMonths(starts.at(-1)!, 1));
  const endBy = dateColumn(addDays(today, ENDING_WITHIN_DAYS));
  const endingWhere: Prisma.LeaseWhereInput = { AND: [inReach, { status: "ACTIVE", endDate: { gte: dateColumn(today), lte: endBy }, nextLease: { is: null } }] };
  const [billed, collected, statuses, endingCount, renewalAsked, endingRows, arrears, openRepairs, overdueRepairs] = await Promise.all([
    // Two grouped reads for the twelve months: by period start and by payment day, summed per month below.
    prisma.bill.groupBy({ by: ["periodStart"], where: { lease: inReach, periodStart: { gte: from, lt: to }, status: { notIn: ["CANCELLED", "WAIVED"] } }, _sum: { amountFen: true } }),
    prisma.rentReceipt.groupBy({ by: ["paidOn"], where: { lease: inReach, paidOn: { gte: from, lt: to } }, _sum: { amountFen: true, unappliedFen: true } }),
    prisma.lease.groupBy({ by: ["status"], where: inReach, _count: { _all: true } }),
    prisma.lease.count({ where: endingWhere }),
    prisma.lease.count({ where: { AND: [endingWhere, { renewalRequests: { some: { status: { in: ["SUBMITTED", "UNDER_REVIEW", "APPROVED"] } } } }] } }),
    prisma.lease.findMany({
      where: endingWhere,
      select: { leaseNo: true, endDate: true, application: { select: { applicantName: true } }, renewalRequests: { where: { status: { in: ["SUBMITTED", "UNDER_REVIEW", "APPROVED"] } }, select: { id: true }, take: 1 } },
      orderBy: [{ endDate: "asc" }, { leaseNo: "asc" }],
      take: 10,
    }),
    arrearsTotals(actor, arrearsQuerySchema.parse({ district: options.district ?? undefined }), { today }),
    repairScope === NOTHING ? 0 : prisma.repairRequest.count({ where: { AND: [repairScope, { status: { in: ["OPEN", "ASSIGNED", "IN_PROGRESS"] } }] } }),
    repairScope === NOTHING ? 0 : prisma.repairRequest.count({ where: { AND: [repairScope, { status: { in: ["OPEN", "ASSIGNED", "IN_PROGRESS"] }, dueDate: { lt: dateColumn(today) } }] } }),
  ]);
  const monthOf = (date: Date) => fromDateColumn(date).slice(0, 7);
  const months = starts.map((start) => {
    const month = start.slice(0, 7);
    return {
      month,
      billedFen: sumSafe(billed.filter((b) => monthOf(b.periodStart) === month).map((b) => b._sum.amountFen ?? 0)),
      collectedFen: sumSafe(collected.filter((c) => monthOf(c.paidOn) === month).map((c) => (c._sum.amountFen ?? 0) - (c._sum.unappliedFen ?? 0))),
    };
  });
  const count = (status: string) => statuses.find((s) => s.status === status)?._count._all ?? 0;
  return {
    today,
    months,
    leases: { active: count("ACTIVE"), holdingOver: count("HOLDING_OVER"), awaitingSignature: count("PENDING_SIGNATURE") + count("AWAITING_COUNTERSIGNATURE") },
    ending: {
      count: endingCount,
      renewalAsked,
      rows: endingRows.map((r) => ({ leaseNo: r.leaseNo, tenantName: r.application.applicantName, endDate: fromDateColumn(r.endDate), renewalAsked: r.renewalRequests.length > 0 })),
    },
    arrears,
    repairs: { open: openRepairs, overdue: overdueRepairs },
  };
}
