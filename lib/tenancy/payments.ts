import "server-only";
import { randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { nextSequenceValue } from "@/lib/db/sequence";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { PaymentMethod, Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/allocation/inputs";
import type { PaymentEvent } from "@/lib/payments/provider";
import { defaultPaymentProvider, paymentProvider } from "@/lib/payments/providers";
import { amountToSettleFen, settlePayment, type OpenBill, type OpenLateFee } from "@/lib/rules/settlement";
import type { ISODate } from "@/lib/rules/types";
import { counterPaymentInputSchema, startPaymentInputSchema, type CounterPaymentInput, type StartPaymentInput } from "./schemas";

// Rent payments (Art. 28-29). Money arrives as a receipt (online through a payment provider, at
// the counter, or by bank collection), one per method and reference, a unique key; the receipt is
// split over the lease's debts, the oldest first (lib/rules settlePayment: by due date; within a
// bill its earlier late fee, its rent, then the late fee of the part paid late). Settlements of one
// lease run one at a time under a lock on the lease's row, so two payments crossing never pay a
// bill twice. An online order is settled once, by the provider's payment id: a replayed or
// reordered callback finds it settled and changes nothing.

type Tx = Prisma.TransactionClient;

const OPEN_BILL_STATUSES = ["UNPAID", "PARTIALLY_PAID"] as const;

/** What the lease owes: its open bills and unpaid late fees, as the rules take them. */
export async function openDebts(db: Tx | typeof prisma, leaseId: string): Promise<{ bills: OpenBill[]; lateFees: OpenLateFee[] }> {
  const [bills, fees] = await Promise.all([
    db.bill.findMany({ where: { leaseId, status: { in: [...OPEN_BILL_STATUSES] } }, select: { id: true, dueDate: true, amountFen: true, paidFen: true } }),
    db.lateFee.findMany({ where: { bill: { leaseId }, status: "ASSESSED" }, select: { id: true, billId: true, amountFen: true, paidFen: true, bill: { select: { dueDate: true } } } }),
  ]);
  return {
    bills: bills.map((b) => ({ id: b.id, dueDate: fromDateColumn(b.dueDate), outstandingFen: b.amountFen - b.paidFen })),
    lateFees: fees.map((f) => ({ id: f.id, billId: f.billId, dueDate: fromDateColumn(f.bill.dueDate), outstandingFen: f.amountFen - f.paidFen })),
  };
}

/** What settles the lease on a day: rent, late fees (assessed and running), total. */
export async function amountDue(leaseId: string, onDate: ISODate) {
  return amountToSettleFen({ ...(await openDebts(prisma, leaseId)), onDate });
}

/** Settlements of one lease, one at a time: locks the lease's row until the transaction ends. */
export async function lockLease(tx: Tx, leaseId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Lease" WHERE "id" = ${leaseId} FOR UPDATE`;
}

function receiptNoFor(date: ISODate, sequence: number): string {
  return `SJ-${date.replaceAll("-", "")}-${String(sequence).padStart(6, "0")}`;
}

/**
 * Records money received for a lease and settles it, inside `tx`. A receipt with the same method
 * and reference exists already: returns it, changing nothing (a retried form, a replayed callback).
 */
export async function settleReceipt(
  tx: Tx,
  input: { leaseId: string; amountFen: number; method: PaymentMethod; reference: string; paidAt: Date; paidOn: ISODate; recordedById: string | null },
): Promise<{ receiptId: string; receiptNo: string; created: boolean }> {
  await lockLease(tx, input.leaseId);
  const existing = await tx.rentReceipt.findUnique({ where: { method_reference: { method: input.method, reference: input.reference } }, select: { id: true, receiptNo: true } });
  if (existing) return { receiptId: existing.id, receiptNo: existing.receiptNo, created: false };
  const debts = await openDebts(tx, input.leaseId);
  const settlement = settlePayment({ ...debts, amountFen: input.amountFen, paidDate: input.paidOn });
  const year = input.paidOn.slice(0, 4);
  const receipt = await tx.rentReceipt.create({
    data: {
      receiptNo: receiptNoFor(input.paidOn, await nextSequenceValue(tx, `receipt:${year}`)),
      leaseId: input.leaseId,
      amountFen: input.amountFen,
      method: input.method,
      reference: input.reference,
      paidAt: input.paidAt,
      paidOn: dateColumn(input.paidOn),
      recordedById: input.recordedById,
      unappliedFen: settlement.unappliedFen,
    },
    select: { id: true, receiptNo: true },
  });
  await writeSettlement(tx, { debts, settlement, receiptId: receipt.id, method: input.method, paidAt: input.paidAt, paidOn: input.paidOn, recordedById: input.recordedById });
  return { receiptId: receipt.id, receiptNo: receipt.receiptNo, created: true };
}

/**
 * Writes a settlement of `settlePayment` inside `tx`: a Payment per part of the receipt, the bills'
 * paid amounts and statuses, the late fees the late parts bring (assessed through `paidOn`) and the
 * fees paid. Shared by money just received and by credit applied to later bills (credit.ts).
 */
export async function writeSettlement(
  tx: Tx,
  input: {
    debts: { bills: OpenBill[]; lateFees: OpenLateFee[] };
    settlement: ReturnType<typeof settlePayment>;
    receiptId: string;
    method: PaymentMethod;
    paidAt: Date;
    paidOn: ISODate;
    recordedById: string | null;
  },
): Promise<void> {
  const { debts, settlement } = input;
  const bills = new Map(debts.bills.map((b) => [b.id, b]));
  const newFeeIds = new Map<string, string>();
  for (const part of settlement.rent) {
    const bill = bills.get(part.billId)!;
    const payment = await tx.payment.create({
      data: { billId: part.billId, amountFen: part.amountFen, method: input.method, paidAt: input.paidAt, recordedById: input.recordedById, receiptId: input.receiptId },
      select: { id: true },
    });
    const full = part.amountFen === bill.outstandingFen;
    await tx.bill.update({
      where: { id: part.billId },
      data: { paidFen: { increment: part.amountFen }, status: full ? "PAID" : "PARTIALLY_PAID", ...(full ? { paidAt: input.paidAt } : {}) },
    });
    if (part.lateFee) {
      const fee = await tx.lateFee.create({
        data: {
          billId: part.billId,
          baseFen: part.lateFee.baseFen,
          fromDate: dateColumn(bill.dueDate),
          throughDate: dateColumn(input.paidOn),
          daysLate: part.lateFee.daysLate,
          amountFen: part.lateFee.amountFen,
          paymentId: payment.id,
          assessedAt: input.paidAt,
        },
        select: { id: true },
      });
      newFeeIds.set(part.billId, fee.id);
    }
  }
  const fees = new Map(debts.lateFees.map((f) => [f.id, f]));
  for (const part of settlement.fees) {
    const lateFeeId = part.lateFeeId ?? newFeeIds.get(part.billId)!;
    const owed = part.lateFeeId ? fees.get(part.lateFeeId)!.outstandingFen : settlement.rent.find((r) => r.billId === part.billId)!.lateFee!.amountFen;
    await tx.payment.create({
      data: { billId: part.billId, amountFen: part.amountFen, method: input.method, paidAt: input.paidAt, recordedById: input.recordedById, receiptId: input.receiptId, lateFeeId },
    });
    await tx.lateFee.update({ where: { id: lateFeeId }, data: { paidFen: { increment: part.amountFen }, ...(part.amountFen === owed ? { status: "PAID" } : {}) } });
  }
}

async function leaseForPayment(leaseId: string) {
  const lease = await prisma.lease.findUnique({
    where: { id: leaseId },
    select: { id: true, leaseNo: true, status: true, tenantUserId: true, unit: { select: { estate: { select: { districtCode: true, name: true } } } } },
  });
  if (!lease) throw new AppError("NOT_FOUND", { messageKey: "tenancy.errors.leaseNotFound" });
  return lease;
}

function orderNo(at: Date): string {
  const day = todayCST(at).replaceAll("-", "");
  return `PO-${day}-${randomBytes(5).toString("hex").toUpperCase()}`;
}

/**
 * The tenant starts an online payment of at most what is owed today. A form sent twice within
 * the half hour gets the same open order back.
 */
export async function startOnlinePayment(actor: Actor, input: StartPaymentInput, options: { now?: Date } = {}): Promise<{ orderNo: string; payUrl: string }> {
  const { leaseId, amountFen: amount } = parseInput(startPaymentInputSchema, input);
  const at = options.now ?? clockNow();
  const lease = await leaseForPayment(leaseId);
  if (lease.tenantUserId !== actor.id) throw new AppError("NOT_FOUND", { messageKey: "tenancy.errors.leaseNotFound" });
  assertCan(actor, "payment:read", { ownerId: lease.tenantUserId });
  if (lease.status !== "ACTIVE" && lease.status !== "HOLDING_OVER") throw new AppError("CONFLICT", { messageKey: "tenancy.errors.nothingToPay" });
  const due = await amountDue(leaseId, todayCST(at));
  if (due.totalFen === 0) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.nothingToPay" });
  if (amount > due.totalFen) throw new AppError("VALIDATION", { fieldErrors: { amount: ["tenancy.validation.amountAboveDue"] } });
  const provider = await defaultPaymentProvider();
  if (!provider) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.noPaymentProvider" });
  const recent = await prisma.paymentOrder.findFirst({
    where: { leaseId, amountFen: amount, status: "PENDING", provider: provider.id, createdById: actor.id, createdAt: { gte: new Date(at.getTime() - 30 * 60_000) }, providerPaymentId: { not: null } },
    select: { orderNo: true, providerPaymentId: true },
    orderBy: { createdAt: "desc" },
  });
  if (recent) return { orderNo: recent.orderNo, payUrl: `/pay/${provider.id}/${recent.providerPaymentId}` };
  const no = orderNo(at);
  const created = await provider.createPayment({ orderNo: no, amountFen: amount, description: `租金 ${lease.leaseNo}` });
  await prisma.$transaction(async (tx) => {
    await tx.paymentOrder.create({ data: { orderNo: no, leaseId, amountFen: amount, provider: provider.id, providerPaymentId: created.providerPaymentId, createdById: actor.id, createdAt: at } });
    await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "payment.start", entityType: "PaymentOrder", entityId: no, districtCode: lease.unit.estate.districtCode, data: { leaseNo: lease.leaseNo, amountFen: amount, provider: provider.id } }, tx);
  });
  return { orderNo: no, payUrl: created.payUrl };
}

