// Credit (Art. 29 settlement order) against PostgreSQL: money paid beyond every debt stays on its
// receipt and pays the next bills when they are issued, oldest first, without a late fee for a bill
// due after the money came, once however often and however concurrently the job runs.
import { beforeEach, describe, expect, it } from "vitest";
import { runBilling } from "@/lib/tenancy/billing";
import { applyCredits } from "@/lib/tenancy/credit";
import { settleReceipt } from "@/lib/tenancy/payments";
import { cstInstant } from "../support/clock";
import { race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast } from "./review-fixtures";
import { acceptedOffer, leaseInForce, tenancyEstate } from "./tenancy-fixtures";

const START = "2026-03-02";

describe("credit for the next bills", () => {
  let lease: { leaseId: string; leaseNo: string };
  let rent: number;

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    const cast = await createCast();
    const estate = await tenancyEstate("CR-001");
    const offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
    lease = await leaseInForce(cast.yz1, offer, { startDate: START, termMonths: 12, at: cstInstant(START, "10:00") });
    rent = (await prisma.lease.findUniqueOrThrow({ where: { id: lease.leaseId } })).monthlyRentFen;
  });

  it("pays the next bills from what was paid beyond the debt, once, without late fees, and keeps the rest", async () => {
    // March's bill and one and a half months ahead, paid on 5 March.
    const paid = rent + rent + Math.floor(rent / 2);
    await prisma.$transaction((tx) =>
      settleReceipt(tx, { leaseId: lease.leaseId, amountFen: paid, method: "CASH", reference: "counter:cr-1", paidAt: cstInstant("2026-03-05", "10:00"), paidOn: "2026-03-05", recordedById: null }),
    );
    const receipt = await prisma.rentReceipt.findFirstOrThrow({ where: { leaseId: lease.leaseId } });
    expect(receipt.unappliedFen).toBe(paid - rent);
    expect(await applyCredits(cstInstant("2026-03-06"))).toEqual({ leases: 0, appliedFen: 0 });

    // April's and May's bills are issued late in May (May's due date is after the money came, as is April's).
    await runBilling({ month: "2026-04", now: cstInstant("2026-04-01") });
    await runBilling({ month: "2026-05", now: cstInstant("2026-05-01") });
    const runs = await race(Array.from({ length: 3 }, () => () => applyCredits(cstInstant("2026-05-01", "00:05"))));
    expect(runs.ok).toHaveLength(3);
    expect(await applyCredits(cstInstant("2026-05-01", "00:10"))).toEqual({ leases: 0, appliedFen: 0 });

    const bills = await prisma.bill.findMany({ where: { leaseId: lease.leaseId }, orderBy: { periodStart: "asc" }, select: { status: true, paidFen: true, amountFen: true } });
    expect(bills.map((b) => [b.status, b.paidFen])).toEqual([
      ["PAID", rent],
      ["PAID", rent],
      ["PARTIALLY_PAID", Math.floor(rent / 2)],
    ]);
    expect(await prisma.lateFee.count()).toBe(0);
    const after = await prisma.rentReceipt.findUniqueOrThrow({ where: { id: receipt.id } });
    expect(after.unappliedFen).toBe(0);
    // Every fen of the receipt is in a payment of it, and nothing twice.
    const parts = await prisma.payment.aggregate({ where: { receiptId: receipt.id }, _sum: { amountFen: true } });
    expect(parts._sum.amountFen).toBe(paid);
    expect(await prisma.auditLog.count({ where: { action: "receipt.credit-applied", entityId: receipt.id } })).toBe(1);
  });
});
