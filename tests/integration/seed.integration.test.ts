// The demo seed goes through the services on a moved clock, so it holds what the rules and the
// state machine would produce: every history is a chain of legal moves, every deadline the one
// lib/rules computes, every reason worded by the portal or written by an officer for the applicant.
import { beforeAll, describe, expect, it } from "vitest";
import { isStatusReasonKey } from "@/lib/applications/status-reason";
import { canTransition } from "@/lib/applications/transitions";
import { DEMO_APPLICANTS, DEMO_STAFF, seedDemoIfEmpty } from "@/lib/demo/seed";
import { DEMO_CHOOSING_PHONE, DEMO_CROWD_ACCOUNTS } from "@/lib/demo/seed-allocation";
import { DEMO_EXCHANGE_PENDING, DEMO_EXCHANGE_TENANTS } from "@/lib/demo/seed-exchanges";
import { DEMO_ARREARS, DEMO_CHECK_FAILED, DEMO_LEAVING_TENANTS, DEMO_TERM_ENDED, DEMO_TRANSITION, DEMO_VIOLATION } from "@/lib/demo/seed-leaving";
import { verifyDraw } from "@/lib/lottery/verify";
import { getPublicDraw, entrantsText, resultText } from "@/lib/allocation/lottery";
import { deadlineDate, isAppealableStatus, workingDaysBetween } from "@/lib/rules";
import { fromDateColumn, todayCST } from "../support/clock";
import { prisma, truncateAll } from "./db";

const today = todayCST();

async function applicationOf(phone: string) {
  return prisma.application.findFirstOrThrow({
    where: { OR: [{ applicantUser: { phone } }, { contactPhone: phone }] },
    include: { statusEvents: { orderBy: [{ at: "asc" }, { id: "asc" }] }, reviewDecisions: true, appeals: true },
  });
}

