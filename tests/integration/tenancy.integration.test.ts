// Leases, billing and payments against PostgreSQL (Art. 25-29): a lease drawn up from an accepted
// offer, signed by the tenant with the password and countersigned; the monthly billing run issuing
// each lease's bill once, however often and from however many processes it runs; online payments
// through the test provider settled once by the provider's payment id; counter payments once per
// form; late fees from lib/rules; partial payments settling the oldest debt first.
import { spawn } from "node:child_process";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as callbackRoute } from "@/app/api/v1/payments/[provider]/callback/route";
import { testCallback } from "@/lib/payments/test-provider";
import { lateFeeFen, multipliedRentFen } from "@/lib/rules/rent";
import { rentPeriod } from "@/lib/tenancy/billing-rules";
import { runBilling } from "@/lib/tenancy/billing";
import { statementOf } from "@/lib/tenancy/account";
import { countersignLease, draftLease, getLease, listLeases, signLease } from "@/lib/tenancy/leases";
import { handlePaymentCallback, recordCounterPayment, startOnlinePayment } from "@/lib/tenancy/payments";
import { payAtTestCashier } from "@/lib/tenancy/test-cashier";
import { cstInstant, dateColumn, fromDateColumn } from "../support/clock";
import { failure, race } from "./allocation-fixtures";
import { prisma, seedDistricts, testDatabaseUrl, TEST_PAYMENT_SECRET, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { acceptedOffer, leaseInForce, tenancyEstate, TENANT_PASSWORD, type AcceptedOffer } from "./tenancy-fixtures";

const START = "2026-03-02";
const AT_START = cstInstant(START, "10:00");

async function bills(leaseId: string) {
  return prisma.bill.findMany({ where: { leaseId }, orderBy: { periodStart: "asc" }, select: { periodStart: true, periodEnd: true, dueDate: true, amountFen: true, paidFen: true, status: true, kind: true, rentMultiplierPercent: true } });
}

const secret = TEST_PAYMENT_SECRET;

function callbackRequest(body: string, headers: Record<string, string>): Request {
  return new Request("http://localhost/api/v1/payments/test/callback", { method: "POST", body, headers });
}
const routeParams = { params: Promise.resolve({ provider: "test" }) };

describe("leases (Art. 25-27)", () => {
  let cast: Cast;
  let estate: { id: string; unitIds: string[] };
  let offer: AcceptedOffer;

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    estate = await tenancyEstate("TN-001");
    offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
  });

  it("draws up the lease once, the tenant signs with the password, the officer countersigns: the unit is leased, the application housed", async () => {
    // Five officers at once: one lease (Lease.offerId is unique).
    const drafts = await race(Array.from({ length: 5 }, () => () => draftLease(cast.yz1, { offerId: offer.offerId, startDate: START, termMonths: 36 }, { now: AT_START })));
    expect(drafts.ok).toHaveLength(1);
    expect(drafts.errors).toEqual(Array(4).fill("CONFLICT"));
    const lease = await prisma.lease.findFirstOrThrow({ where: { offerId: offer.offerId } });
    expect(lease).toMatchObject({ status: "PENDING_SIGNATURE", termMonths: 36, monthlyRentFen: 120_000, rentBasis: "STANDARD" });
    expect(fromDateColumn(lease.endDate)).toBe("2029-03-01");
    const terms = lease.terms as { tenant: { residentIdMasked: string }; rent: { monthlyRentFen: number } };
    expect(terms.tenant.residentIdMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(terms.rent.monthlyRentFen).toBe(120_000);
    // The tenant is told, without personal information.
    const notices = await prisma.notification.findMany({ where: { templateKey: "tenancy.leaseDrafted" }, select: { channel: true, params: true } });
    expect(notices.map((n) => n.channel).sort()).toEqual(["IN_APP", "SMS"]);

    // A wrong password signs nothing; an officer cannot sign for the tenant; someone else's lease is not found.
    expect(await failure(signLease(offer.tenant, { leaseId: lease.id, password: "wrong", agree: "on" }, { now: AT_START }))).toMatchObject({ code: "VALIDATION", fieldErrors: { password: ["tenancy.validation.passwordWrong"] } });
    expect((await failure(signLease(cast.applicant, { leaseId: lease.id, password: TENANT_PASSWORD, agree: "on" }, { now: AT_START }))).code).toBe("NOT_FOUND");
    expect((await failure(signLease(offer.tenant, { leaseId: lease.id, password: TENANT_PASSWORD } as never, { now: AT_START }))).code).toBe("VALIDATION");
    expect((await prisma.lease.findUniqueOrThrow({ where: { id: lease.id } })).status).toBe("PENDING_SIGNATURE");
    // Countersigning before the tenant has signed is refused.
    expect((await failure(countersignLease(cast.yz1, { leaseId: lease.id }, { now: AT_START }))).messageKey).toBe("tenancy.errors.leaseIs.PENDING_SIGNATURE");

    const signedAt = cstInstant(START, "11:30");
    await signLease(offer.tenant, { leaseId: lease.id, password: TENANT_PASSWORD, agree: "on" }, { now: signedAt });
    expect(await prisma.lease.findUniqueOrThrow({ where: { id: lease.id }, select: { status: true, signedAt: true } })).toEqual({ status: "AWAITING_COUNTERSIGNATURE", signedAt });
    // An officer of another district may not countersign.
    expect((await failure(countersignLease(cast.spb, { leaseId: lease.id }, { now: signedAt }))).code).toBe("FORBIDDEN");

    const countersigned = await race(Array.from({ length: 3 }, () => () => countersignLease(cast.yz1, { leaseId: lease.id }, { now: cstInstant(START, "14:00") })));
    expect(countersigned.ok).toHaveLength(1);
    expect(await prisma.lease.findUniqueOrThrow({ where: { id: lease.id }, select: { status: true, countersignedById: true } })).toEqual({ status: "ACTIVE", countersignedById: cast.yz1.id });
    expect(await prisma.offer.findUniqueOrThrow({ where: { id: offer.offerId }, select: { status: true } })).toEqual({ status: "LEASED" });
    expect(await prisma.unit.findUniqueOrThrow({ where: { id: offer.unitId }, select: { status: true } })).toEqual({ status: "LEASED" });
    expect(await prisma.application.findUniqueOrThrow({ where: { id: offer.applicationId }, select: { status: true } })).toEqual({ status: "HOUSED" });
    // The first month's bill is issued at once.
    expect(await bills(lease.id)).toEqual([
      { periodStart: dateColumn("2026-03-02"), periodEnd: dateColumn("2026-04-01"), dueDate: dateColumn("2026-03-11"), amountFen: 120_000, paidFen: 0, status: "UNPAID", kind: "RENT", rentMultiplierPercent: 100 },
    ]);
    // The lease no longer holds a live offer: the household could be offered again only through a new lease.
    expect(await prisma.offer.count({ where: { applicationId: offer.applicationId, status: { in: ["PENDING", "ACCEPTED"] } } })).toBe(0);
  });

  it("refuses a term outside 1 to 5 years (Art. 25), a start in the past, and an offer not accepted, changing nothing", async () => {
    for (const termMonths of [11, 61, 12.5]) {
      expect((await failure(draftLease(cast.yz1, { offerId: offer.offerId, startDate: START, termMonths }, { now: AT_START }))).fieldErrors).toEqual({ termMonths: ["tenancy.validation.termInvalid"] });
    }
    expect((await failure(draftLease(cast.yz1, { offerId: offer.offerId, startDate: "2026-03-01", termMonths: 12 }, { now: AT_START }))).fieldErrors).toEqual({ startDate: ["tenancy.validation.startDateInPast"] });
    expect((await failure(draftLease(cast.spb, { offerId: offer.offerId, startDate: START, termMonths: 12 }, { now: AT_START }))).code).toBe("FORBIDDEN");
    await prisma.offer.update({ where: { id: offer.offerId }, data: { status: "PENDING" } });
    expect((await failure(draftLease(cast.yz1, { offerId: offer.offerId, startDate: START, termMonths: 12 }, { now: AT_START }))).messageKey).toBe("tenancy.errors.offerNotAccepted");
    expect(await prisma.lease.count()).toBe(0);
  });

  it("sets the rent from the estate's standard in force, by income tier, the former low-rent rate for low-income households (Art. 27)", async () => {
    const standard = await prisma.rentStandard.create({
      data: {
        estateId: estate.id, unitType: "TWO_BEDROOM", effectiveFrom: dateColumn("2026-01-01"), marketRentFenPerM2: 3_500, standardRentFenPerM2: 1_800,
        nextReviewDate: dateColumn("2029-01-01"), documentNo: "渝住房发〔2026〕1号", publishedAt: cstInstant("2025-12-20"), status: "APPROVED",
        tiers: { create: [
          { tierNo: 1, name: "第一档", maxPerCapitaIncomeFen: 2_000_000, rentFenPerM2: 1_200 },
          { tierNo: 2, name: "第二档", maxPerCapitaIncomeFen: null, rentFenPerM2: 1_800 },
          { tierNo: 9, name: "原廉租住房", isLowRent: true, rentFenPerM2: 500 },
        ] },
      },
      select: { id: true },
    });
    // The household's per-capita income is 30,000 yuan: the second tier, 18.00 yuan/m² x 60 m².
    const lease = await draftLease(cast.yz1, { offerId: offer.offerId, startDate: START, termMonths: 12 }, { now: AT_START });
    expect(await prisma.lease.findUniqueOrThrow({ where: { id: lease.leaseId }, select: { monthlyRentFen: true, rentBasis: true, rentStandardId: true } })).toEqual({ monthlyRentFen: 108_000, rentBasis: "STANDARD", rentStandardId: standard.id });

    const low = await acceptedOffer(estate.id, estate.unitIds[1]!);
    await prisma.applicationDeclaration.update({ where: { applicationId: low.applicationId }, data: { priorityCategories: ["MINIMUM_LIVING"] } });
    const lowLease = await draftLease(cast.yz1, { offerId: low.offerId, startDate: START, termMonths: 12 }, { now: AT_START });
    expect(await prisma.lease.findUniqueOrThrow({ where: { id: lowLease.leaseId }, select: { monthlyRentFen: true, rentBasis: true } })).toEqual({ monthlyRentFen: 30_000, rentBasis: "LOW_RENT" });
  });

  it("lists and finds leases only within the officer's district; the tenant reads only their own", async () => {
    const lease = await leaseInForce(cast.yz1, offer, { startDate: START, at: AT_START });
    expect((await listLeases(cast.yz1, {})).rows.map((r) => r.leaseNo)).toEqual([lease.leaseNo]);
    expect((await listLeases(cast.yz1, { q: lease.leaseNo })).rows).toHaveLength(1);
    expect((await listLeases(cast.yz1, { q: offer.applicationNo })).rows).toHaveLength(0); // a test number, not GZF-: searched by name
    expect((await listLeases(cast.spb, {})).rows).toEqual([]);
    expect((await listLeases(cast.city, { status: "ACTIVE" })).total).toBe(1);
    expect(await getLease(offer.tenant, lease.leaseNo)).toMatchObject({ leaseNo: lease.leaseNo, status: "ACTIVE" });
    expect(await getLease(cast.applicant, lease.leaseNo)).toBeNull();
    expect(await getLease(cast.spb, lease.leaseNo)).toBeNull();
    expect(await getLease(cast.yz1, "../../etc")).toBeNull();
  });
});

