import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { OPEN_VACATE_ORDER_STATUSES } from "@/lib/db/application-status";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { holdingOverRentPercent } from "@/lib/rules/leaving";
import { multipliedRentFen } from "@/lib/rules/rent";
import { periodIndexInMonth, periodsBegunBy, rentPeriod, RENT_PAYMENT_DAYS } from "./billing-rules";

// The monthly billing run (Art. 29): every lease in force gets the bill of the period that starts
// in the month, exactly once. "Once" is the database's: the unique key (leaseId, periodStart) and
// INSERT ... ON CONFLICT DO NOTHING, so a second run, or two servers running at once, add nothing.
// A lease in force bills its monthly rent as the lease states it (computed by lib/rules when the
// lease was drawn up), so the run is one INSERT ... SELECT over the leases; the few households
// holding over after the duty to vacate arose pay the transition rent of Art. 38 (1.5 x, then 2 x,
// lib/rules vacatingRentMultiplier), computed here per bill.

type Db = Prisma.TransactionClient | typeof prisma;

export interface BillingRunResult {
  month: string;
  issued: number;
  transitionIssued: number;
}

/** The CST month of a date: "2026-12". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * Issues the bills of the periods that start in `month` (default: this CST month) for every lease
 * in force, and the transition rent of leases held over. Idempotent; safe from several servers.
 */
export async function runBilling(options: { now?: Date; month?: string; actorId?: string | null } = {}): Promise<BillingRunResult> {
  const at = options.now ?? clockNow();
  const month = options.month ?? monthOf(todayCST(at));
  periodIndexInMonth("2000-01-01", month); // validates the month
  const first = `${month}-01`;
  const issued = await prisma.$executeRaw`
    INSERT INTO "Bill" ("id", "leaseId", "kind", "periodStart", "periodEnd", "amountFen", "baseRentFen", "rentMultiplierPercent",
                        "rentBasis", "rentStandardId", "dueDate", "paidFen", "status", "issuedAt")
    SELECT 'bill' || md5(l."id" || p."periodStart"::text), l."id", 'RENT', p."periodStart",
           LEAST((l."startDate" + make_interval(months => p.k + 1))::date - 1, l."endDate"),
           r."rentFen", r."rentFen", 100, l."rentBasis", r."standardId",
           p."periodStart" + ${RENT_PAYMENT_DAYS - 1}::int, 0, 'UNPAID', ${at}
    FROM "Lease" l
    CROSS JOIN LATERAL (
      SELECT k, (l."startDate" + make_interval(months => k))::date AS "periodStart"
      FROM (SELECT ((EXTRACT(YEAR FROM ${first}::date) - EXTRACT(YEAR FROM l."startDate")) * 12
                  + EXTRACT(MONTH FROM ${first}::date) - EXTRACT(MONTH FROM l."startDate"))::int AS k) m
    ) p
    -- A reviewed standard's rent (Art. 27) from the first period starting on or after its date.
    CROSS JOIN LATERAL (
      SELECT CASE WHEN l."nextRentFrom" IS NOT NULL AND p."periodStart" >= l."nextRentFrom" THEN l."nextMonthlyRentFen" ELSE l."monthlyRentFen" END AS "rentFen",
             CASE WHEN l."nextRentFrom" IS NOT NULL AND p."periodStart" >= l."nextRentFrom" THEN l."nextRentStandardId" ELSE l."rentStandardId" END AS "standardId"
    ) r
    WHERE l."status" = 'ACTIVE'
      AND l."startDate" < (${first}::date + interval '1 month')
      AND l."endDate" >= ${first}::date
      AND p.k >= 0 AND p.k < l."termMonths"
    ON CONFLICT ("leaseId", "periodStart") DO NOTHING`;
  const transitionIssued = await billHoldingOver(month, at);
  if (issued + transitionIssued > 0) {
    await writeAudit({ actorId: options.actorId ?? null, actorRole: null, action: "billing.run", entityType: "Bill", entityId: month, data: { month, issued, transitionIssued } });
  }
  return { month, issued, transitionIssued };
}

/** What a lease's rent of a period is read from: its rent, and a reviewed standard's from a date (Art. 27). */
const leaseRentSelect = { monthlyRentFen: true, rentStandardId: true, nextRentFrom: true, nextMonthlyRentFen: true, nextRentStandardId: true } satisfies Prisma.LeaseSelect;
type LeaseRent = Prisma.LeaseGetPayload<{ select: typeof leaseRentSelect }>;

/** The rent and standard of the period starting on `periodStart`: the next rent from its date on. */
export function rentOfPeriod(lease: LeaseRent, periodStart: string): { rentFen: number; standardId: string | null } {
  if (lease.nextRentFrom && lease.nextMonthlyRentFen !== null && periodStart >= fromDateColumn(lease.nextRentFrom)) {
    return { rentFen: lease.nextMonthlyRentFen, standardId: lease.nextRentStandardId };
  }
  return { rentFen: lease.monthlyRentFen, standardId: lease.rentStandardId };
}

