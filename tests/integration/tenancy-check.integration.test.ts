// The annual tenancy check (Art. 42) against PostgreSQL: every lease in force of a district is
// assessed again with the qualification rules; a household no longer eligible is listed for an
// officer, who ends the tenancy (lease terminated, a vacate order of Art. 42 with the deadline of
// Art. 41 and the transition of Art. 38, the household told with the article) or keeps it with a
// reason. A run repeated or run twice at once checks each lease once; a decision is made once.
import { beforeEach, describe, expect, it } from "vitest";
import { localizeNotificationParams } from "@/lib/notifications/params";
import { getRecheck, listRechecks, type RecheckFindings } from "@/lib/rechecks/recheck-service";
import { dismissRecheck } from "@/lib/rechecks/recheck-service";
import { confirmTenancyEnd, runDueTenancyChecks, runTenancyCheck } from "@/lib/rechecks/tenancy-check";
import { issueVacateOrder } from "@/lib/tenancy/leaving";
import { cstInstant, fromDateColumn } from "../support/clock";
import { YUZHONG } from "../support/districts";
import { failure, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { acceptedOffer, leaseInForce, tenancyEstate, type AcceptedOffer } from "./tenancy-fixtures";

const START = "2026-03-02";
const NOW = cstInstant("2026-11-20", "10:00");

describe("the annual tenancy check (Art. 42)", () => {
  let cast: Cast;
  let over: AcceptedOffer; // earns far above the limit now
  let fine: AcceptedOffer;
  let overLease: { leaseId: string; leaseNo: string };
  let fineLease: { leaseId: string; leaseNo: string };

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    for (const year of [2024, 2025, 2026]) await prisma.referenceIncome.create({ data: { year, perCapitaDisposableIncomeFen: 5_238_400 } });
    cast = await createCast();
    const estate = await tenancyEstate("TC-001");
    over = await acceptedOffer(estate.id, estate.unitIds[0]!);
    fine = await acceptedOffer(estate.id, estate.unitIds[1]!);
    overLease = await leaseInForce(cast.yz1, over, { startDate: START, termMonths: 36, at: cstInstant(START, "10:00") });
    fineLease = await leaseInForce(cast.yz1, fine, { startDate: START, termMonths: 36, at: cstInstant(START, "10:00") });
    await prisma.householdMember.updateMany({ where: { applicationId: over.applicationId }, data: { annualIncomeFen: 30_000_000 } });
  });

  const run = (actor = cast.yz1) => runTenancyCheck({ districtCode: YUZHONG, year: 2026, actor, now: NOW });

  it("lists the household no longer eligible with its reasons, and checks each lease once however often and however concurrently it runs", async () => {
    const runs = await race(Array.from({ length: 3 }, () => () => run()));
    expect(runs.ok).toHaveLength(3);
    const rows = await prisma.annualRecheck.findMany({ where: { kind: "TENANCY" }, select: { leaseId: true, status: true, year: true, reasons: true } });
    expect(rows.map((r) => [r.leaseId, r.status]).sort()).toEqual([[fineLease.leaseId, "PASSED"], [overLease.leaseId, "PENDING"]].sort());
    expect(rows.find((r) => r.leaseId === overLease.leaseId)!.reasons).toContain("第十三条第四项");
    expect(await run()).toMatchObject({ checked: 0, flagged: 0 });

    const pending = await listRechecks(cast.yz1, { kind: "TENANCY" });
    expect([pending.pendingTotal, pending.items.map((r) => r.lease?.leaseNo)]).toEqual([1, [overLease.leaseNo]]);
    const findings = pending.items[0]!.findings as unknown as RecheckFindings;
    expect(findings.reasons.map((r) => [r.code, r.article])).toEqual([["INCOME_ABOVE_LIMIT", "13.4"]]);
    expect((await listRechecks(cast.yz1, { kind: "TENANCY", view: "ALL", q: fineLease.leaseNo })).total).toBe(1);
    // The qualification re-check (Art. 20) lists none of them.
    expect((await listRechecks(cast.yz1, { view: "ALL" })).total).toBe(0);
    // Another district's officer neither sees nor opens it, nor runs this district's check.
    expect((await listRechecks(cast.spb, { kind: "TENANCY", view: "ALL" })).total).toBe(0);
    expect((await failure(getRecheck(cast.spb, pending.items[0]!.id))).code).toBe("NOT_FOUND");
    expect((await failure(run(cast.spb))).code).toBe("FORBIDDEN");
  });

  it("the yearly job checks each district once a year, from 1 March", async () => {
    expect(await runDueTenancyChecks(cstInstant("2026-02-27", "02:00"))).toBe("not due");
    expect(await runDueTenancyChecks(NOW)).toBe(`${YUZHONG}: 2 tenancies checked, 1 listed`);
    expect(await runDueTenancyChecks(NOW)).toBe("nothing due");
    expect(await prisma.annualRecheck.count({ where: { kind: "TENANCY" } })).toBe(2);
  });

  it("ending the tenancy: decided once; the lease terminated, an order of Art. 42 with its transition, the household told the reasons with the article", async () => {
    await run();
    const row = await prisma.annualRecheck.findFirstOrThrow({ where: { leaseId: overLease.leaseId } });
    const end = () => confirmTenancyEnd(cast.yz1, { recheckId: row.id, deadline: "2027-02-19", transitionGranted: "on", note: "请按期办理退租手续。" }, NOW);
    const decisions = await race(Array.from({ length: 3 }, () => end));
    expect(decisions.ok).toHaveLength(1);
    expect(decisions.errors).toEqual(["CONFLICT", "CONFLICT"]);

    const decided = await prisma.annualRecheck.findUniqueOrThrow({ where: { id: row.id } });
    expect([decided.status, decided.decidedById]).toEqual(["FAILED", cast.yz1.id]);
    expect(decided.reasons).toContain("第四十二条");
    const lease = await prisma.lease.findUniqueOrThrow({ where: { id: overLease.leaseId } });
    expect(lease.status).toBe("HOLDING_OVER");
    expect(lease.terminatedAt).not.toBeNull();
    expect(lease.terminationReason).toContain("第四十二条");
    const orders = await prisma.vacateOrder.findMany({ where: { leaseId: overLease.leaseId } });
    expect(orders.map((o) => [o.ground, o.status, fromDateColumn(o.deadline), o.transitionGranted, o.transitionRentMultiplierPercent])).toEqual([
      ["ANNUAL_CHECK_FAILED", "ISSUED", "2027-02-19", true, 150],
    ]);
    const notices = await prisma.notification.findMany({ where: { templateKey: "rechecks.tenancyEnded" } });
    expect(notices.length).toBeGreaterThan(0);
    const params = localizeNotificationParams(notices[0]!.params, "zh-CN");
    expect(params).toMatchObject({ leaseNo: overLease.leaseNo, deadline: "2027-02-19", reasons: "家庭人均收入超过规定标准（第十三条第四项）" });
    expect(JSON.stringify(notices.map((n) => n.params))).not.toMatch(/30000000|300000/);
    expect(await prisma.notification.count({ where: { templateKey: "leaving.orderIssued" } })).toBe(0);
    const actions = await prisma.auditLog.findMany({ where: { entityId: { in: [row.id, orders[0]!.id] } }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["recheck.tenancy.confirm", "vacate.issue"]);
    // The other household's tenancy goes on.
    expect((await prisma.lease.findUniqueOrThrow({ where: { id: fineLease.leaseId } })).status).toBe("ACTIVE");
  });

  it("bad input or another district changes nothing; keeping the tenancy records the reason; the ground is not open to a direct order", async () => {
    await run();
    const row = await prisma.annualRecheck.findFirstOrThrow({ where: { leaseId: overLease.leaseId } });
    expect((await failure(confirmTenancyEnd(cast.yz1, { recheckId: row.id, deadline: "2026-11-19", transitionGranted: "on" }, NOW))).code).toBe("VALIDATION");
    expect((await failure(confirmTenancyEnd(cast.yz1, { recheckId: row.id, deadline: "明天" }, NOW))).fieldErrors).toEqual({ deadline: ["rechecks.validation.deadlineInvalid"] });
    expect((await failure(confirmTenancyEnd(cast.spb, { recheckId: row.id, deadline: "2027-02-19" }, NOW))).code).toBe("FORBIDDEN");
    expect((await prisma.annualRecheck.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("PENDING");
    expect(await prisma.vacateOrder.count()).toBe(0);
    expect((await prisma.lease.findUniqueOrThrow({ where: { id: overLease.leaseId } })).status).toBe("ACTIVE");

    expect((await failure(issueVacateOrder(cast.yz1, { leaseId: overLease.leaseId, ground: "ANNUAL_CHECK_FAILED" as never, deadline: "2027-02-19", reason: "直接下达" }, { now: NOW }))).code).toBe("VALIDATION");

    await dismissRecheck(cast.yz1, { recheckId: row.id, reason: "税务记录含一次性补发收入，经核实未超标" }, NOW);
    const kept = await prisma.annualRecheck.findUniqueOrThrow({ where: { id: row.id } });
    expect([kept.status, kept.reasons]).toEqual(["PASSED", "经核实保留租住资格：税务记录含一次性补发收入，经核实未超标"]);
    expect((await prisma.lease.findUniqueOrThrow({ where: { id: overLease.leaseId } })).status).toBe("ACTIVE");
    expect((await failure(confirmTenancyEnd(cast.yz1, { recheckId: row.id, deadline: "2027-02-19" }, NOW))).messageKey).toBe("rechecks.errors.alreadyDecided");
    expect(await prisma.auditLog.count({ where: { action: "recheck.tenancy.dismiss", entityId: row.id } })).toBe(1);
  });

  it("leaves out leases already leaving", async () => {
    await issueVacateOrder(cast.yz1, { leaseId: overLease.leaseId, ground: "NO_LONGER_ELIGIBLE", deadline: "2027-02-19", reason: "已购买其他住房" }, { now: NOW });
    expect(await run()).toMatchObject({ checked: 1, flagged: 0 });
    expect(await prisma.annualRecheck.count({ where: { leaseId: overLease.leaseId } })).toBe(0);
  });
});