describe("the monthly billing run (Art. 29)", () => {
  let cast: Cast;
  let leases: { leaseId: string; leaseNo: string }[];

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    const estate = await tenancyEstate("TN-002", 3);
    leases = [];
    // Leases starting on the 2nd, the 31st (month-end clamped) and the 15th.
    for (const [i, start] of (["2026-01-02", "2026-01-31", "2026-01-15"] as const).entries()) {
      const o = await acceptedOffer(estate.id, estate.unitIds[i]!);
      leases.push(await leaseInForce(cast.yz1, o, { startDate: start, termMonths: 12, at: cstInstant(start, "09:00") }));
    }
  });

  it("issues each lease's bill once per period, run twice or five times at once", async () => {
    const april = { month: "2026-04", now: cstInstant("2026-04-01", "01:00") };
    const first = await runBilling(april);
    expect(first.issued).toBe(3);
    expect(await runBilling(april)).toMatchObject({ issued: 0 });
    const raced = await race(Array.from({ length: 5 }, () => () => runBilling(april)));
    expect(raced.ok).toHaveLength(5);
    for (const lease of leases) {
      const rows = await bills(lease.leaseId);
      // The month of the start (at countersigning) and April; one each.
      expect(rows).toHaveLength(2);
    }
    // The periods the SQL computed are those of lib/rules' month arithmetic (month-end clamped).
    const clamped = await bills(leases[1]!.leaseId);
    const k = 2; // 2026-01-31 + 2 months = 2026-03-31; + 3 months = 2026-04-30
    expect(clamped[1]).toMatchObject({ periodStart: dateColumn(rentPeriod("2026-01-31", k + 1).periodStart), periodEnd: dateColumn(rentPeriod("2026-01-31", k + 1).periodEnd), dueDate: dateColumn(rentPeriod("2026-01-31", k + 1).dueDate) });
  });

  it("issues each lease's bill once when two processes run it at the same moment", async () => {
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/billing-run.ts", "2026-05"], {
          cwd: process.cwd(),
          env: { ...process.env, DATABASE_URL: testDatabaseUrl() },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        let err = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`billing run exited ${code}: ${err}`))));
      });
    const outputs = await Promise.all([run(), run()]);
    const issued = outputs.map((o) => (JSON.parse(o.trim().split("\n").at(-1)!) as { issued: number }).issued);
    expect(issued.reduce((a, b) => a + b, 0)).toBe(3);
    for (const lease of leases) {
      expect(await prisma.bill.count({ where: { leaseId: lease.leaseId, periodStart: { gte: dateColumn("2026-05-01"), lt: dateColumn("2026-06-01") } } })).toBe(1);
    }
  }, 60_000);

  it("bills the transition rent of a household holding over: 1.5 x for three months, then 2 x (Art. 38)", async () => {
    const lease = leases[0]!;
    const l = await prisma.lease.update({ where: { id: lease.leaseId }, data: { status: "HOLDING_OVER" }, select: { monthlyRentFen: true } });
    await prisma.vacateOrder.create({
      data: { leaseId: lease.leaseId, ground: "TERM_ENDED_NO_RENEWAL", obligationDate: dateColumn("2027-01-02"), deadline: dateColumn("2027-04-01"), transitionGranted: true, transitionEndDate: dateColumn("2027-04-01"), transitionRentMultiplierPercent: 150, issuedById: cast.yz1.id },
    });
    await runBilling({ month: "2027-02", now: cstInstant("2027-02-01") });
    await runBilling({ month: "2027-05", now: cstInstant("2027-05-01") });
    const rows = (await bills(lease.leaseId)).filter((b) => b.kind === "TRANSITION_RENT");
    expect(rows.map((b) => [fromDateColumn(b.periodStart), b.rentMultiplierPercent, b.amountFen])).toEqual([
      ["2027-02-02", 150, multipliedRentFen(l.monthlyRentFen, 150)],
      ["2027-05-02", 200, multipliedRentFen(l.monthlyRentFen, 200)],
    ]);
  });

  it("refuses a month that is not YYYY-MM", async () => {
    await expect(runBilling({ month: "2026-13" })).rejects.toThrow(RangeError);
  });
});

