// Renewals against PostgreSQL (Art. 32): a request on or before the last day (three months before the
// end) goes to the district's officers, one under way per lease however often it is sent; a late one
// is refused at once with the article and kept on record; the re-review uses the qualification
// rules; approval draws up the renewal lease from the day after the old one ends, which is signed
// and countersigned while the old one is still in force on the same unit; a refusal is a ground to
// vacate. The reminder goes once per lease.
import { beforeEach, describe, expect, it } from "vitest";
import { countersignLease, signLease } from "@/lib/tenancy/leases";
import { issueVacateOrder } from "@/lib/tenancy/leaving";
import { decideRenewal, leaseRenewal, remindRenewals, requestRenewal } from "@/lib/tenancy/renewals";
import { unitMismatchRentFen } from "@/lib/rules/rent";
import { cstInstant, fromDateColumn } from "../support/clock";
import { freshResidentId, memberIdentity } from "../support/resident-id";
import { failure, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { acceptedOffer, leaseInForce, tenancyEstate, TENANT_PASSWORD, type AcceptedOffer } from "./tenancy-fixtures";

// A 12-month lease from 2026-03-02: its last day is 2027-03-01, the last day to ask 2026-12-01.
const START = "2026-03-02";
const ON_TIME = cstInstant("2026-11-20", "10:00");
const LAST_DAY = cstInstant("2026-12-01", "23:00");
const LATE = cstInstant("2026-12-02", "09:00");

describe("renewals (Art. 32)", () => {
  let cast: Cast;
  let offer: AcceptedOffer;
  let lease: { leaseId: string; leaseNo: string };

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    for (const year of [2024, 2025, 2026]) await prisma.referenceIncome.create({ data: { year, perCapitaDisposableIncomeFen: 5_238_400 } });
    cast = await createCast();
    const estate = await tenancyEstate("RN-001");
    offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
    lease = await leaseInForce(cast.yz1, offer, { startDate: START, termMonths: 12, at: cstInstant(START, "10:00") });
  });

  const ask = (at: Date, actor = offer.tenant) => requestRenewal(actor, { leaseId: lease.leaseId, termMonths: 24 }, { now: at });

  it("takes a request up to the last day, one under way however often it is sent", async () => {
    const view = await leaseRenewal({ id: lease.leaseId, endDate: "2027-03-01", status: "ACTIVE" }, { now: ON_TIME });
    expect([view.latestDate, view.onTime, view.canRequest]).toEqual(["2026-12-01", true, true]);
    const sent = await race(Array.from({ length: 4 }, () => () => ask(LAST_DAY)));
    expect(sent.ok).toHaveLength(1);
    expect(sent.errors).toEqual(["CONFLICT", "CONFLICT", "CONFLICT"]);
    const rows = await prisma.renewalRequest.findMany({ where: { leaseId: lease.leaseId } });
    expect(rows.map((r) => [r.status, r.isOnTime, r.termMonths, fromDateColumn(r.latestOnTimeDate)])).toEqual([["SUBMITTED", true, 24, "2026-12-01"]]);
    expect((await leaseRenewal({ id: lease.leaseId, endDate: "2027-03-01", status: "ACTIVE" }, { now: LAST_DAY })).canRequest).toBe(false);
  });

  it("refuses a late request with the article, on record, and tells the household", async () => {
    const result = await ask(LATE);
    expect(result.onTime).toBe(false);
    const row = await prisma.renewalRequest.findFirstOrThrow({ where: { leaseId: lease.leaseId } });
    expect([row.status, row.isOnTime]).toEqual(["REJECTED", false]);
    expect(row.decisionReason).toContain("第三十二条");
    expect(row.decisionReason).toContain("2026-12-01");
    expect(await prisma.notification.count({ where: { templateKey: "renewals.refusedLate" } })).toBeGreaterThan(0);
    // Only the tenant's own lease; an officer cannot decide what was refused already.
    expect((await failure(ask(ON_TIME, cast.applicant))).code).toBe("NOT_FOUND");
    expect((await failure(decideRenewal(cast.yz1, { requestId: row.id, decision: "APPROVE", reason: "x" }, { now: LATE }))).messageKey).toBe("renewals.errors.decided");
  });

  it("approved once after the re-review: the renewal lease follows the old one on the same unit, signed and countersigned while the old one runs", async () => {
    const { requestId } = await ask(ON_TIME);
    expect((await failure(decideRenewal(cast.spb, { requestId, decision: "APPROVE", reason: "x" }, { now: ON_TIME }))).code).toBe("NOT_FOUND");
    const decisions = await race(Array.from({ length: 3 }, () => () => decideRenewal(cast.yz1, { requestId, decision: "APPROVE", reason: "复核符合条件" }, { now: ON_TIME })));
    expect(decisions.ok).toHaveLength(1);
    expect(decisions.errors).toEqual(["CONFLICT", "CONFLICT"]);
    const request = await prisma.renewalRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.status).toBe("APPROVED");
    expect((request.findings as { eligible: boolean }).eligible).toBe(true);
    const renewal = await prisma.lease.findUniqueOrThrow({ where: { previousLeaseId: lease.leaseId } });
    expect([renewal.origin, renewal.status, renewal.unitId, renewal.termMonths, fromDateColumn(renewal.startDate), fromDateColumn(renewal.endDate)]).toEqual([
      "RENEWAL", "PENDING_SIGNATURE", offer.unitId, 24, "2027-03-02", "2029-03-01",
    ]);
    // Art. 33: one person renewing a two-bedroom (a studio is their type) pays 1.5 x the standard rent.
    const old = await prisma.lease.findUniqueOrThrow({ where: { id: lease.leaseId }, select: { monthlyRentFen: true, rentBasis: true } });
    expect(old.rentBasis).toBe("STANDARD");
    expect([renewal.rentBasis, renewal.monthlyRentFen]).toEqual(["UNIT_MISMATCH_150_PERCENT", unitMismatchRentFen(old.monthlyRentFen)]);
    await signLease(offer.tenant, { leaseId: renewal.id, password: TENANT_PASSWORD, agree: "on" }, { now: ON_TIME });
    await countersignLease(cast.yz1, { leaseId: renewal.id }, { now: ON_TIME });
    const both = await prisma.lease.findMany({ where: { unitId: offer.unitId }, select: { status: true }, orderBy: { startDate: "asc" } });
    expect(both.map((l) => l.status)).toEqual(["ACTIVE", "ACTIVE"]);
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: offer.unitId } })).status).toBe("LEASED");
    expect((await prisma.application.findUniqueOrThrow({ where: { id: offer.applicationId } })).status).toBe("HOUSED");
    // No bill before the new term starts; renewed once.
    expect(await prisma.bill.count({ where: { leaseId: renewal.id } })).toBe(0);
    expect((await failure(ask(ON_TIME))).messageKey).toBe("renewals.errors.notRenewable");
  });

  it("renews at the standard rent a household still of its unit's type (Art. 33 does not apply)", async () => {
    await prisma.householdMember.create({ data: { applicationId: offer.applicationId, relationship: "SPOUSE", name: "王芳", ...memberIdentity(freshResidentId({ birthDate: "1992-02-02", sex: "F" })), fullCivilCapacity: true, annualIncomeFen: 2_000_000 } });
    await prisma.householdMember.create({ data: { applicationId: offer.applicationId, relationship: "CHILD", name: "小明", ...memberIdentity(freshResidentId({ birthDate: "2015-05-05", sex: "M" })), fullCivilCapacity: false, annualIncomeFen: 0 } });
    const { requestId } = await ask(ON_TIME);
    await decideRenewal(cast.yz1, { requestId, decision: "APPROVE", reason: "复核符合条件" }, { now: ON_TIME });
    const renewal = await prisma.lease.findUniqueOrThrow({ where: { previousLeaseId: lease.leaseId }, select: { rentBasis: true } });
    expect(renewal.rentBasis).toBe("STANDARD");
  });

  it("refused after the re-review: the household must leave when the term ends (Art. 38.1)", async () => {
    const { requestId } = await ask(ON_TIME);
    // The household now earns far above the limit: the re-review fails and approval is refused.
    await prisma.householdMember.updateMany({ where: { applicationId: offer.applicationId }, data: { annualIncomeFen: 30_000_000 } });
    expect((await failure(decideRenewal(cast.yz1, { requestId, decision: "APPROVE", reason: "x" }, { now: ON_TIME }))).messageKey).toBe("renewals.errors.notEligible");
    await decideRenewal(cast.yz1, { requestId, decision: "REJECT", reason: "家庭人均收入超过标准（第十三条第四项）" }, { now: ON_TIME });
    const request = await prisma.renewalRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect([request.status, (request.findings as { eligible: boolean }).eligible]).toEqual(["REJECTED", false]);
    const { orderNo } = await issueVacateOrder(cast.yz1, { leaseId: lease.leaseId, ground: "RENEWAL_REJECTED", transitionGranted: "on", deadline: "2027-05-31", reason: "续租复核不符合条件" }, { now: ON_TIME });
    const order = await prisma.vacateOrder.findUniqueOrThrow({ where: { orderNo } });
    // Refused before the end: the duty to leave arises the day after the last day.
    expect(fromDateColumn(order.obligationDate)).toBe("2027-03-02");
  });

  it("reminds each tenant once, within a month of the last day", async () => {
    expect(await remindRenewals(cstInstant("2026-10-01", "08:00"))).toBe(0);
    await remindRenewals(cstInstant("2026-11-05", "08:00"));
    await remindRenewals(cstInstant("2026-11-06", "08:00"));
    expect(await prisma.notification.count({ where: { templateKey: "renewals.reminder", channel: "IN_APP" } })).toBe(1);
    await ask(ON_TIME);
    expect(await remindRenewals(cstInstant("2026-11-21", "08:00"))).toBe(0);
  });
});
