// Leaving public rental housing against PostgreSQL (Art. 31, 38-41): a violation recorded with its
// evidence and decided once, ending the tenancy and banning every adult of the household for five
// years from the return of the unit; vacate orders on the grounds of Art. 38 and 39 with the
// transition rent of Art. 38 on the bills; the court referral past the deadline; the move-out check
// returning the unit to stock, where the head of the waiting list is offered it.
import { beforeEach, describe, expect, it } from "vitest";
import { latestBanUntil } from "@/lib/applications/household-claims";
import { openViolationEvidence, uploadViolationEvidence } from "@/lib/tenancy/violation-evidence";
import { PDF, PNG } from "./portal-draft.fixtures";
import { runBilling } from "@/lib/tenancy/billing";
import { confirmViolation, dismissViolation, issueVacateOrder, liftBans, recordMoveOut, recordViolation, referToCourt, staffLeaving, tenantLeaving } from "@/lib/tenancy/leaving";
import { multipliedRentFen } from "@/lib/rules/rent";
import { cstInstant, dateColumn, fromDateColumn } from "../support/clock";
import { freshResidentId, memberIdentity } from "../support/resident-id";
import { failure, household, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { acceptedOffer, leaseInForce, tenancyEstate, type AcceptedOffer } from "./tenancy-fixtures";

const START = "2025-12-01";
const AT_START = cstInstant(START, "10:00");
const TODAY = "2026-12-02";
const NOW = cstInstant(TODAY, "10:00");

async function leaseRow(leaseId: string) {
  return prisma.lease.findUniqueOrThrow({ where: { id: leaseId }, select: { status: true, terminatedAt: true, unit: { select: { status: true } } } });
}

describe("violations and bans (Art. 31, 40)", () => {
  let cast: Cast;
  let estate: { id: string; unitIds: string[] };
  let offer: AcceptedOffer;
  let lease: { leaseId: string; leaseNo: string };
  const child = freshResidentId({ birthDate: "2010-05-05", sex: "F" });
  const grownChild = freshResidentId({ birthDate: "2008-12-02", sex: "M" });

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    estate = await tenancyEstate("LV-001");
    offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
    await prisma.householdMember.createMany({
      data: [
        { applicationId: offer.applicationId, relationship: "CHILD", name: "小女", ...memberIdentity(child), fullCivilCapacity: false, annualIncomeFen: 0 },
        { applicationId: offer.applicationId, relationship: "CHILD", name: "长子", ...memberIdentity(grownChild), fullCivilCapacity: true, annualIncomeFen: 0 },
      ],
    });
    lease = await leaseInForce(cast.yz1, offer, { startDate: START, at: AT_START });
  });

  const record = (officer = cast.yz1) =>
    recordViolation(officer, { leaseId: lease.leaseId, kind: "SUBLET_OR_LEND", detectedOn: "2026-11-20", description: "将房屋转租给他人居住", evidence: "巡查照片 3 张，租住人询问笔录", internalNote: "社区网格员举报" }, { now: NOW });

  it("records with evidence, changes nothing until decided, and keeps internal notes from the household", async () => {
    const { violationId, violationNo } = await record();
    expect(violationNo).toMatch(/^WG-500103-2026-\d{6}$/);
    expect((await leaseRow(lease.leaseId)).status).toBe("ACTIVE");
    const staff = await staffLeaving({ id: lease.leaseId, startDate: START, termMonths: 36, monthlyRentFen: 120_000 }, { now: NOW });
    expect(staff.violations.map((v) => v.status)).toEqual(["REPORTED"]);
    expect(staff.internalNotes[violationId]).toBe("社区网格员举报");
    const mine = await tenantLeaving(lease.leaseId, { now: NOW });
    expect(mine.violations).toEqual([]);
    expect(JSON.stringify(mine)).not.toContain("社区网格员举报");
  });

  it("confirmed once: the lease is terminated and held over, a vacate order follows, every adult is banned; the ban is re-dated at the return", async () => {
    const { violationId } = await record();
    const decisions = await race(Array.from({ length: 4 }, () => () => confirmViolation(cast.yz1, { violationId, decisionReason: "经调查核实存在转租行为", deadline: "2026-12-31" }, { now: NOW })));
    expect(decisions.ok).toHaveLength(1);
    expect(decisions.errors).toEqual(Array(3).fill("CONFLICT"));
    expect(await prisma.vacateOrder.count({ where: { leaseId: lease.leaseId } })).toBe(1);
    const row = await leaseRow(lease.leaseId);
    expect(row.status).toBe("HOLDING_OVER");
    expect(row.terminatedAt).not.toBeNull();

    const bans = await prisma.ban.findMany({ where: { violationId }, select: { residentId: true, bannedFrom: true, bannedUntil: true, memberName: true } });
    expect(bans.map((b) => b.memberName).sort()).toEqual(["张三", "长子"].sort());
    expect(bans.some((b) => b.residentId === child)).toBe(false);
    expect(await latestBanUntil(prisma, [grownChild])).toBe("2031-12-02");

    const mine = await tenantLeaving(lease.leaseId, { now: NOW });
    expect(mine.openOrder).toMatchObject({ ground: "VIOLATION", article: "40", deadline: "2026-12-31", transitionGranted: false });
    expect(mine.violations.map((v) => v.decisionReason)).toEqual(["经调查核实存在转租行为"]);
    const notices = await prisma.notification.findMany({ where: { templateKey: "leaving.violationConfirmed" }, select: { channel: true } });
    expect(notices.length).toBeGreaterThan(0);

    // Dismissing what is decided changes nothing.
    expect((await failure(dismissViolation(cast.yz1, { violationId, decisionReason: "误报" }, { now: NOW }))).messageKey).toBe("leaving.errors.violationDecided");

    // The unit comes back on 2027-01-10: the ban runs five years from that day (Art. 40).
    const later = cstInstant("2027-01-10", "15:00");
    const out = await recordMoveOut(cast.yz1, { leaseId: lease.leaseId, vacatedOn: "2027-01-10", findings: "房屋完好，钥匙已交回", hasIssues: "" }, { now: later });
    expect(out.unitStatus).toBe("VACANT");
    expect(await latestBanUntil(prisma, [grownChild])).toBe("2032-01-10");
    expect((await leaseRow(lease.leaseId)).status).toBe("TERMINATED");
    expect((await prisma.vacateOrder.findFirstOrThrow({ where: { leaseId: lease.leaseId } })).status).toBe("VACATED");
  });

  it("the bans of a decision overturned are lifted once, with the document; the household may apply again", async () => {
    const { violationId } = await record();
    expect((await failure(liftBans(cast.yz1, { violationId, documentNo: "渝府复〔2026〕1号", reason: "复议撤销" }, { now: NOW }))).messageKey).toBe("leaving.errors.violationNotConfirmed");
    await confirmViolation(cast.yz1, { violationId, decisionReason: "经调查核实存在转租行为", deadline: "2026-12-31" }, { now: NOW });
    const residentIds = (await prisma.ban.findMany({ select: { residentId: true } })).map((b) => b.residentId);
    expect(await latestBanUntil(prisma, residentIds)).not.toBeNull();
    expect((await failure(liftBans(cast.yz1, { violationId, documentNo: " ", reason: "" }, { now: NOW }))).fieldErrors).toEqual({
      documentNo: ["leaving.validation.liftDocumentRequired"],
      reason: ["leaving.validation.liftReasonRequired"],
    });
    expect((await failure(liftBans(cast.spb, { violationId, documentNo: "渝府复〔2026〕1号", reason: "复议撤销原认定" }, { now: NOW }))).code).toBe("NOT_FOUND");
    const lifts = await race(Array.from({ length: 3 }, () => () => liftBans(cast.yz1, { violationId, documentNo: "渝府复〔2026〕1号", reason: "行政复议决定撤销原违规认定" }, { now: NOW })));
    expect(lifts.ok).toHaveLength(1);
    expect(lifts.errors).toEqual(["CONFLICT", "CONFLICT"]);
    const bans = await prisma.ban.findMany();
    expect(bans.length).toBeGreaterThan(0);
    for (const b of bans) expect([b.liftedAt?.toISOString(), b.liftedById, b.liftReason]).toEqual([NOW.toISOString(), cast.yz1.id, "渝府复〔2026〕1号：行政复议决定撤销原违规认定"]);
    expect(await latestBanUntil(prisma, residentIds)).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "ban.lift", entityId: violationId } })).toBe(1);
    expect(await prisma.notification.count({ where: { templateKey: "leaving.bansLifted", channel: "SMS" } })).toBe(1);
    // The lease's end stands.
    expect((await leaseRow(lease.leaseId)).status).toBe("HOLDING_OVER");
  });

  it("keeps evidence files with the violation for the district's officers only, at most ten however they arrive", async () => {
    const { violationId } = await record();
    const first = await uploadViolationEvidence(cast.yz1, { violationId, fileName: "现场照片.png", bytes: PNG });
    expect(first).toMatchObject({ kind: "VIOLATION_EVIDENCE", fileName: "现场照片.png" });
    expect((await openViolationEvidence(cast.yz1, first.id))?.fileName).toBe("现场照片.png");
    // The household never reads it; another district neither uploads nor reads.
    expect((await failure(openViolationEvidence(offer.tenant, first.id))).code).toBe("NOT_FOUND");
    expect((await failure(openViolationEvidence(cast.spb, first.id))).code).toBe("NOT_FOUND");
    expect((await failure(uploadViolationEvidence(cast.spb, { violationId, fileName: "x.png", bytes: PNG }))).code).toBe("NOT_FOUND");
    expect((await failure(uploadViolationEvidence(offer.tenant, { violationId, fileName: "x.png", bytes: PNG }))).code).toBe("NOT_FOUND");
    expect((await failure(uploadViolationEvidence(cast.yz1, { violationId, fileName: "笔录.pdf", bytes: PNG }))).code).toBe("VALIDATION");
    const uploads = await race(Array.from({ length: 11 }, (_, i) => () => uploadViolationEvidence(cast.yz1, { violationId, fileName: `笔录${i}.pdf`, bytes: PDF })));
    expect(uploads.ok).toHaveLength(9);
    expect(await prisma.document.count({ where: { violationId } })).toBe(10);
    const view = await staffLeaving({ id: lease.leaseId, startDate: START, termMonths: 36, monthlyRentFen: 100_000 }, { now: NOW });
    expect(view.evidenceFiles[violationId]).toHaveLength(10);
    expect(JSON.stringify(await tenantLeaving(lease.leaseId, { now: NOW }))).not.toContain("现场照片");
  });

  it("dismissed: the record stays, the tenancy goes on, nobody is banned", async () => {
    const { violationId } = await record();
    await dismissViolation(cast.yz1, { violationId, decisionReason: "经核实为亲属临时照料，不构成转租" }, { now: NOW });
    expect((await leaseRow(lease.leaseId)).status).toBe("ACTIVE");
    expect(await prisma.ban.count()).toBe(0);
  });

  it("is the district's: another district's officer cannot record or decide, bad input changes nothing", async () => {
    // Outside the officer's reach a lease is "not found", as everywhere.
    expect((await failure(record(cast.spb))).code).toBe("NOT_FOUND");
    const { violationId } = await record();
    expect((await failure(confirmViolation(cast.spb, { violationId, decisionReason: "x", deadline: "2026-12-31" }, { now: NOW }))).code).toBe("NOT_FOUND");
    expect((await failure(confirmViolation(cast.yz1, { violationId, decisionReason: "x", deadline: "2026-11-01" }, { now: NOW }))).fieldErrors).toEqual({ deadline: ["leaving.validation.deadlinePast"] });
    expect((await failure(confirmViolation(cast.yz1, { violationId: "nope", decisionReason: "x", deadline: "2026-12-31" }, { now: NOW }))).code).toBe("NOT_FOUND");
    expect((await failure(recordViolation(cast.yz1, { leaseId: lease.leaseId, kind: "MADE_UP" as never, detectedOn: "2026-13-01", description: "", evidence: "" }, { now: NOW }))).fieldErrors).toMatchObject({
      kind: ["leaving.validation.kindRequired"],
      detectedOn: ["leaving.validation.detectedOnInvalid"],
      description: ["leaving.validation.descriptionRequired"],
      evidence: ["leaving.validation.evidenceRequired"],
    });
    expect(await prisma.violation.count()).toBe(1);
    expect((await leaseRow(lease.leaseId)).status).toBe("ACTIVE");
    expect(await prisma.ban.count()).toBe(0);
  });
});

