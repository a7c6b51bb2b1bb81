// Rent standards against PostgreSQL (Art. 27, 33, 45): a municipal officer drafts a standard
// (validated by lib/rules, bad input changing nothing, a retried form creating nothing more); a
// second officer approves it once, however many approve at once, and never its creator; only
// approved standards set a lease's rent; the three-yearly review computes each tier's new rate with
// reviewedRentFen, is approved as a new dated standard that ends the old one on its date, and the
// living leases on the old standard are billed the new rent from the first period on or after it,
// each earlier bill keeping its own standard.
import { beforeEach, describe, expect, it } from "vitest";
import { reviewedRentFen } from "@/lib/rules/rent";
import { runBilling } from "@/lib/tenancy/billing";
import { draftLease } from "@/lib/tenancy/leases";
import { applyRentStandards, createRentStandard, createReview, decideRentStandard, getRentStandard, listPublicRentStandards, listRentStandards, previewReview, rerateLeases } from "@/lib/tenancy/rent-standards";
import { cstInstant, dateColumn } from "../support/clock";
import { createUser } from "../support/users";
import { failure, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { acceptedOffer, leaseInForce, tenancyEstate } from "./tenancy-fixtures";

const AT = cstInstant("2026-03-02", "10:00");

function standardInput(estateId: string, overrides: Record<string, unknown> = {}) {
  return {
    estateId,
    unitType: "TWO_BEDROOM",
    effectiveFrom: "2026-04-01",
    documentNo: "渝住建发〔2026〕12号",
    marketRent: "35.00",
    lowRentRate: "5.00",
    tierRate: ["12.00", "18.00"],
    tierMax: ["20000", ""],
    formKey: `fk${Math.random().toString(36).slice(2, 12)}`,
    ...overrides,
  };
}

describe("rent standards (Art. 27)", () => {
  let cast: Cast;
  let reviewer: Awaited<ReturnType<typeof createUser>>;
  let third: Awaited<ReturnType<typeof createUser>>;
  let estate: { id: string; unitIds: string[] };

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    reviewer = await createUser("MUNICIPAL_OFFICER", { name: "市级复核员" });
    third = await createUser("MUNICIPAL_OFFICER", { name: "市级第三人" });
    estate = await tenancyEstate("RS-001");
  });

  it("creates a draft once per form; invalid input, a district officer and a date in the past change nothing", async () => {
    const input = standardInput(estate.id);
    const created = await createRentStandard(cast.city, input, { now: AT });
    // The same form again (a double click): the same draft.
    expect(await createRentStandard(cast.city, input, { now: AT })).toEqual(created);
    const row = await prisma.rentStandard.findUniqueOrThrow({ where: { id: created.standardId }, include: { tiers: { orderBy: { tierNo: "asc" } } } });
    expect(row).toMatchObject({ status: "DRAFT", publishedAt: null, createdById: cast.city.id, marketRentFenPerM2: 3_500, standardRentFenPerM2: 1_800, nextReviewDate: dateColumn("2029-04-01") });
    expect(row.tiers.map((t) => [t.tierNo, t.isLowRent, t.maxPerCapitaIncomeFen, t.rentFenPerM2])).toEqual([
      [0, true, null, 500],
      [1, false, 2_000_000, 1_200],
      [2, false, null, 1_800],
    ]);
    const audit = await prisma.auditLog.findMany({ where: { entityType: "RentStandard" }, select: { action: true } });
    expect(audit).toEqual([{ action: "rentStandard.create" }]);

    // Art. 27: a rate above 60 % of the market rent (21.00 here).
    expect((await failure(createRentStandard(cast.city, standardInput(estate.id, { tierRate: ["12.00", "21.01"] }), { now: AT }))).fieldErrors).toMatchObject({ "tierRate.1": ["rentStandards.validation.tier.ABOVE_MARKET_SHARE"] });
    // Bounds must rise; the last tier is unbounded.
    expect((await failure(createRentStandard(cast.city, standardInput(estate.id, { tierRate: ["12.00", "15.00", "18.00"], tierMax: ["30000", "20000", ""] }), { now: AT }))).fieldErrors).toEqual({ "tierMax.1": ["rentStandards.validation.tier.BOUNDS_NOT_ASCENDING"] });
    expect((await failure(createRentStandard(cast.city, standardInput(estate.id, { tierMax: ["20000", "30000"] }), { now: AT }))).fieldErrors).toEqual({ "tierMax.1": ["rentStandards.validation.tier.LAST_TIER_BOUNDED"] });
    expect((await failure(createRentStandard(cast.city, standardInput(estate.id, { tierRate: ["abc", ""], tierMax: ["", ""] }), { now: AT }))).fieldErrors).toEqual({ "tierRate.0": ["rentStandards.validation.amountInvalid"] });
    expect((await failure(createRentStandard(cast.city, standardInput(estate.id, { effectiveFrom: "2026-03-01" }), { now: AT }))).fieldErrors).toEqual({ effectiveFrom: ["rentStandards.validation.effectiveInPast"] });
    expect((await failure(createRentStandard(cast.city, standardInput(estate.id, { effectiveFrom: "2026-02-30" }), { now: AT }))).fieldErrors).toEqual({ effectiveFrom: ["rentStandards.validation.dateInvalid"] });
    expect((await failure(createRentStandard(cast.city, standardInput(estate.id, { documentNo: "" }), { now: AT }))).fieldErrors).toEqual({ documentNo: ["rentStandards.validation.documentNoRequired"] });
    // Only the municipal agency sets standards; the district officer reads those of the district.
    expect((await failure(createRentStandard(cast.yz1, standardInput(estate.id), { now: AT }))).code).toBe("FORBIDDEN");
    expect((await listRentStandards(cast.yz1, {}, { now: AT })).items.map((i) => i.id)).toEqual([created.standardId]);
    expect((await listRentStandards(cast.spb, {}, { now: AT })).items).toEqual([]);
    expect((await failure(getRentStandard(cast.spb, created.standardId, { now: AT }))).code).toBe("NOT_FOUND");
    expect(await prisma.rentStandard.count()).toBe(1);
    expect(await prisma.rentTier.count()).toBe(3);
  });

  it("is approved once by a second officer, never by its creator; only approved standards set rents", async () => {
    const { standardId } = await createRentStandard(cast.city, standardInput(estate.id), { now: AT });
    // A draft sets no rent: the unit's own standard rent applies.
    const offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
    const early = await draftLease(cast.yz1, { offerId: offer.offerId, startDate: "2026-04-01", termMonths: 12 }, { now: AT });
    expect(await prisma.lease.findUniqueOrThrow({ where: { id: early.leaseId }, select: { monthlyRentFen: true, rentStandardId: true } })).toEqual({ monthlyRentFen: 120_000, rentStandardId: null });
    await prisma.lease.delete({ where: { id: early.leaseId } });

    // The creator may not approve; nor may a district officer.
    expect((await failure(decideRentStandard(cast.city, { standardId, decision: "APPROVE" }, { now: AT }))).messageKey).toBe("rentStandards.errors.secondOfficer");
    expect((await failure(decideRentStandard(cast.yz1, { standardId, decision: "APPROVE" }, { now: AT }))).code).toBe("FORBIDDEN");
    // A rejection needs its reason.
    expect((await failure(decideRentStandard(reviewer, { standardId, decision: "REJECT", reason: "" }, { now: AT }))).fieldErrors).toEqual({ reason: ["rentStandards.validation.reasonRequired"] });
    // Two second officers at once (and one rejecting): one decision.
    const decided = await race([
      () => decideRentStandard(reviewer, { standardId, decision: "APPROVE" }, { now: AT }),
      () => decideRentStandard(third, { standardId, decision: "APPROVE" }, { now: AT }),
      () => decideRentStandard(third, { standardId, decision: "REJECT", reason: "市场租金依据不足" }, { now: AT }),
    ]);
    expect(decided.ok).toHaveLength(1);
    expect(decided.errors).toEqual(["CONFLICT", "CONFLICT"]);
    const row = await prisma.rentStandard.findUniqueOrThrow({ where: { id: standardId } });
    expect(["APPROVED", "REJECTED"]).toContain(row.status);
    expect(await prisma.auditLog.count({ where: { entityId: standardId, action: { in: ["rentStandard.approve", "rentStandard.reject"] } } })).toBe(1);
    if (row.status === "REJECTED") {
      // Run the approval again on a fresh draft so the rest of the test has a standard in force.
      await prisma.rentStandard.update({ where: { id: standardId }, data: { status: "DRAFT", rejectedById: null, rejectedAt: null, rejectionReason: null } });
      await decideRentStandard(reviewer, { standardId, decision: "APPROVE" }, { now: AT });
    }
    const approved = await prisma.rentStandard.findUniqueOrThrow({ where: { id: standardId } });
    expect(approved.status).toBe("APPROVED");
    expect(approved.publishedAt).not.toBeNull();
    expect(approved.approvedById).not.toBe(cast.city.id);

    // Approved: the lease's rent is the standard's (per-capita 30,000 yuan: the second tier, 18.00 x 60 m²).
    const lease = await draftLease(cast.yz1, { offerId: offer.offerId, startDate: "2026-04-01", termMonths: 12 }, { now: AT });
    expect(await prisma.lease.findUniqueOrThrow({ where: { id: lease.leaseId }, select: { monthlyRentFen: true, rentStandardId: true } })).toEqual({ monthlyRentFen: 108_000, rentStandardId: standardId });

    // A second approved standard from the same date for the same estate and type: refused by the index.
    const twin = await createRentStandard(cast.city, standardInput(estate.id, { effectiveFrom: "2026-05-01" }), { now: AT });
    await prisma.rentStandard.update({ where: { id: twin.standardId }, data: { effectiveFrom: dateColumn("2026-04-01") } });
    expect((await failure(decideRentStandard(reviewer, { standardId: twin.standardId, decision: "APPROVE" }, { now: AT }))).messageKey).toBe("rentStandards.errors.overlap");
    expect((await prisma.rentStandard.findUniqueOrThrow({ where: { id: twin.standardId } })).status).toBe("DRAFT");
    // The public page lists what is approved (to come on 2026-04-01), never a draft.
    expect((await listPublicRentStandards({ now: AT })).map((s) => [s.id, s.upcoming])).toEqual([[standardId, true]]);
  });

  it("reviews a standard in force every three years: rates by reviewedRentFen, a new dated draft, approval ends the old one and re-rates living leases from the date", async () => {
    const { standardId: s1 } = await createRentStandard(cast.city, standardInput(estate.id), { now: AT });
    await decideRentStandard(reviewer, { standardId: s1, decision: "APPROVE" }, { now: AT });
    const offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
    const lease = await leaseInForce(cast.yz1, offer, { startDate: "2026-04-01", termMonths: 60, at: AT });

    const REVIEW_AT = cstInstant("2029-04-15", "10:00");
    const list = await listRentStandards(cast.city, { due: "1" }, { now: REVIEW_AT });
    expect(list.items.map((i) => [i.id, i.reviewDue, i.nextReviewDate])).toEqual([[s1, true, "2029-04-01"]]);

    const review = { standardId: s1, disposableIncomeChange: "5", cpiChange: "2.0", rentIndexChange: "2%", effectiveFrom: "2029-06-01" };
    const preview = await previewReview(cast.city, review, { now: REVIEW_AT });
    const changes = { disposableIncome: 0.05, cpi: 0.02, rentIndex: 0.02 };
    expect(preview.tiers.map((t) => [t.tierNo, t.previousRentFenPerM2, t.rentFenPerM2])).toEqual([
      [1, 1_200, reviewedRentFen(1_200, 3_500, changes)],
      [2, 1_800, reviewedRentFen(1_800, 3_500, changes)],
      [0, 500, reviewedRentFen(500, 3_500, changes)],
    ]);
    expect(preview.tiers.map((t) => t.rentFenPerM2)).toEqual([1_236, 1_854, 515]);
    // A preview writes nothing; a review dated before today or not after the standard is refused.
    expect(await prisma.rentStandard.count()).toBe(1);
    expect((await failure(previewReview(cast.city, { ...review, effectiveFrom: "2029-04-14" }, { now: REVIEW_AT }))).fieldErrors).toEqual({ effectiveFrom: ["rentStandards.validation.effectiveInPast"] });
    expect((await failure(previewReview(cast.city, { ...review, cpiChange: "abc" }, { now: REVIEW_AT }))).fieldErrors).toEqual({ cpiChange: ["rentStandards.validation.changeInvalid"] });

    const { standardId: s2 } = await createReview(cast.city, { ...review, documentNo: "渝住建发〔2029〕8号", formKey: "review-form-0001" }, { now: REVIEW_AT });
    expect(await prisma.rentStandard.findUniqueOrThrow({ where: { id: s2 }, select: { status: true, reviewOfId: true, disposableIncomeChangeBp: true, cpiChangeBp: true, rentIndexChangeBp: true, nextReviewDate: true } })).toEqual({
      status: "DRAFT", reviewOfId: s1, disposableIncomeChangeBp: 500, cpiChangeBp: 200, rentIndexChangeBp: 200, nextReviewDate: dateColumn("2032-06-01"),
    });
    // While its review is under way the old standard is no longer listed as due.
    expect((await listRentStandards(cast.city, { due: "1" }, { now: REVIEW_AT })).items).toEqual([]);
    const detail = await getRentStandard(reviewer, s2, { now: REVIEW_AT });
    expect(detail.history.map((h) => h.id)).toEqual([s1]);
    expect(detail.can.decide).toBe(true);
    expect((await getRentStandard(cast.city, s2, { now: REVIEW_AT })).decideBlocked).toBe("ownDraft");

    // A lease drawn up after the approval but starting before the new date: the job re-rates it too.
    const APPROVE_AT = cstInstant("2029-04-20", "10:00");
    const decided = await decideRentStandard(reviewer, { standardId: s2, decision: "APPROVE" }, { now: APPROVE_AT });
    expect(decided).toEqual({ standardId: s2, status: "APPROVED", reratedLeases: 1 });
    expect((await prisma.rentStandard.findUniqueOrThrow({ where: { id: s1 } })).effectiveTo).toEqual(dateColumn("2029-06-01"));
    // 18.54 x 60 m² = 1,112.40 yuan from 2029-06-01; until then 1,080.00.
    expect(await prisma.lease.findUniqueOrThrow({ where: { id: lease.leaseId }, select: { monthlyRentFen: true, rentStandardId: true, nextRentFrom: true, nextMonthlyRentFen: true, nextRentStandardId: true } })).toEqual({
      monthlyRentFen: 108_000, rentStandardId: s1, nextRentFrom: dateColumn("2029-06-01"), nextMonthlyRentFen: 111_240, nextRentStandardId: s2,
    });
    // Again: nothing more (idempotent).
    expect(await rerateLeases(prisma, { fromStandardId: s1, toStandardId: s2 })).toBe(0);

    const later = await acceptedOffer(estate.id, estate.unitIds[1]!);
    const laterLease = await draftLease(cast.yz1, { offerId: later.offerId, startDate: "2029-05-02", termMonths: 12 }, { now: cstInstant("2029-04-21", "10:00") });
    expect((await prisma.lease.findUniqueOrThrow({ where: { id: laterLease.leaseId } })).rentStandardId).toBe(s1);
    expect(await applyRentStandards({ now: cstInstant("2029-04-21", "11:00") })).toEqual({ rerated: 1, promoted: 0 });
    expect((await prisma.lease.findUniqueOrThrow({ where: { id: laterLease.leaseId } })).nextRentStandardId).toBe(s2);

    // Billing: May's period on the old standard, June's on the new one; each bill says which.
    await runBilling({ now: cstInstant("2029-05-01", "01:00") });
    await runBilling({ now: cstInstant("2029-06-01", "01:00") });
    const bills = await prisma.bill.findMany({ where: { leaseId: lease.leaseId, periodStart: { gte: dateColumn("2029-05-01") } }, orderBy: { periodStart: "asc" }, select: { periodStart: true, amountFen: true, baseRentFen: true, rentStandardId: true, rentMultiplierPercent: true } });
    expect(bills).toEqual([
      { periodStart: dateColumn("2029-05-01"), amountFen: 108_000, baseRentFen: 108_000, rentStandardId: s1, rentMultiplierPercent: 100 },
      { periodStart: dateColumn("2029-06-01"), amountFen: 111_240, baseRentFen: 111_240, rentStandardId: s2, rentMultiplierPercent: 100 },
    ]);
    // A second run adds nothing; the next rent becomes the lease's rent once billed.
    expect((await runBilling({ now: cstInstant("2029-06-01", "02:00") })).issued).toBe(0);
    expect((await applyRentStandards({ now: cstInstant("2029-06-02", "01:00") })).promoted).toBe(1);
    expect(await prisma.lease.findUniqueOrThrow({ where: { id: lease.leaseId }, select: { monthlyRentFen: true, rentStandardId: true, nextRentFrom: true, nextRentStandardId: true } })).toEqual({
      monthlyRentFen: 111_240, rentStandardId: s2, nextRentFrom: null, nextRentStandardId: null,
    });
    expect((await applyRentStandards({ now: cstInstant("2029-06-02", "02:00") })).promoted).toBe(0);
    // A lease drawn up from the new date takes the new standard.
    const third = await acceptedOffer(estate.id, estate.unitIds[2]!);
    const newLease = await draftLease(cast.yz1, { offerId: third.offerId, startDate: "2029-06-10", termMonths: 12 }, { now: cstInstant("2029-06-02", "10:00") });
    expect(await prisma.lease.findUniqueOrThrow({ where: { id: newLease.leaseId }, select: { monthlyRentFen: true, rentStandardId: true } })).toEqual({ monthlyRentFen: 111_240, rentStandardId: s2 });
    // The public page: the new standard in force, the old one gone.
    expect((await listPublicRentStandards({ now: cstInstant("2029-06-02", "10:00") })).map((s) => [s.id, s.effectiveFrom, s.upcoming])).toEqual([[s2, "2029-06-01", false]]);
  });

  it("cannot approve a standard whose date is in the current month (that month's bills are issued)", async () => {
    const { standardId } = await createRentStandard(cast.city, standardInput(estate.id, { effectiveFrom: "2026-03-20" }), { now: AT });
    expect((await failure(decideRentStandard(reviewer, { standardId, decision: "APPROVE" }, { now: AT }))).messageKey).toBe("rentStandards.errors.tooLateToApprove");
    await decideRentStandard(reviewer, { standardId, decision: "REJECT", reason: "生效日期须为下月起" }, { now: AT });
    expect(await prisma.rentStandard.findUniqueOrThrow({ where: { id: standardId }, select: { status: true, rejectionReason: true, rejectedById: true } })).toEqual({ status: "REJECTED", rejectionReason: "生效日期须为下月起", rejectedById: reviewer.id });
  });
});