const holdingOverSelect = {
  id: true, startDate: true, rentBasis: true, ...leaseRentSelect,
  vacateOrders: {
    where: { status: { in: [...OPEN_VACATE_ORDER_STATUSES] } },
    select: { id: true, obligationDate: true, transitionGranted: true },
    orderBy: { issuedAt: "desc" },
    take: 1,
  },
} satisfies Prisma.LeaseSelect;
type HoldingOverLease = Prisma.LeaseGetPayload<{ select: typeof holdingOverSelect }>;

/** The transition-rent bill of period `k` of a lease held over under its open order, or null before the duty arose. */
function transitionBill(lease: HoldingOverLease, k: number, at: Date): Prisma.BillCreateManyInput | null {
  const order = lease.vacateOrders[0];
  if (!order || k < 0) return null;
  const period = rentPeriod(fromDateColumn(lease.startDate), k);
  const obligation = fromDateColumn(order.obligationDate);
  if (period.periodEnd < obligation) return null;
  const multiplier = holdingOverRentPercent({ obligationDate: obligation, transitionGranted: order.transitionGranted, periodStart: period.periodStart });
  const rent = rentOfPeriod(lease, period.periodStart);
  return {
    leaseId: lease.id,
    kind: "TRANSITION_RENT",
    periodStart: dateColumn(period.periodStart),
    periodEnd: dateColumn(period.periodEnd),
    amountFen: multipliedRentFen(rent.rentFen, multiplier),
    baseRentFen: rent.rentFen,
    rentMultiplierPercent: multiplier,
    rentBasis: lease.rentBasis,
    rentStandardId: rent.standardId,
    vacateOrderId: order.id,
    dueDate: dateColumn(period.dueDate),
    issuedAt: at,
  };
}

/**
 * Art. 38: a household held over after the duty to leave arose pays, per period starting in
 * `month`, 1.5 x the rent during a transition granted and 2 x after it, or 2 x at once without one
 * (lib/rules holdingOverRentPercent), under its open vacate order.
 */
async function billHoldingOver(month: string, at: Date): Promise<number> {
  const leases = await prisma.lease.findMany({
    where: { status: "HOLDING_OVER", vacateOrders: { some: { status: { in: [...OPEN_VACATE_ORDER_STATUSES] } } } },
    select: holdingOverSelect,
  });
  const rows = leases.flatMap((lease) => {
    const bill = transitionBill(lease, periodIndexInMonth(fromDateColumn(lease.startDate), month), at);
    return bill ? [bill] : [];
  });
  if (rows.length === 0) return 0;
  return (await prisma.bill.createMany({ data: rows, skipDuplicates: true })).count;
}

/**
 * The transition-rent bills of every period begun by `through` since the duty to leave arose that
 * has no bill yet (when the order is issued, so the household sees what it owes at once).
 */
export async function issueTransitionBills(db: Db, leaseId: string, through: string, at: Date): Promise<number> {
  const lease = await db.lease.findUniqueOrThrow({ where: { id: leaseId }, select: holdingOverSelect });
  const begun = periodIndexInMonth(fromDateColumn(lease.startDate), monthOf(through));
  const rows: Prisma.BillCreateManyInput[] = [];
  for (let k = 0; k <= begun && rentPeriod(fromDateColumn(lease.startDate), k).periodStart <= through; k++) {
    const bill = transitionBill(lease, k, at);
    if (bill) rows.push(bill);
  }
  if (rows.length === 0) return 0;
  return (await db.bill.createMany({ data: rows, skipDuplicates: true })).count;
}

/** The bills of every period of one lease that has begun by `through` (at countersigning: catch up from the start date). */
export async function issueBillsForLease(db: Db, leaseId: string, through: string, at: Date): Promise<number> {
  const lease = await db.lease.findUniqueOrThrow({ where: { id: leaseId }, select: { id: true, startDate: true, termMonths: true, rentBasis: true, status: true, ...leaseRentSelect } });
  if (lease.status !== "ACTIVE") return 0;
  const periods = periodsBegunBy(fromDateColumn(lease.startDate), lease.termMonths, through);
  if (periods.length === 0) return 0;
  const result = await db.bill.createMany({
    data: periods.map((p) => {
      const rent = rentOfPeriod(lease, p.periodStart);
      return {
        leaseId: lease.id,
        kind: "RENT" as const,
        periodStart: dateColumn(p.periodStart),
        periodEnd: dateColumn(p.periodEnd),
        amountFen: rent.rentFen,
        baseRentFen: rent.rentFen,
        rentMultiplierPercent: 100,
        rentBasis: lease.rentBasis,
        rentStandardId: rent.standardId,
        dueDate: dateColumn(p.dueDate),
        issuedAt: at,
      };
    }),
    skipDuplicates: true,
  });
  return result.count;
}
