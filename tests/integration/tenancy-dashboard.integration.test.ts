// The officers' tenancy dashboard against PostgreSQL: rent billed and collected by month from the
// bills and receipts in the officer's reach, the leases by status, those ending within 90 days with
// their renewal requests, the arrears totals and the open repairs; another district sees none of it.
import { beforeEach, describe, expect, it } from "vitest";
import { lastMonths, tenancyDashboard } from "@/lib/tenancy/dashboard";
import { recordCounterPayment } from "@/lib/tenancy/payments";
import { requestRenewal } from "@/lib/tenancy/renewals";
import { runBilling } from "@/lib/tenancy/billing";
import { cstInstant } from "../support/clock";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { acceptedOffer, leaseInForce, tenancyEstate } from "./tenancy-fixtures";

const TODAY = "2026-12-02";

describe("the tenancy dashboard", () => {
  let cast: Cast;

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
  });

  it("lists the last twelve months, oldest first, ending with this one", () => {
    expect(lastMonths("2026-12-02", 12)).toEqual(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01"]);
    expect(lastMonths("2027-01-31", 2)).toEqual(["2026-12-01", "2027-01-01"]);
  });

  it("adds up what is billed and collected in reach, the leases, those ending and the arrears", async () => {
    const estate = await tenancyEstate("TD-001", 2);
    const a = await acceptedOffer(estate.id, estate.unitIds[0]!);
    const leaseA = await leaseInForce(cast.yz1, a, { startDate: "2026-01-05", termMonths: 12, at: cstInstant("2026-01-05", "10:00") });
    const b = await acceptedOffer(estate.id, estate.unitIds[1]!);
    await leaseInForce(cast.yz1, b, { startDate: "2026-06-01", termMonths: 36, at: cstInstant("2026-06-01", "10:00") });
    for (let m = 2; m <= 12; m++) await runBilling({ month: `2026-${String(m).padStart(2, "0")}`, now: cstInstant(`2026-${String(m).padStart(2, "0")}-01`, "02:00") });
    // A pays 1,200 yuan at the counter on 2026-11-20; B pays nothing.
    await recordCounterPayment(cast.yz1, { leaseId: leaseA.leaseId, amountFen: 120_000, method: "CASH", paidOn: "2026-11-20", formKey: "dash-form-0001" }, { now: cstInstant("2026-11-20", "10:00") });
    await requestRenewal(a.tenant, { leaseId: leaseA.leaseId, termMonths: 12 }, { now: cstInstant("2026-10-01", "10:00") });
    await prisma.repairRequest.create({ data: { requestNo: "BX-TEST-0001", estateId: estate.id, unitId: estate.unitIds[0]!, leaseId: leaseA.leaseId, category: "UNIT_FIXTURE", description: "水龙头漏水", dueDate: new Date("2026-11-25") } });

    const d = (await tenancyDashboard(cast.yz1, { today: TODAY }))!;
    const bills = await prisma.bill.findMany({ select: { periodStart: true, amountFen: true } });
    const billedIn = (month: string) => bills.filter((x) => x.periodStart.toISOString().startsWith(month)).reduce((s, x) => s + x.amountFen, 0);
    expect(d.months).toHaveLength(12);
    for (const m of d.months) expect(m.billedFen).toBe(billedIn(m.month));
    expect(d.months.find((m) => m.month === "2026-11")!.collectedFen).toBe(120_000);
    expect(d.months.filter((m) => m.month !== "2026-11").every((m) => m.collectedFen === 0)).toBe(true);
    expect(d.leases).toEqual({ active: 2, holdingOver: 0, awaitingSignature: 0 });
    // A ends 2027-01-04, within 90 days, with its renewal asked for; B ends in 2029.
    expect([d.ending.count, d.ending.renewalAsked, d.ending.rows.map((r) => r.renewalAsked)]).toEqual([1, 1, [true]]);
    expect(d.arrears.all.leases).toBe(2);
    expect(d.repairs).toEqual({ open: 1, overdue: 1 });

    const other = (await tenancyDashboard(cast.spb, { today: TODAY }))!;
    expect([other.leases.active, other.ending.count, other.arrears.all.leases, other.repairs.open]).toEqual([0, 0, 0, 0]);
    expect(other.months.every((m) => m.billedFen === 0 && m.collectedFen === 0)).toBe(true);
    // A district officer asking for another district keeps to their own.
    expect((await tenancyDashboard(cast.spb, { district: "500103", today: TODAY }))!.leases.active).toBe(0);
    expect((await tenancyDashboard(cast.city, { district: "500103", today: TODAY }))!.leases.active).toBe(2);
    expect(await tenancyDashboard(cast.applicant, { today: TODAY })).toBeNull();
  });
});