describe("payments (Art. 28-29)", () => {
  let cast: Cast;
  let offer: AcceptedOffer;
  let lease: { leaseId: string; leaseNo: string };

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    const estate = await tenancyEstate("TN-003", 1);
    offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
    lease = await leaseInForce(cast.yz1, offer, { startDate: START, termMonths: 12, at: AT_START });
  });

  it("settles an online payment once: the callback is verified, replayed and reordered callbacks change nothing", async () => {
    const at = cstInstant("2026-03-05", "12:00");
    const order = await startOnlinePayment(offer.tenant, { leaseId: lease.leaseId, amountFen: 120_000 }, { now: at });
    expect(order.payUrl).toMatch(/^\/pay\/test\/tp_[0-9a-f]{24}$/);
    // The same form sent again gets the same order.
    expect(await startOnlinePayment(offer.tenant, { leaseId: lease.leaseId, amountFen: 120_000 }, { now: at })).toEqual(order);
    const paymentId = order.payUrl.split("/").at(-1)!;
    const body = { paymentId, orderNo: order.orderNo, status: "PAID" as const, amountFen: 120_000, paidAt: at.toISOString() };

    // A forged signature, a wrong amount, an unknown payment: refused, nothing changes.
    const forged = testCallback("not-the-secret", body, at);
    expect((await handlePaymentCallback("test", new Headers(forged.headers), new TextEncoder().encode(forged.body), { now: at })).status).toBe(401);
    const wrongAmount = testCallback(secret, { ...body, amountFen: 1 }, at);
    expect((await handlePaymentCallback("test", new Headers(wrongAmount.headers), new TextEncoder().encode(wrongAmount.body), { now: at })).status).toBe(400);
    const unknown = testCallback(secret, { ...body, paymentId: "tp_000000000000000000000000" }, at);
    expect((await handlePaymentCallback("test", new Headers(unknown.headers), new TextEncoder().encode(unknown.body), { now: at })).status).toBe(404);
    expect(await prisma.rentReceipt.count()).toBe(0);

    // The real callback, delivered three times at once through the route (signed now, as the
    // route checks the timestamp against the clock): one receipt.
    const good = testCallback(secret, body, new Date());
    const responses = await Promise.all([0, 1, 2].map(() => callbackRoute(callbackRequest(good.body, good.headers), routeParams)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    const results = (await Promise.all(responses.map((r) => r.json() as Promise<{ result: string }>))).map((r) => r.result).sort();
    expect(results).toEqual(["already-processed", "already-processed", "settled"]);
    expect(await prisma.rentReceipt.count()).toBe(1);
    expect((await bills(lease.leaseId))[0]).toMatchObject({ paidFen: 120_000, status: "PAID" });
    // A late FAILED for the same payment (reordered) changes nothing.
    const failed = testCallback(secret, { ...body, status: "FAILED" }, new Date());
    const late = await callbackRoute(callbackRequest(failed.body, failed.headers), routeParams);
    expect(late.status).toBe(200);
    expect(await prisma.paymentOrder.findFirstOrThrow({ select: { status: true, callbacks: true } })).toEqual({ status: "PAID", callbacks: 4 });
    // Malformed bodies get a clear 4xx.
    const junk = await callbackRoute(callbackRequest("{not json", { "x-payment-timestamp": "1", "x-payment-signature": "x" }), routeParams);
    expect(junk.status).toBe(401);
    expect((await callbackRoute(callbackRequest("{}", {}), { params: Promise.resolve({ provider: "nope" }) })).status).toBe(404);
    // Nothing is owed now: a second payment is refused.
    expect((await failure(startOnlinePayment(offer.tenant, { leaseId: lease.leaseId, amountFen: 100 }, { now: at }))).messageKey).toBe("tenancy.errors.nothingToPay");
  });

  it("charges 0.05 % a day on rent paid late, from lib/rules, and settles the oldest debt first", async () => {
    await runBilling({ month: "2026-04", now: cstInstant("2026-04-01") });
    // Paid on 2026-04-20: the first bill (due 03-11) is 40 days late, the second (due 04-11) 9 days.
    const paidOn = "2026-04-20";
    const at = cstInstant(paidOn, "15:00");
    const statement = (await statementOf(offer.tenant, lease.leaseNo, { now: at }))!;
    const marchFee = lateFeeFen(120_000, "2026-03-11", paidOn);
    const aprilFee = lateFeeFen(120_000, "2026-04-11", paidOn);
    expect(marchFee).toBe(2_400);
    expect(statement.bills.map((b) => [b.periodStart, b.dueDate, b.status])).toEqual([["2026-03-02", "2026-03-11", "UNPAID"], ["2026-04-02", "2026-04-11", "UNPAID"]]);
    expect(statement.due).toEqual({ rentFen: 240_000, lateFeesFen: marchFee + aprilFee, totalFen: 240_000 + marchFee + aprilFee });
    // Over the amount owed: refused.
    expect((await failure(startOnlinePayment(offer.tenant, { leaseId: lease.leaseId, amountFen: statement.due.totalFen + 1 }, { now: at }))).fieldErrors).toEqual({ amount: ["tenancy.validation.amountAboveDue"] });

    // A part payment: March's rent and its fee first, then part of April's rent.
    const order = await startOnlinePayment(offer.tenant, { leaseId: lease.leaseId, amountFen: 150_000 }, { now: at });
    await payAtTestCashier(offer.tenant, { paymentId: order.payUrl.split("/").at(-1)!, outcome: "PAID" }, { now: at });
    const rows = await bills(lease.leaseId);
    expect(rows.map((b) => [b.paidFen, b.status])).toEqual([[120_000, "PAID"], [150_000 - 120_000 - marchFee, "PARTIALLY_PAID"]]);
    const fees = await prisma.lateFee.findMany({ orderBy: { fromDate: "asc" }, select: { baseFen: true, daysLate: true, amountFen: true, paidFen: true, status: true } });
    const aprilPart = 150_000 - 120_000 - marchFee;
    expect(fees).toEqual([
      { baseFen: 120_000, daysLate: 40, amountFen: marchFee, paidFen: marchFee, status: "PAID" },
      { baseFen: aprilPart, daysLate: 9, amountFen: lateFeeFen(aprilPart, "2026-04-11", paidOn), paidFen: 0, status: "ASSESSED" },
    ]);

    // The rest at the counter, recorded once however often the form is sent.
    const rest = (await statementOf(cast.yz1, lease.leaseNo, { now: at }))!.due.totalFen;
    const counter = { leaseId: lease.leaseId, amountFen: rest, method: "CASH" as const, paidOn, formKey: "form-key-0001" };
    const sent = await race([0, 1, 2].map(() => () => recordCounterPayment(cast.yz1, counter, { now: at })));
    expect(sent.ok).toHaveLength(3);
    expect(await prisma.rentReceipt.count({ where: { method: "CASH" } })).toBe(1);
    const after = (await statementOf(offer.tenant, lease.leaseNo, { now: at }))!;
    expect(after.due.totalFen).toBe(0);
    expect(after.bills.every((b) => b.status === "PAID")).toBe(true);
    expect(after.paidFen).toBe(after.billedFen + after.bills.reduce((s, b) => s + b.lateFeesPaidFen, 0));
    // Another district's officer may not record a payment; bad input changes nothing.
    expect((await failure(recordCounterPayment(cast.spb, { ...counter, formKey: "form-key-0002" }, { now: at }))).code).toBe("FORBIDDEN");
    expect((await failure(recordCounterPayment(cast.yz1, { ...counter, amountFen: 1.5, formKey: "form-key-0003" }, { now: at }))).code).toBe("VALIDATION");
    expect((await failure(recordCounterPayment(cast.yz1, { ...counter, leaseId: "nope", formKey: "form-key-0004" }, { now: at }))).code).toBe("NOT_FOUND");
    expect(await prisma.rentReceipt.count()).toBe(2);
  });

  it("keeps statements to their household and district", async () => {
    expect(await statementOf(cast.applicant, lease.leaseNo)).toBeNull();
    expect(await statementOf(cast.spb, lease.leaseNo)).toBeNull();
    expect(await statementOf(cast.yz1, lease.leaseNo)).not.toBeNull();
  });
});
