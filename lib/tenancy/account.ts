import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import type { BillKind, BillStatus, PaymentMethod, RentBasis } from "@/lib/generated/prisma/client";
import { lateFeeFen } from "@/lib/rules/rent";
import { amountToSettleFen } from "@/lib/rules/settlement";
import type { ISODate } from "@/lib/rules/types";
import { rentPeriod, periodIndexInMonth } from "./billing-rules";
import { openDebts } from "./payments";
import { isLeaseNo } from "./leases";

// A tenant's statement of account (对账单): every bill of the lease with what was paid on it and
// the late fees it brought, the receipts, and what settles the account today (rent, the late fees
// assessed, and those running on overdue bills, Art. 29).

export interface StatementBill {
  id: string;
  kind: BillKind;
  periodStart: ISODate;
  periodEnd: ISODate;
  dueDate: ISODate;
  amountFen: number;
  baseRentFen: number;
  rentMultiplierPercent: number;
  paidFen: number;
  status: BillStatus;
  /** The rent rule and the standard's document number the bill used (Art. 27, 33, 45); null: the unit's own standard rent. */
  rentBasis: RentBasis;
  standardDocumentNo: string | null;
  hasStandard: boolean;
  /** Late fees assessed on the bill (when parts of it were paid late), and how much of them is paid. */
  lateFeesFen: number;
  lateFeesPaidFen: number;
  /** The fee running today on what is still owed (not yet assessed). */
  runningLateFeeFen: number;
  overdue: boolean;
}

export interface StatementReceipt {
  receiptNo: string;
  amountFen: number;
  method: PaymentMethod;
  paidAt: Date;
  paidOn: ISODate;
  unappliedFen: number;
}

export interface Statement {
  leaseId: string;
  leaseNo: string;
  today: ISODate;
  bills: StatementBill[];
  receipts: StatementReceipt[];
  due: { rentFen: number; lateFeesFen: number; totalFen: number };
  billedFen: number;
  paidFen: number;
  /** Paid beyond every debt, kept on the receipts as credit for the next bills (credit.ts). */
  creditFen: number;
}

/** The whole statement of a lease, read in three indexed queries; null if out of the actor's reach. */
export async function statementOf(actor: Actor, leaseNo: string, options: { now?: Date } = {}): Promise<Statement | null> {
  const scope = scopeWhere(actor, "payment:read", "Lease");
  if (scope === NOTHING || !isLeaseNo(leaseNo)) return null;
  const lease = await prisma.lease.findFirst({ where: { AND: [scope, { leaseNo }] }, select: { id: true, leaseNo: true } });
  if (!lease) return null;
  return statementForLease(lease.id, lease.leaseNo, todayCST(options.now ?? clockNow()));
}

export async function statementForLease(leaseId: string, leaseNo: string, today: ISODate): Promise<Statement> {
  const [bills, fees, receipts] = await Promise.all([
    prisma.bill.findMany({
      where: { leaseId },
      select: { id: true, kind: true, periodStart: true, periodEnd: true, dueDate: true, amountFen: true, baseRentFen: true, rentMultiplierPercent: true, paidFen: true, status: true, rentBasis: true, rentStandardId: true, rentStandard: { select: { documentNo: true } } },
      orderBy: { periodStart: "asc" },
    }),
    prisma.lateFee.findMany({ where: { bill: { leaseId } }, select: { billId: true, amountFen: true, paidFen: true, status: true } }),
    prisma.rentReceipt.findMany({ where: { leaseId }, select: { receiptNo: true, amountFen: true, method: true, paidAt: true, paidOn: true, unappliedFen: true }, orderBy: { paidAt: "desc" } }),
  ]);
  const feesByBill = new Map<string, { fen: number; paid: number; open: number }>();
  for (const f of fees) {
    const entry = feesByBill.get(f.billId) ?? { fen: 0, paid: 0, open: 0 };
    entry.fen += f.amountFen;
    entry.paid += f.paidFen;
    if (f.status === "ASSESSED") entry.open += f.amountFen - f.paidFen;
    feesByBill.set(f.billId, entry);
  }
  const rows: StatementBill[] = bills.map((b) => {
    const dueDate = fromDateColumn(b.dueDate);
    const open = b.status === "UNPAID" || b.status === "PARTIALLY_PAID" ? b.amountFen - b.paidFen : 0;
    const f = feesByBill.get(b.id);
    return {
      id: b.id,
      kind: b.kind,
      periodStart: fromDateColumn(b.periodStart),
      periodEnd: fromDateColumn(b.periodEnd),
      dueDate,
      amountFen: b.amountFen,
      baseRentFen: b.baseRentFen,
      rentMultiplierPercent: b.rentMultiplierPercent,
      paidFen: b.paidFen,
      status: b.status,
      rentBasis: b.rentBasis,
      standardDocumentNo: b.rentStandard?.documentNo ?? null,
      hasStandard: b.rentStandardId !== null,
      lateFeesFen: f?.fen ?? 0,
      lateFeesPaidFen: f?.paid ?? 0,
      runningLateFeeFen: lateFeeFen(open, dueDate, today),
      overdue: open > 0 && dueDate < today,
    };
  });
  const due = amountToSettleFen({
    bills: rows.filter((r) => r.status === "UNPAID" || r.status === "PARTIALLY_PAID").map((r) => ({ id: r.id, dueDate: r.dueDate, outstandingFen: r.amountFen - r.paidFen })),
    lateFees: [...feesByBill.entries()].filter(([, f]) => f.open > 0).map(([billId, f]) => ({ id: billId, billId, dueDate: today, outstandingFen: f.open })),
    onDate: today,
  });
  return {
    leaseId,
    leaseNo,
    today,
    bills: rows,
    receipts: receipts.map((r) => ({ ...r, paidOn: fromDateColumn(r.paidOn) })),
    due,
    billedFen: rows.reduce((s, r) => s + r.amountFen, 0),
    paidFen: receipts.reduce((s, r) => s + r.amountFen, 0),
    creditFen: receipts.reduce((s, r) => s + r.unappliedFen, 0),
  };
}

/** The next bill the tenant will see: the earliest still owed, or the period after the last one billed. */
export function nextBillOf(statement: Statement, lease: { startDate: ISODate; endDate: ISODate; monthlyRentFen: number; nextRent?: { from: ISODate; monthlyRentFen: number } | null }): { periodStart: ISODate; dueDate: ISODate; amountFen: number; issued: boolean } | null {
  const open = statement.bills.find((b) => b.status === "UNPAID" || b.status === "PARTIALLY_PAID");
  if (open) return { periodStart: open.periodStart, dueDate: open.dueDate, amountFen: open.amountFen - open.paidFen, issued: true };
  const last = statement.bills.at(-1);
  const k = last ? periodIndexInMonth(lease.startDate, last.periodStart.slice(0, 7)) + 1 : 0;
  const next = rentPeriod(lease.startDate, Math.max(0, k));
  if (next.periodStart > lease.endDate) return null;
  // A reviewed standard's rent from its date (Art. 27).
  const rent = lease.nextRent && next.periodStart >= lease.nextRent.from ? lease.nextRent.monthlyRentFen : lease.monthlyRentFen;
  return { periodStart: next.periodStart, dueDate: next.dueDate, amountFen: rent, issued: false };
}

