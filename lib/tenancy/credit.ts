import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { fromDateColumn, now as clockNow } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { settlePayment } from "@/lib/rules/settlement";
import { lockLease, openDebts, writeSettlement } from "./payments";

// Credit (Art. 29 settlement order, lib/rules settlePayment): money a receipt brought beyond every
// debt of the lease stays on the receipt as `unappliedFen`, "credit for the next bill". When bills
// are issued, the credit pays them, the oldest receipt's first, by the same rules as a payment made
// on the receipt's own day (so a bill due after the money came brings no late fee), and the receipt's
// credit goes down by what it paid. Under the lease's lock, as every settlement: a payment crossing
// the job never pays a bill twice, and two servers applying the same credit apply it once.

type Tx = Prisma.TransactionClient;
const TX = { maxWait: 20_000, timeout: 20_000 } as const;

/** Applies the credit of one lease to its open debts, inside `tx`; the fen applied. */
export async function applyLeaseCredit(tx: Tx, leaseId: string, at: Date): Promise<number> {
  await lockLease(tx, leaseId);
  const receipts = await tx.rentReceipt.findMany({
    where: { leaseId, unappliedFen: { gt: 0 } },
    select: { id: true, receiptNo: true, unappliedFen: true, method: true, paidOn: true },
    orderBy: [{ paidAt: "asc" }, { id: "asc" }],
  });
  let applied = 0;
  for (const receipt of receipts) {
    const debts = await openDebts(tx, leaseId);
    if (debts.bills.length === 0 && debts.lateFees.length === 0) break;
    const paidOn = fromDateColumn(receipt.paidOn);
    const settlement = settlePayment({ ...debts, amountFen: receipt.unappliedFen, paidDate: paidOn });
    const used = receipt.unappliedFen - settlement.unappliedFen;
    if (used === 0) break;
    const taken = await tx.rentReceipt.updateMany({ where: { id: receipt.id, unappliedFen: receipt.unappliedFen }, data: { unappliedFen: settlement.unappliedFen } });
    if (taken.count !== 1) continue;
    await writeSettlement(tx, { debts, settlement, receiptId: receipt.id, method: receipt.method, paidAt: at, paidOn, recordedById: null });
    await writeAudit({ actorId: null, actorRole: null, action: "receipt.credit-applied", entityType: "RentReceipt", entityId: receipt.id, data: { receiptNo: receipt.receiptNo, appliedFen: used, leftFen: settlement.unappliedFen } }, tx);
    applied += used;
  }
  return applied;
}

/** The job (after the billing run): every lease with credit and something owed, once each. */
export async function applyCredits(now: Date = clockNow()): Promise<{ leases: number; appliedFen: number }> {
  // The partial index RentReceipt_credit_idx keeps this to the few receipts with credit.
  const due = await prisma.$queryRaw<{ leaseId: string }[]>`
    SELECT DISTINCT r."leaseId" FROM "RentReceipt" r
     WHERE r."unappliedFen" > 0
       AND EXISTS (SELECT 1 FROM "Bill" b WHERE b."leaseId" = r."leaseId" AND b.status IN ('UNPAID', 'PARTIALLY_PAID'))`;
  let leases = 0;
  let appliedFen = 0;
  for (const { leaseId } of due) {
    const applied = await prisma.$transaction((tx) => applyLeaseCredit(tx, leaseId, now), TX);
    if (applied > 0) leases++;
    appliedFen += applied;
  }
  return { leases, appliedFen };
}
