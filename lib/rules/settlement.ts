import { toDayNumber } from "./dates";
import { assertFen } from "./money";
import { daysLate, lateFeeFen } from "./rent";
import type { Fen, ISODate } from "./types";

// How a payment settles a tenant's debts (Art. 29). The order, stated to the tenant on every
// receipt: the oldest debt first. Bills go by due date, the earliest first; within a bill, a late
// fee already assessed on it comes first, then its rent, then the late fee of 0.05 % a day
// (lateFeeFen) that the part of the rent paid after the due date brings. What is left after every
// debt stays as credit for the next bill.

export interface OpenBill {
  id: string;
  dueDate: ISODate;
  /** Rent still owed on the bill. */
  outstandingFen: Fen;
}

export interface OpenLateFee {
  id: string;
  /** The bill the fee was assessed on, and that bill's due date (the fee's place in the order). */
  billId: string;
  dueDate: ISODate;
  outstandingFen: Fen;
}

export interface RentSettlement {
  billId: string;
  amountFen: Fen;
  /** The late fee this part brings (Art. 29), or null when paid on time. */
  lateFee: { baseFen: Fen; daysLate: number; amountFen: Fen } | null;
}

export interface FeeSettlement {
  /** An existing fee's id, or null for the fee this payment's late part brings. */
  lateFeeId: string | null;
  billId: string;
  amountFen: Fen;
}

export interface Settlement {
  rent: RentSettlement[];
  fees: FeeSettlement[];
  /** Money left over after every debt, kept as credit. */
  unappliedFen: Fen;
}

function compareBills(a: { dueDate: ISODate; billId: string }, b: { dueDate: ISODate; billId: string }): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.billId < b.billId ? -1 : a.billId > b.billId ? 1 : 0;
}

/** Settles `amountFen` paid on `paidDate` against the open bills and late fees, in the order above. */
export function settlePayment(input: { bills: readonly OpenBill[]; lateFees: readonly OpenLateFee[]; amountFen: Fen; paidDate: ISODate }): Settlement {
  assertFen(input.amountFen, "amountFen");
  toDayNumber(input.paidDate, "paidDate");
  const groups = new Map<string, { billId: string; dueDate: ISODate; bill: OpenBill | null; fees: OpenLateFee[] }>();
  const group = (billId: string, dueDate: ISODate) => {
    let g = groups.get(billId);
    if (!g) groups.set(billId, (g = { billId, dueDate, bill: null, fees: [] }));
    return g;
  };
  for (const bill of input.bills) {
    assertFen(bill.outstandingFen, "outstandingFen");
    if (bill.outstandingFen > 0) group(bill.id, bill.dueDate).bill = bill;
  }
  for (const fee of input.lateFees) {
    assertFen(fee.outstandingFen, "outstandingFen");
    if (fee.outstandingFen > 0) group(fee.billId, fee.dueDate).fees.push(fee);
  }
  let left = input.amountFen;
  const rent: RentSettlement[] = [];
  const fees: FeeSettlement[] = [];
  for (const g of [...groups.values()].sort(compareBills)) {
    for (const fee of g.fees.sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (left === 0) break;
      const part = Math.min(left, fee.outstandingFen);
      left -= part;
      fees.push({ lateFeeId: fee.id, billId: g.billId, amountFen: part });
    }
    if (left === 0) break;
    if (!g.bill) continue;
    const part = Math.min(left, g.bill.outstandingFen);
    left -= part;
    const fee = lateFeeFen(part, g.dueDate, input.paidDate);
    rent.push({ billId: g.billId, amountFen: part, lateFee: fee > 0 ? { baseFen: part, daysLate: daysLate(g.dueDate, input.paidDate), amountFen: fee } : null });
    if (fee > 0 && left > 0) {
      const feePart = Math.min(left, fee);
      left -= feePart;
      fees.push({ lateFeeId: null, billId: g.billId, amountFen: feePart });
    }
  }
  return { rent, fees, unappliedFen: left };
}

/**
 * What settles everything on `onDate`: the rent owed, the late fees already assessed and not
 * paid, and the late fee each overdue bill would bring if paid that day (Art. 29).
 */
export function amountToSettleFen(input: { bills: readonly OpenBill[]; lateFees: readonly OpenLateFee[]; onDate: ISODate }): { rentFen: Fen; lateFeesFen: Fen; totalFen: Fen } {
  let rentFen = 0;
  let lateFeesFen = 0;
  for (const bill of input.bills) {
    rentFen += bill.outstandingFen;
    lateFeesFen += lateFeeFen(bill.outstandingFen, bill.dueDate, input.onDate);
  }
  for (const fee of input.lateFees) lateFeesFen += fee.outstandingFen;
  return { rentFen, lateFeesFen, totalFen: rentFen + lateFeesFen };
}
