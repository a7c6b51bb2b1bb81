import "server-only";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import type { Actor } from "@/lib/auth/permissions";
import { dateColumn, fromDateColumn, todayCST } from "@/lib/clock";
import { LIVING_LEASE_STATUSES, OPEN_VACATE_ORDER_STATUSES } from "@/lib/db/application-status";
import { prisma } from "@/lib/db/client";
import { pageWindow } from "@/lib/db/paging";
import type { LeaseStatus, Prisma, VacateOrderStatus } from "@/lib/generated/prisma/client";
import { sumSafe } from "@/lib/money/sum";
import { toDayNumber } from "@/lib/rules/dates";
import { arrearsInMonths, arrearsObligeVacating } from "@/lib/rules/leaving";
import { amountToSettleFen, type OpenBill, type OpenLateFee } from "@/lib/rules/settlement";
import type { ISODate } from "@/lib/rules/types";
import { ARREARS_BUCKETS, ARREARS_EXPORT_CAP, ARREARS_PAGE_SIZE, arrearsBucketOf, type ArrearsBucket, type ArrearsQuery } from "./arrears-query";

// Arrears by age (Art. 29, 39) for the officers: the leases in their reach that are in force
// (ACTIVE, HOLDING_OVER) with rent overdue and unpaid, summed per lease in the database (one
// GROUP BY over the bills: the sum outstanding and the oldest due date), bucketed by the age of the
// oldest overdue bill, and flagged when the arrears reach six months of rent (Art. 39: the vacate
// procedure opens). The totals never load the bills; the rows of a page (or of the export) carry
// each lease's late fees (Art. 29: assessed and unpaid, plus those running today on every overdue
// bill, lib/rules amountToSettleFen), from one read of those leases' overdue bills and fees.

const OPEN_BILL = ["UNPAID", "PARTIALLY_PAID"] as const;

/** Bills overdue on `today` and not fully paid: what arrears are made of (Art. 29, 39). */
export function overdueBillWhere(today: ISODate): Prisma.BillWhereInput {
  return { status: { in: [...OPEN_BILL] }, dueDate: { lt: dateColumn(today) } };
}

export interface ArrearsRow {
  leaseId: string;
  leaseNo: string;
  leaseStatus: LeaseStatus;
  tenantName: string | null;
  unitLabel: string;
  districtCode: string;
  monthlyRentFen: number;
  overdueFen: number;
  overdueBills: number;
  oldestDueDate: ISODate;
  daysOverdue: number;
  bucket: ArrearsBucket;
  months: number;
  /** Art. 39: six months or more. */
  sixMonths: boolean;
  /** Art. 29: late fees owed today (assessed and unpaid, and running on the overdue rent). Not part of `overdueFen`. */
  lateFeesFen: number;
  /** An open vacate order (issued or before the court), whatever its ground. */
  openOrder: { orderNo: string | null; ground: string; status: VacateOrderStatus } | null;
}

export interface ArrearsTotals {
  buckets: Record<ArrearsBucket, { leases: number; fen: number }>;
  sixMonths: { leases: number; fen: number };
  all: { leases: number; fen: number };
}

export interface ArrearsList {
  today: ISODate;
  totals: ArrearsTotals;
  rows: ArrearsRow[];
  total: number;
  page: number;
  pageCount: number;
}

interface Aggregate {
  leaseId: string;
  overdueFen: number;
  overdueBills: number;
  oldestDueDate: ISODate;
  daysOverdue: number;
  bucket: ArrearsBucket;
  monthlyRentFen: number;
  sixMonths: boolean;
}

function searchWhere(q: string | undefined): Prisma.LeaseWhereInput {
  if (!q) return {};
  if (/^ZL-/i.test(q)) return { leaseNo: { startsWith: q.toUpperCase() } };
  return { application: { applicantName: { startsWith: q } } };
}