describe("vacate orders and transition rent (Art. 38, 39, 41)", () => {
  let cast: Cast;
  let estate: { id: string; unitIds: string[] };

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    estate = await tenancyEstate("LV-002");
  });

  async function endedLease() {
    // A 12-month lease from 2025-11-15: its last day was 2026-11-14.
    const offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
    return leaseInForce(cast.yz1, offer, { startDate: "2025-11-15", termMonths: 12, at: cstInstant("2025-11-15", "10:00") });
  }

  it("term ended: one order at once, 1.5 x during the 3-month transition and 2 x after it, on bills that say so", async () => {
    const lease = await endedLease();
    const issue = () => issueVacateOrder(cast.yz1, { leaseId: lease.leaseId, ground: "TERM_ENDED_NO_RENEWAL", transitionGranted: "on", deadline: "2027-02-14", reason: "合同期满未申请续租" }, { now: NOW });
    const runs = await race(Array.from({ length: 3 }, () => issue));
    expect(runs.ok).toHaveLength(1);
    expect(runs.errors).toEqual(["CONFLICT", "CONFLICT"]);
    const order = await prisma.vacateOrder.findFirstOrThrow({ where: { leaseId: lease.leaseId } });
    expect(fromDateColumn(order.obligationDate)).toBe("2026-11-15");
    expect(order.transitionEndDate && fromDateColumn(order.transitionEndDate)).toBe("2027-02-14");
    expect((await leaseRow(lease.leaseId)).status).toBe("HOLDING_OVER");

    // The period from 2026-11-15 is billed at once at 1.5 x; the billing runs of the months after
    // bill 1.5 x until the transition ends (2027-02-15) and 2 x from then on; each period once.
    for (const month of ["2026-12", "2027-01", "2027-02", "2027-03", "2027-03"]) await runBilling({ month, now: cstInstant(`${month}-01`, "02:00") });
    const transition = await prisma.bill.findMany({ where: { leaseId: lease.leaseId, kind: "TRANSITION_RENT" }, orderBy: { periodStart: "asc" }, select: { periodStart: true, rentMultiplierPercent: true, amountFen: true, vacateOrderId: true } });
    expect(transition.map((b) => [fromDateColumn(b.periodStart), b.rentMultiplierPercent])).toEqual([
      ["2026-11-15", 150],
      ["2026-12-15", 150],
      ["2027-01-15", 150],
      ["2027-02-15", 200],
      ["2027-03-15", 200],
    ]);
    expect(transition[0]!.amountFen).toBe(multipliedRentFen(120_000, 150));
    expect(transition.every((b) => b.vacateOrderId === order.id)).toBe(true);
  });

  it("refuses a ground that does not hold, or a transition the ground does not allow; arrears of six months open Art. 39", async () => {
    const offer = await acceptedOffer(estate.id, estate.unitIds[1]!);
    const lease = await leaseInForce(cast.yz1, offer, { startDate: "2026-03-02", termMonths: 36, at: cstInstant("2026-03-02", "10:00") });
    const base = { leaseId: lease.leaseId, deadline: "2027-01-31", reason: "x" };
    expect((await failure(issueVacateOrder(cast.yz1, { ...base, ground: "TERM_ENDED_NO_RENEWAL", transitionGranted: "" }, { now: NOW }))).fieldErrors).toEqual({ ground: ["leaving.validation.termNotEnded"] });
    expect((await failure(issueVacateOrder(cast.yz1, { ...base, ground: "RENT_ARREARS", transitionGranted: "on" }, { now: NOW }))).fieldErrors).toEqual({ transitionGranted: ["leaving.validation.noTransition"] });
    // Bills from March to December 2026, none paid: nine periods overdue on 2026-12-02 (December's is not due yet).
    for (let m = 4; m <= 12; m++) await runBilling({ month: `2026-${String(m).padStart(2, "0")}`, now: cstInstant(`2026-${String(m).padStart(2, "0")}-01`, "02:00") });
    expect(await prisma.bill.count({ where: { leaseId: lease.leaseId } })).toBe(10);
    await prisma.bill.updateMany({ where: { leaseId: lease.leaseId, periodStart: { lt: dateColumn("2026-09-01") } }, data: { status: "PAID", paidFen: 120_000 } });
    // March-August paid: September, October, November overdue = 3 months. Not enough.
    expect((await failure(issueVacateOrder(cast.yz1, { ...base, ground: "RENT_ARREARS", transitionGranted: "" }, { now: NOW }))).fieldErrors).toEqual({ ground: ["leaving.validation.arrearsBelowSixMonths"] });
    await prisma.bill.updateMany({ where: { leaseId: lease.leaseId, periodStart: { gte: dateColumn("2026-03-01"), lt: dateColumn("2026-06-01") } }, data: { status: "UNPAID", paidFen: 0 } });
    const staff = await staffLeaving({ id: lease.leaseId, startDate: "2026-03-02", termMonths: 36, monthlyRentFen: 120_000 }, { now: NOW });
    expect(staff.arrearsObligeVacating).toBe(true);
    await issueVacateOrder(cast.yz1, { ...base, ground: "RENT_ARREARS", transitionGranted: "" }, { now: NOW });
    // No transition under Art. 39: the next period is billed at 2 x.
    await runBilling({ month: "2027-01", now: cstInstant("2027-01-01", "02:00") });
    const next = await prisma.bill.findFirstOrThrow({ where: { leaseId: lease.leaseId, periodStart: dateColumn("2027-01-02") } });
    expect([next.kind, next.rentMultiplierPercent]).toEqual(["TRANSITION_RENT", 200]);
    expect(await prisma.vacateOrder.count({ where: { leaseId: lease.leaseId } })).toBe(1);
  });

  it("records the court referral only past the deadline, and the move-out returns the unit to the head of the waiting list", async () => {
    const lease = await endedLease();
    const { orderId } = await issueVacateOrder(cast.yz1, { leaseId: lease.leaseId, ground: "TERM_ENDED_NO_RENEWAL", transitionGranted: "", deadline: "2026-12-31", reason: "合同期满未申请续租" }, { now: NOW });
    expect((await failure(referToCourt(cast.yz1, { orderId, courtNote: "逾期未腾退" }, { now: NOW }))).messageKey).toBe("leaving.errors.deadlineNotPassed");
    const after = cstInstant("2027-01-05", "10:00");
    await referToCourt(cast.yz1, { orderId, courtCaseNo: "(2027)渝0103执1号", courtNote: "逾期未腾退，已申请强制执行" }, { now: after });
    expect((await failure(referToCourt(cast.yz1, { orderId, courtNote: "again" }, { now: after }))).messageKey).toBe("leaving.errors.orderNotOpen");

    // A household waits for a two-bedroom at this estate.
    const waiting = await household({ estateId: estate.id, acceptedAt: cstInstant("2025-03-03"), preferred: "TWO_BEDROOM" });
    const { enrolWaitingLists } = await import("@/lib/allocation/waiting-list");
    await enrolWaitingLists(after);

    const outs = await race(Array.from({ length: 3 }, () => () => recordMoveOut(cast.yz1, { leaseId: lease.leaseId, vacatedOn: "2027-01-20", findings: "房屋完好", hasIssues: "" }, { now: cstInstant("2027-01-20", "16:00") })));
    expect(outs.ok).toHaveLength(1);
    expect(outs.errors).toEqual(["CONFLICT", "CONFLICT"]);
    const order = await prisma.vacateOrder.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("ENFORCED");
    expect(fromDateColumn(order.vacatedOn!)).toBe("2027-01-20");
    expect((await leaseRow(lease.leaseId)).status).toBe("ENDED");
    const inspection = await prisma.inspection.findFirstOrThrow({ where: { unitId: estate.unitIds[0]! } });
    expect(inspection.kind).toBe("MOVE_OUT");
    const offered = await prisma.offer.findFirst({ where: { unitId: estate.unitIds[0]!, applicationId: waiting.id, status: "PENDING" } });
    expect(offered).not.toBeNull();
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: estate.unitIds[0]! } })).status).toBe("OFFERED");
  });

  it("a unit found damaged goes to maintenance, not to the waiting list", async () => {
    const lease = await endedLease();
    await recordMoveOut(cast.yz1, { leaseId: lease.leaseId, vacatedOn: "2026-12-01", findings: "厨房墙面破损", hasIssues: "on" }, { now: NOW });
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: estate.unitIds[0]! } })).status).toBe("MAINTENANCE");
    expect((await failure(recordMoveOut(cast.yz1, { leaseId: lease.leaseId, vacatedOn: "2026-12-01", findings: "x", hasIssues: "" }, { now: NOW }))).messageKey).toBe("leaving.errors.leaseNotLiving");
    expect((await failure(recordMoveOut(cast.yz1, { leaseId: lease.leaseId, vacatedOn: "2026-12-09", findings: "x", hasIssues: "" }, { now: NOW }))).fieldErrors).toEqual({ vacatedOn: ["leaving.validation.vacatedOnFuture"] });
  });
});