export type CallbackOutcome =
  | { status: 200; body: { result: "settled" | "failed" | "already-processed"; orderNo: string; receiptNo?: string } }
  | { status: 400 | 401 | 404 | 409 | 503; body: { error: string; code: string } };

/**
 * A provider's callback: verified, then applied once. Unknown payments, a wrong amount or order
 * number, or a bad signature are refused and change nothing.
 */
export async function handlePaymentCallback(providerId: string, headers: Headers, rawBody: Uint8Array, options: { now?: Date } = {}): Promise<CallbackOutcome> {
  const at = options.now ?? clockNow();
  const provider = await paymentProvider(providerId);
  if (!provider) return { status: 404, body: { error: "该支付渠道未启用", code: "UNKNOWN_PROVIDER" } };
  const check = provider.verifyCallback(headers, rawBody, at);
  if (!check.ok) {
    if (check.reason === "body") return { status: 400, body: { error: "回调内容格式不正确", code: "BAD_BODY" } };
    return { status: 401, body: { error: check.reason === "stale" ? "回调时间戳已过期" : "回调签名无效", code: check.reason === "stale" ? "STALE_TIMESTAMP" : "BAD_SIGNATURE" } };
  }
  return applyPaymentEvent(provider.id, check.event, at);
}

async function applyPaymentEvent(providerId: string, event: PaymentEvent, at: Date): Promise<CallbackOutcome> {
  const order = await prisma.paymentOrder.findUnique({
    where: { provider_providerPaymentId: { provider: providerId, providerPaymentId: event.providerPaymentId } },
    select: { id: true, orderNo: true, leaseId: true, amountFen: true, status: true, receipt: { select: { receiptNo: true } }, lease: { select: { leaseNo: true, unit: { select: { estate: { select: { districtCode: true } } } } } } },
  });
  if (!order) return { status: 404, body: { error: "没有这笔支付", code: "UNKNOWN_PAYMENT" } };
  if (order.orderNo !== event.orderNo) return { status: 400, body: { error: "订单号与支付不符", code: "ORDER_MISMATCH" } };
  if (order.amountFen !== event.amountFen) return { status: 400, body: { error: "金额与订单不符", code: "AMOUNT_MISMATCH" } };
  await prisma.paymentOrder.update({ where: { id: order.id }, data: { callbacks: { increment: 1 } } });
  if (order.status !== "PENDING") return { status: 200, body: { result: "already-processed", orderNo: order.orderNo, ...(order.receipt ? { receiptNo: order.receipt.receiptNo } : {}) } };
  if (event.status === "FAILED") {
    const failed = await prisma.paymentOrder.updateMany({ where: { id: order.id, status: "PENDING" }, data: { status: "FAILED" } });
    return { status: 200, body: { result: failed.count === 1 ? "failed" : "already-processed", orderNo: order.orderNo } };
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const paid = await tx.paymentOrder.updateMany({ where: { id: order.id, status: "PENDING" }, data: { status: "PAID", paidAt: event.paidAt } });
      if (paid.count !== 1) return { status: 200 as const, body: { result: "already-processed" as const, orderNo: order.orderNo } };
      const receipt = await settleReceipt(tx, {
        leaseId: order.leaseId,
        amountFen: order.amountFen,
        method: "ONLINE",
        reference: `${providerId}:${event.providerPaymentId}`,
        paidAt: event.paidAt,
        paidOn: todayCST(event.paidAt),
        recordedById: null,
      });
      await tx.paymentOrder.update({ where: { id: order.id }, data: { receiptId: receipt.receiptId } });
      await writeAudit(
        { actorId: null, actorRole: null, action: "payment.settle", entityType: "PaymentOrder", entityId: order.orderNo, districtCode: order.lease.unit.estate.districtCode, data: { leaseNo: order.lease.leaseNo, amountFen: order.amountFen, receiptNo: receipt.receiptNo, provider: providerId } },
        tx,
      );
      return { status: 200 as const, body: { result: "settled" as const, orderNo: order.orderNo, receiptNo: receipt.receiptNo } };
    });
  } catch (error) {
    // Two deliveries of one callback at the same moment: the other one settled it.
    if (isUniqueViolation(error, "method") || isUniqueViolation(error, "reference")) return { status: 200, body: { result: "already-processed", orderNo: order.orderNo } };
    throw error;
  }
}

