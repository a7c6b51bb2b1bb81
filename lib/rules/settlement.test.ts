import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { lateFeeFen } from "./rent";
import { amountToSettleFen, settlePayment, type OpenBill, type OpenLateFee } from "./settlement";

// Art. 29: late rent carries 0.05 % a day; a payment settles the earliest rent first, then the fees.

const bills: OpenBill[] = [
  { id: "b2", dueDate: "2026-02-10", outstandingFen: 100_000 },
  { id: "b1", dueDate: "2026-01-10", outstandingFen: 100_000 },
  { id: "b3", dueDate: "2026-03-10", outstandingFen: 100_000 },
];

describe("settlePayment: the earliest rent first, then the late fees (Art. 29)", () => {
  it.each([
    // amount, paid on, rent parts [bill, amount], fees paid, credit
    [100_000, "2026-01-10", [["b1", 100_000]], 0, 0],
    [150_000, "2026-01-10", [["b1", 100_000], ["b2", 50_000]], 0, 0],
    [350_000, "2026-01-05", [["b1", 100_000], ["b2", 100_000], ["b3", 100_000]], 0, 50_000],
    // 20 days late on b1: 100,000 x 20 / 2000 = 1,000 fen of fee, paid before the next bill
    [201_000, "2026-01-30", [["b1", 100_000], ["b2", 100_000]], 1_000, 0],
    [100_500, "2026-01-30", [["b1", 100_000]], 500, 0],
    [150_000, "2026-01-30", [["b1", 100_000], ["b2", 49_000]], 1_000, 0],
  ] as const)("%i fen on %s", (amountFen, paidDate, parts, feesPaid, credit) => {
    const s = settlePayment({ bills, lateFees: [], amountFen, paidDate });
    expect(s.rent.map((r) => [r.billId, r.amountFen])).toEqual(parts);
    expect(s.fees.reduce((sum, f) => sum + f.amountFen, 0)).toBe(feesPaid);
    expect(s.unappliedFen).toBe(credit);
  });

  it("a part paid late brings its own fee: 50,000 fen 20 days late = 500 fen", () => {
    const s = settlePayment({ bills, lateFees: [], amountFen: 50_000, paidDate: "2026-01-30" });
    expect(s.rent).toEqual([{ billId: "b1", amountFen: 50_000, lateFee: { baseFen: 50_000, daysLate: 20, amountFen: 500 } }]);
    expect(s.fees).toEqual([]);
  });

  it("a fee already assessed on a bill comes before its rent; the earliest bill first", () => {
    const fees: OpenLateFee[] = [
      { id: "f2", billId: "b2", dueDate: "2026-02-10", outstandingFen: 300 },
      { id: "f1", billId: "b0", dueDate: "2025-12-10", outstandingFen: 200 },
    ];
    const s = settlePayment({ bills: [bills[1]!], lateFees: fees, amountFen: 100_400, paidDate: "2026-01-10" });
    expect(s.fees).toEqual([
      { lateFeeId: "f1", billId: "b0", amountFen: 200 },
      { lateFeeId: "f2", billId: "b2", amountFen: 200 },
    ]);
    expect(s.rent).toEqual([{ billId: "b1", amountFen: 100_000, lateFee: null }]);
  });

  it("refuses an amount that is not whole fen", () => {
    expect(() => settlePayment({ bills, lateFees: [], amountFen: 1.5, paidDate: "2026-01-01" })).toThrow(RangeError);
    expect(() => settlePayment({ bills, lateFees: [], amountFen: -1, paidDate: "2026-01-01" })).toThrow(RangeError);
  });
});

const openBill = fc.record({
  id: fc.uuid(),
  dueDate: fc.integer({ min: 0, max: 700 }).map((d) => addDays("2025-01-01", d)),
  outstandingFen: fc.integer({ min: 0, max: 500_000 }),
});
const paidOn = fc.integer({ min: 0, max: 900 }).map((d) => addDays("2025-01-01", d));

describe("settlePayment for all inputs", () => {
  it("spends exactly what was paid: rent + fees + credit = amount", () => {
    fc.assert(
      fc.property(fc.array(openBill, { maxLength: 12 }), fc.integer({ min: 0, max: 3_000_000 }), paidOn, (bs, amountFen, paidDate) => {
        const s = settlePayment({ bills: bs, lateFees: [], amountFen, paidDate });
        const spent = s.rent.reduce((a, r) => a + r.amountFen, 0) + s.fees.reduce((a, f) => a + f.amountFen, 0) + s.unappliedFen;
        expect(spent).toBe(amountFen);
        for (const r of s.rent) expect(r.amountFen).toBeLessThanOrEqual(bs.find((b) => b.id === r.billId)!.outstandingFen);
      }),
    );
  });

  it("never pays a later bill while an earlier one is owed", () => {
    fc.assert(
      fc.property(fc.uniqueArray(openBill, { selector: (b) => b.id, maxLength: 12 }), fc.integer({ min: 0, max: 3_000_000 }), paidOn, (bs, amountFen, paidDate) => {
        const s = settlePayment({ bills: bs, lateFees: [], amountFen, paidDate });
        const fullyPaid = new Set(s.rent.filter((r) => r.amountFen === bs.find((b) => b.id === r.billId)!.outstandingFen).map((r) => r.billId));
        const touched = s.rent.map((r) => bs.find((b) => b.id === r.billId)!);
        // every bill touched before the last one is paid in full
        touched.slice(0, -1).forEach((b) => expect(fullyPaid.has(b.id)).toBe(true));
        // no bill left owing is due before a bill that was paid
        const lastPaid = touched.at(-1);
        if (lastPaid) for (const b of bs) if (b.outstandingFen > 0 && !s.rent.some((r) => r.billId === b.id)) expect(b.dueDate >= lastPaid.dueDate).toBe(true);
        if (s.unappliedFen > 0) for (const b of bs) if (b.outstandingFen > 0) expect(fullyPaid.has(b.id)).toBe(true);
      }),
    );
  });

  it("paying amountToSettleFen on a day settles everything with nothing left over", () => {
    fc.assert(
      fc.property(fc.uniqueArray(openBill, { selector: (b) => b.id, maxLength: 12 }), paidOn, (bs, onDate) => {
        const due = amountToSettleFen({ bills: bs, lateFees: [], onDate });
        const s = settlePayment({ bills: bs, lateFees: [], amountFen: due.totalFen, paidDate: onDate });
        expect(s.unappliedFen).toBe(0);
        expect(s.rent.reduce((a, r) => a + r.amountFen, 0)).toBe(due.rentFen);
        const newFees = s.rent.reduce((a, r) => a + (r.lateFee?.amountFen ?? 0), 0);
        expect(newFees).toBe(due.lateFeesFen);
        expect(newFees).toBe(bs.reduce((a, b) => a + lateFeeFen(b.outstandingFen, b.dueDate, onDate), 0));
      }),
    );
  });
});