describe("the demo seed", () => {
  beforeAll(async () => {
    await truncateAll();
    expect(await seedDemoIfEmpty()).toBe(true);
  }, 300_000);

  it("seeds an empty database once, and refuses a second time", async () => {
    expect(await seedDemoIfEmpty()).toBe(false);
    expect(await prisma.user.count()).toBe(DEMO_STAFF.length + DEMO_APPLICANTS.length + DEMO_CROWD_ACCOUNTS + DEMO_LEAVING_TENANTS.length + DEMO_EXCHANGE_TENANTS.length);
  });

  it("has two officers for each of two districts and for the city (plans need a second officer), and every district of Chongqing", async () => {
    expect(await prisma.district.count()).toBe(38);
    const officers = await prisma.user.groupBy({ by: ["role", "districtCode"], _count: true, orderBy: { role: "asc" } });
    expect(officers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: "DISTRICT_OFFICER", districtCode: "500103", _count: 2 }),
        expect.objectContaining({ role: "DISTRICT_OFFICER", districtCode: "500106", _count: 2 }),
        expect.objectContaining({ role: "MUNICIPAL_OFFICER", districtCode: null, _count: 2 }),
        expect.objectContaining({ role: "ADMIN", districtCode: null, _count: 1 }),
      ]),
    );
  });

  it("has a few hundred units of every type", async () => {
    const byType = await prisma.unit.groupBy({ by: ["unitType"], _count: true });
    expect(byType).toHaveLength(4);
    for (const t of byType) expect(t._count).toBeGreaterThanOrEqual(50);
    expect(await prisma.unit.count()).toBeGreaterThanOrEqual(300);
    const above60 = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Unit" WHERE "standardRentFen" * 10 > "marketRentFen" * 6`;
    expect(Number(above60[0]!.n)).toBe(0); // Art. 27
  });

  it("shows applications in every state of the lifecycle, each history a chain of legal moves", async () => {
    const statuses = await prisma.application.groupBy({ by: ["status"], _count: true });
    const seen = new Set(statuses.map((s) => s.status));
    for (const status of [
      "DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED", "FIRST_REVIEW_PASSED", "FIRST_REVIEW_REJECTED", "SECOND_REVIEW_PASSED",
      "IN_PUBLICITY", "OBJECTION_UPHELD", "APPEALED", "REJECTED", "QUALIFIED", "HOUSED", "CANCELLED", "WITHDRAWN",
    ] as const) {
      expect(seen, status).toContain(status);
    }
    const apps = await prisma.application.findMany({ include: { statusEvents: { orderBy: [{ at: "asc" }, { id: "asc" }] } } });
    for (const app of apps) {
      const events = app.statusEvents;
      expect(events[0]?.toStatus, app.applicationNo).toBe("DRAFT");
      for (let i = 1; i < events.length; i++) {
        expect(events[i]!.fromStatus, app.applicationNo).toBe(events[i - 1]!.toStatus);
        expect(canTransition(events[i]!.fromStatus!, events[i]!.toStatus), `${app.applicationNo}: ${events[i]!.fromStatus} → ${events[i]!.toStatus}`).toBe(true);
        expect(events[i]!.at >= events[i - 1]!.at).toBe(true);
      }
      expect(events.at(-1)!.toStatus, app.applicationNo).toBe(app.status);
      for (const e of events) if (e.reasonKey !== null) expect(isStatusReasonKey(e.reasonKey)).toBe(true);
    }
    // 郑凯, the tenants of leaving but the one held over under its vacate order, and those of exchanges.
    expect(await prisma.lease.count({ where: { status: "ACTIVE" } })).toBe(1 + DEMO_LEAVING_TENANTS.length - 1 + DEMO_EXCHANGE_TENANTS.length);
  });

  it("has tenants in the states of leaving (Art. 38-41), through the services", async () => {
    const leaseOf = (phone: string) =>
      prisma.lease.findFirstOrThrow({ where: { tenantUser: { phone } }, select: { status: true, endDate: true, vacateOrders: { select: { status: true, transitionGranted: true } }, bills: { select: { kind: true, status: true, rentMultiplierPercent: true, dueDate: true } } } });
    const ended = await leaseOf(DEMO_TERM_ENDED.phone);
    expect([ended.status, fromDateColumn(ended.endDate) < today, ended.vacateOrders.length]).toEqual(["ACTIVE", true, 0]);
    const held = await leaseOf(DEMO_TRANSITION.phone);
    expect(held.status).toBe("HOLDING_OVER");
    expect(held.vacateOrders).toEqual([{ status: "ISSUED", transitionGranted: true }]);
    expect(held.bills.filter((b) => b.kind === "TRANSITION_RENT").every((b) => b.rentMultiplierPercent === 150)).toBe(true);
    expect(held.bills.some((b) => b.kind === "TRANSITION_RENT")).toBe(true);
    const arrears = await leaseOf(DEMO_ARREARS.phone);
    expect(arrears.bills.filter((b) => b.status !== "PAID" && fromDateColumn(b.dueDate) < today).length).toBeGreaterThanOrEqual(6);
    const paying = await leaseOf(DEMO_VIOLATION.phone);
    expect(paying.bills.filter((b) => b.status !== "PAID" && fromDateColumn(b.dueDate) < today)).toEqual([]);
  });

  it("dates each household's deadlines as the rules do, relative to today", async () => {
    const liNa = await applicationOf("13800000003");
    const accepted = todayCST(liNa.acceptedAt!);
    expect(fromDateColumn(liNa.firstReviewDueDate!)).toBe(deadlineDate("FIRST_REVIEW", accepted));
    expect(workingDaysBetween(today, fromDateColumn(liNa.firstReviewDueDate!))).toBe(2);
    const liuYang = await applicationOf("13800000004");
    expect(fromDateColumn(liuYang.firstReviewDueDate!) < today).toBe(true);
    const huangYong = await applicationOf("13800000008");
    expect(huangYong.status).toBe("FIRST_REVIEW_REJECTED");
    expect(isAppealableStatus(huangYong.status)).toBe(true);
    expect(fromDateColumn(huangYong.appealDueDate!)).toBe(deadlineDate("APPEAL", todayCST(huangYong.rejectionNotifiedAt!)));
    expect(fromDateColumn(huangYong.appealDueDate!) >= today).toBe(true);
    // Told when refused, not when the demo was seeded.
    const notice = await prisma.notification.findFirstOrThrow({ where: { applicationId: huangYong.id, templateKey: "review.firstRejected", channel: "IN_APP" } });
    expect(notice.createdAt).toEqual(huangYong.rejectionNotifiedAt);
    // The refusal's reason carries the household's own figures, from the pre-check.
    expect(huangYong.reviewDecisions[0]!.reasons).toEqual([expect.objectContaining({ code: "INCOME_ABOVE_LIMIT", params: expect.objectContaining({ perCapitaIncomeFen: 7_500_000 }) })]);
    const zhouJie = await applicationOf("13800000009");
    expect(zhouJie.status).toBe("APPEALED");
    expect(zhouJie.appeals).toHaveLength(1);
    const sunLi = await applicationOf("13800000012");
    expect(sunLi.statusEvents.at(-1)).toMatchObject({ toStatus: "REJECTED", reasonKey: "refusalFinal" });
  });

  it("puts 赵敏 on a current publicity list and qualifies last year's households by the closing job", async () => {
    const zhaoMin = await applicationOf("13800000007");
    expect(zhaoMin.status).toBe("IN_PUBLICITY");
    const batch = await prisma.publicityBatch.findFirstOrThrow({ where: { entries: { some: { applicationId: zhaoMin.id } } } });
    expect(batch.status).toBe("PUBLISHED");
    expect(fromDateColumn(batch.endDate) >= today).toBe(true);
    const wuXia = await applicationOf("13800000010");
    expect(wuXia.status).toBe("QUALIFIED");
    expect(wuXia.statusEvents.at(-1)).toMatchObject({ reasonKey: "qualified", actorId: null });
    expect(await prisma.qualification.count({ where: { applicationId: wuXia.id, status: "ACTIVE" } })).toBe(1);
    const caoYang = await applicationOf("13900000004");
    expect(caoYang.statusEvents.at(-1)).toMatchObject({ toStatus: "CANCELLED", reasonKey: "recheckCancelled" });
  });

  it("gives the shared-data comparison and the re-check something to show", async () => {
    const tax = await prisma.sharedDataImportBatch.findFirstOrThrow({ where: { source: "TAX" } });
    expect(tax.status).toBe("COMPLETED");
    expect(await prisma.sharedDataRecord.count({ where: { batchId: tax.id } })).toBeGreaterThan(10);
    expect(await prisma.sharedDataImportBatch.count({ where: { source: "REAL_ESTATE", status: "COMPLETED" } })).toBe(2);
  });

  it("lists one tenancy at this year's annual check, the household that bought a home (Art. 42)", async () => {
    const checks = await prisma.annualRecheck.findMany({ where: { kind: "TENANCY" }, select: { status: true, year: true, reasons: true, lease: { select: { tenantUser: { select: { phone: true } } } } } });
    expect(checks.length).toBeGreaterThan(1);
    const listed = checks.filter((c) => c.status === "PENDING");
    expect(listed.map((c) => c.lease?.tenantUser?.phone)).toEqual([DEMO_CHECK_FAILED.phone]);
    expect(listed[0]!.reasons).toContain("第十三条");
    expect(listed[0]!.year).toBe(Number(today.slice(0, 4)));
  });

  it("has a published lottery plan with a drawn pool (picks, acceptances, a decline) and a frozen one, waiting lists, and a vacated unit offered to its head", async () => {
    const plan = await prisma.allocationPlan.findFirstOrThrow({ where: { status: "PUBLISHED", method: "LOTTERY" }, select: { id: true, lotteryDraws: { select: { id: true, status: true, entrantCount: true, unitType: true } } } });
    const drawn = plan.lotteryDraws.find((d) => d.status === "DRAWN")!;
    expect(drawn.entrantCount).toBeGreaterThanOrEqual(200);
    expect(plan.lotteryDraws.find((d) => d.status === "COMMITTED")).toBeDefined();
    // The drawn pool checks from its public files alone.
    const draw = (await getPublicDraw(drawn.id))!;
    const check = verifyDraw({ draw, entrantsText: (await entrantsText(drawn.id))!, resultText: await resultText(drawn.id) });
    expect(check.ok, JSON.stringify(check)).toBe(true);
    const offers = await prisma.offer.groupBy({ by: ["status"], where: { lotteryEntrant: { drawId: drawn.id } }, _count: true });
    expect(Object.fromEntries(offers.map((o) => [o.status, o._count]))).toEqual({ ACCEPTED: 2, PENDING: 1, DECLINED: 1 });
    expect(await prisma.lotteryEntrant.count({ where: { drawId: drawn.id, turnStatus: "DECLINED" } })).toBe(2);
    expect(await prisma.lotteryEntrant.count({ where: { drawId: drawn.id, turnStatus: "OPEN" } })).toBeGreaterThan(0);
    // The demo account of the household choosing now has an open turn.
    const choosing = await prisma.lotteryEntrant.findFirstOrThrow({ where: { drawId: drawn.id, application: { applicantUser: { phone: DEMO_CHOOSING_PHONE } } }, select: { turnStatus: true } });
    expect(choosing.turnStatus).toBe("OPEN");
    // Waiting lists with households in them; 吴霞, first in hers, has a unit offered from it.
    expect(await prisma.waitingListEntry.count({ where: { status: "WAITING" } })).toBeGreaterThan(100);
    const wuXia = await applicationOf("13800000010");
    const offer = await prisma.offer.findFirstOrThrow({ where: { applicationId: wuXia.id }, select: { status: true, waitingListEntryId: true, unit: { select: { status: true } } } });
    expect(offer).toMatchObject({ status: "PENDING", unit: { status: "OFFERED" } });
    expect(offer.waitingListEntryId).not.toBeNull();
    // A directed allocation to an enterprise (Art. 24): an assigned nominee, one refused, one waiting.
    const directed = await prisma.directedAllocation.findFirstOrThrow({ where: { kind: "ENTERPRISE" }, select: { nominees: { select: { status: true } } } });
    expect(directed.nominees.map((n) => n.status).sort()).toEqual(["ASSIGNED", "ELIGIBLE", "INELIGIBLE"]);
  });

  it("has a tenant waiting on an exchange list after an approved request (Art. 33)", async () => {
    const request = await prisma.exchangeRequest.findFirstOrThrow({ where: { lease: { tenantUser: { phone: DEMO_EXCHANGE_PENDING.phone } } }, select: { status: true, requestedUnitType: true, waitingListEntry: { select: { purpose: true, status: true } } } });
    expect(request).toEqual({ status: "APPROVED", requestedUnitType: "THREE_BEDROOM", waitingListEntry: { purpose: "EXCHANGE", status: "WAITING" } });
  });
});