/** One row per lease in reach with overdue rent, from the database's aggregate. */
async function aggregates(actor: Actor, query: ArrearsQuery, today: ISODate): Promise<Aggregate[] | null> {
  const scope = scopeWhere(actor, "lease:manage", "Lease", { districtCode: query.district ?? null });
  if (scope === NOTHING) return null;
  const overdueBill = overdueBillWhere(today);
  const leaseWhere: Prisma.LeaseWhereInput = { AND: [scope, { status: { in: [...LIVING_LEASE_STATUSES] } }, searchWhere(query.q)] };
  const [groups, rents] = await Promise.all([
    prisma.bill.groupBy({
      by: ["leaseId"],
      where: { AND: [overdueBill, { lease: leaseWhere }] },
      _sum: { amountFen: true, paidFen: true },
      _min: { dueDate: true },
      _count: { _all: true },
    }),
    prisma.lease.findMany({ where: { AND: [leaseWhere, { bills: { some: overdueBill } }] }, select: { id: true, monthlyRentFen: true } }),
  ]);
  const rentOf = new Map(rents.map((r) => [r.id, r.monthlyRentFen]));
  const todayNumber = toDayNumber(today, "today");
  const out: Aggregate[] = [];
  for (const g of groups) {
    const overdueFen = (g._sum.amountFen ?? 0) - (g._sum.paidFen ?? 0);
    const monthlyRentFen = rentOf.get(g.leaseId);
    if (overdueFen <= 0 || monthlyRentFen === undefined || !g._min.dueDate) continue;
    const oldestDueDate = fromDateColumn(g._min.dueDate);
    const daysOverdue = todayNumber - toDayNumber(oldestDueDate, "dueDate");
    out.push({
      leaseId: g.leaseId,
      overdueFen,
      overdueBills: g._count._all,
      oldestDueDate,
      daysOverdue,
      bucket: arrearsBucketOf(daysOverdue),
      monthlyRentFen,
      sixMonths: arrearsObligeVacating(overdueFen, monthlyRentFen),
    });
  }
  // The oldest debts first, then the largest.
  out.sort((a, b) => b.daysOverdue - a.daysOverdue || b.overdueFen - a.overdueFen || a.leaseId.localeCompare(b.leaseId));
  return out;
}

function totalsOf(rows: readonly Aggregate[]): ArrearsTotals {
  const sum = (list: readonly Aggregate[]) => ({ leases: list.length, fen: sumSafe(list.map((r) => r.overdueFen)) });
  const buckets = Object.fromEntries(ARREARS_BUCKETS.map((b) => [b, sum(rows.filter((r) => r.bucket === b))])) as ArrearsTotals["buckets"];
  return { buckets, sixMonths: sum(rows.filter((r) => r.sixMonths)), all: sum(rows) };
}

function filtered(rows: readonly Aggregate[], query: ArrearsQuery): Aggregate[] {
  return rows.filter((r) => (!query.bucket || r.bucket === query.bucket) && (!query.six || r.sixMonths));
}

/** Late fees owed on `today` by each of the leases (Art. 29), by the rules' own sum. */
async function lateFeesOf(ids: string[], today: ISODate): Promise<Map<string, number>> {
  const [bills, fees] = await Promise.all([
    prisma.bill.findMany({ where: { AND: [{ leaseId: { in: ids } }, overdueBillWhere(today)] }, select: { id: true, leaseId: true, dueDate: true, amountFen: true, paidFen: true } }),
    prisma.lateFee.findMany({ where: { status: "ASSESSED", bill: { leaseId: { in: ids } } }, select: { id: true, billId: true, amountFen: true, paidFen: true, bill: { select: { leaseId: true, dueDate: true } } } }),
  ]);
  const debts = new Map<string, { bills: OpenBill[]; lateFees: OpenLateFee[] }>();
  const of = (leaseId: string) => {
    let d = debts.get(leaseId);
    if (!d) debts.set(leaseId, (d = { bills: [], lateFees: [] }));
    return d;
  };
  for (const b of bills) of(b.leaseId).bills.push({ id: b.id, dueDate: fromDateColumn(b.dueDate), outstandingFen: b.amountFen - b.paidFen });
  for (const f of fees) of(f.bill.leaseId).lateFees.push({ id: f.id, billId: f.billId, dueDate: fromDateColumn(f.bill.dueDate), outstandingFen: f.amountFen - f.paidFen });
  return new Map([...debts].map(([leaseId, d]) => [leaseId, amountToSettleFen({ ...d, onDate: today }).lateFeesFen]));
}