/** An officer records money paid at the counter (or by transfer), once per form (Art. 28). */
export async function recordCounterPayment(actor: Actor, input: CounterPaymentInput, options: { now?: Date } = {}): Promise<{ receiptNo: string; created: boolean }> {
  const { leaseId, amountFen: amount, method, paidOn, formKey } = parseInput(counterPaymentInputSchema, input);
  const at = options.now ?? clockNow();
  const lease = await leaseForPayment(leaseId);
  assertCan(actor, "lease:manage", { districtCode: lease.unit.estate.districtCode });
  if (paidOn > todayCST(at)) throw new AppError("VALIDATION", { fieldErrors: { paidOn: ["tenancy.validation.paidOnFuture"] } });
  const reference = `counter:${formKey}`;
  const repeat = await prisma.rentReceipt.findUnique({ where: { method_reference: { method, reference } }, select: { receiptNo: true, leaseId: true } });
  if (repeat) {
    if (repeat.leaseId !== leaseId) throw new AppError("CONFLICT");
    return { receiptNo: repeat.receiptNo, created: false };
  }
  const due = amountToSettleFen({ ...(await openDebts(prisma, leaseId)), onDate: paidOn });
  if (due.totalFen === 0) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.nothingToPay" });
  if (amount > due.totalFen) throw new AppError("VALIDATION", { fieldErrors: { amount: ["tenancy.validation.amountAboveDue"] } });
  try {
    return await prisma.$transaction(async (tx) => {
      const receipt = await settleReceipt(tx, { leaseId, amountFen: amount, method, reference, paidAt: at, paidOn, recordedById: actor.id });
      if (receipt.created) {
        await writeAudit(
          { actorId: actor.id, actorRole: actor.role, action: "payment.counter", entityType: "RentReceipt", entityId: receipt.receiptNo, districtCode: lease.unit.estate.districtCode, data: { leaseNo: lease.leaseNo, amountFen: amount, method, paidOn } },
          tx,
        );
      }
      return { receiptNo: receipt.receiptNo, created: receipt.created };
    });
  } catch (error) {
    if (isUniqueViolation(error, "method") || isUniqueViolation(error, "reference")) {
      const again = await prisma.rentReceipt.findUniqueOrThrow({ where: { method_reference: { method, reference } }, select: { receiptNo: true } });
      return { receiptNo: again.receiptNo, created: false };
    }
    throw error;
  }
}

/** The order as its cashier page shows it (the test provider's page, in the portal). */
export async function paymentOrderForCashier(providerId: string, providerPaymentId: string) {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(providerPaymentId)) return null;
  return prisma.paymentOrder.findUnique({
    where: { provider_providerPaymentId: { provider: providerId, providerPaymentId } },
    select: { orderNo: true, amountFen: true, status: true, createdById: true, providerPaymentId: true, lease: { select: { leaseNo: true, unit: { select: { estate: { select: { name: true } } } } } }, receipt: { select: { receiptNo: true } } },
  });
}