/** The lease facts a row shows, for the leases of one page (or one export). */
async function rowsFor(list: readonly Aggregate[], today: ISODate): Promise<ArrearsRow[]> {
  if (list.length === 0) return [];
  const leases = new Map<string, Awaited<ReturnType<typeof leaseFacts>>[number]>();
  const lateFees = new Map<string, number>();
  // In chunks, well under PostgreSQL's limit of bound parameters.
  for (let i = 0; i < list.length; i += 5_000) {
    const ids = list.slice(i, i + 5_000).map((r) => r.leaseId);
    const [facts, fees] = await Promise.all([leaseFacts(ids), lateFeesOf(ids, today)]);
    for (const l of facts) leases.set(l.id, l);
    for (const [id, fen] of fees) lateFees.set(id, fen);
  }
  return list.flatMap((a) => {
    const l = leases.get(a.leaseId);
    if (!l) return [];
    const order = l.vacateOrders[0];
    return [
      {
        leaseId: a.leaseId,
        leaseNo: l.leaseNo,
        leaseStatus: l.status,
        tenantName: l.application.applicantName,
        unitLabel: `${l.unit.estate.name} ${l.unit.building.name}${l.unit.unitNo}`,
        districtCode: l.unit.estate.districtCode,
        monthlyRentFen: a.monthlyRentFen,
        overdueFen: a.overdueFen,
        overdueBills: a.overdueBills,
        oldestDueDate: a.oldestDueDate,
        daysOverdue: a.daysOverdue,
        bucket: a.bucket,
        months: arrearsInMonths(a.overdueFen, a.monthlyRentFen),
        sixMonths: a.sixMonths,
        lateFeesFen: lateFees.get(a.leaseId) ?? 0,
        openOrder: order ? { orderNo: order.orderNo, ground: order.ground, status: order.status } : null,
      },
    ];
  });
}

function leaseFacts(ids: string[]) {
  return prisma.lease.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      leaseNo: true,
      status: true,
      application: { select: { applicantName: true } },
      unit: { select: { unitNo: true, building: { select: { name: true } }, estate: { select: { name: true, districtCode: true } } } },
      vacateOrders: { where: { status: { in: [...OPEN_VACATE_ORDER_STATUSES] } }, select: { orderNo: true, ground: true, status: true }, take: 1 },
    },
  });
}

const EMPTY_TOTALS: ArrearsTotals = totalsOf([]);

/** One page of the arrears in the officer's reach, and the totals per age bucket. */
export async function listArrears(actor: Actor, query: ArrearsQuery, options: { today?: ISODate } = {}): Promise<ArrearsList> {
  const today = options.today ?? todayCST();
  const all = await aggregates(actor, query, today);
  if (!all) return { today, totals: EMPTY_TOTALS, rows: [], total: 0, page: 1, pageCount: 1 };
  const matching = filtered(all, query);
  const window = pageWindow(query.page ?? 1, matching.length, ARREARS_PAGE_SIZE);
  return { today, totals: totalsOf(all), rows: await rowsFor(matching.slice(window.skip, window.skip + window.take), today), total: matching.length, page: window.page, pageCount: window.pageCount };
}

/** The totals per age bucket alone (the tenancy dashboard), without a page of rows. */
export async function arrearsTotals(actor: Actor, query: ArrearsQuery, options: { today?: ISODate } = {}): Promise<ArrearsTotals> {
  const all = await aggregates(actor, query, options.today ?? todayCST());
  return all ? totalsOf(all) : EMPTY_TOTALS;
}

/** Every row of the list (up to ARREARS_EXPORT_CAP), for the export; `truncated` when there were more. */
export async function exportArrears(actor: Actor, query: ArrearsQuery, options: { today?: ISODate } = {}): Promise<{ today: ISODate; rows: ArrearsRow[]; truncated: boolean }> {
  const today = options.today ?? todayCST();
  const all = await aggregates(actor, query, today);
  if (!all) return { today, rows: [], truncated: false };
  const matching = filtered(all, query);
  return { today, rows: await rowsFor(matching.slice(0, ARREARS_EXPORT_CAP), today), truncated: matching.length > ARREARS_EXPORT_CAP };
}
