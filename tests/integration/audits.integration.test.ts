// Sample audits and rectifications (Art. 20): a reproducible sample from a shown seed, findings,
// a rectification due 15 working days later (lib/rules), the district's report, the municipal
// decision, overdue rectifications; and who may do what.
import { beforeEach, describe, expect, it } from "vitest";
import {
  closeRectification,
  completeAudit,
  drawSample,
  getAudit,
  getRectification,
  listAudits,
  listRectifications,
  recordFinding,
  submitRectificationReport,
  verifySample,
} from "@/lib/audits/audit-service";
import { drawAuditSample } from "@/lib/audits/sample";
import { addWorkingDays } from "@/lib/rules";
import { createCast, createHousehold, createReviewDecision, type Cast } from "../fixtures/shared-data/factories";
import { expectAppError } from "../support/app-errors";
import { cstInstant } from "../support/clock";
import { SHAPINGBA, YUZHONG } from "../support/districts";
import { prisma, seedDistricts, truncateAll } from "./db";

let cast: Cast;
let yzDecisions: string[];

beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  cast = await createCast();
  yzDecisions = [];
  // 12 decisions in Yuzhong in March 2026, one on 1 April (outside), 3 in Shapingba.
  for (let i = 0; i < 13; i++) {
    const h = await createHousehold({ status: "FIRST_REVIEW_PASSED" });
    const day = i < 12 ? `2026-03-${String(i + 2).padStart(2, "0")}` : "2026-04-01";
    const id = await createReviewDecision({ applicationId: h.applicationId, officerId: cast.yz.id, decidedAt: cstInstant(day, "09:00") });
    if (i < 12) yzDecisions.push(id);
  }
  // Decided at 23:30 CST on 31 March (15:30 UTC): inside the period in China Standard Time.
  const late = await createHousehold({ status: "FIRST_REVIEW_PASSED" });
  yzDecisions.push(await createReviewDecision({ applicationId: late.applicationId, officerId: cast.yz2.id, level: "SECOND", decidedAt: cstInstant("2026-03-31", "23:30") }));
  for (let i = 0; i < 3; i++) {
    const h = await createHousehold({ status: "FIRST_REVIEW_PASSED", districtCode: SHAPINGBA });
    await createReviewDecision({ applicationId: h.applicationId, officerId: cast.spb.id, decidedAt: cstInstant("2026-03-10", "09:00") });
  }
});

const input = { districtCode: YUZHONG, periodStart: "2026-03-01", periodEnd: "2026-03-31", sampleSize: 5 };

describe("drawing a sample", () => {
  it("is reproducible from the seed shown on the audit", async () => {
    const { auditId, sampleSize } = await drawSample(cast.city, { ...input, seed: "council-2026-q1" });
    expect(sampleSize).toBe(5);
    const audit = await getAudit(cast.city, auditId);
    expect(audit.sample).toMatchObject({ seed: "council-2026-q1", populationSize: 13, sampleSize: 5, requestedSize: 5 });
    const expected = drawAuditSample("council-2026-q1", yzDecisions, 5);
    expect(audit.items.map((i) => i.reviewDecision.id)).toEqual(expected.map((e) => e.id));
    expect(audit.items.map((i) => i.ticket)).toEqual(expected.map((e) => e.ticket));
    expect(await verifySample(cast.city, auditId)).toEqual({ populationMatches: true, sampleMatches: true, populationIds: [...yzDecisions].sort() });
    // Same seed, same population: the same sample.
    const again = await drawSample(cast.city, { ...input, seed: "council-2026-q1" });
    expect((await getAudit(cast.city, again.auditId)).items.map((i) => i.reviewDecision.id)).toEqual(expected.map((e) => e.id));
    // A new decision in the period afterwards: the recorded sample still checks against its seed.
    const h = await createHousehold({ status: "FIRST_REVIEW_PASSED" });
    await createReviewDecision({ applicationId: h.applicationId, officerId: cast.yz.id, decidedAt: cstInstant("2026-03-20", "09:00") });
    expect((await verifySample(cast.city, auditId)).populationMatches).toBe(false);
  });

  it("generates a seed when none is given, caps the size at the population, and refuses an empty period", async () => {
    const { auditId, sampleSize } = await drawSample(cast.city, { ...input, sampleSize: 50 });
    expect(sampleSize).toBe(13);
    const audit = await getAudit(cast.city, auditId);
    expect(audit.sample?.seed).toMatch(/^[0-9a-f]{32}$/);
    const entry = await prisma.auditLog.findFirst({ where: { entityId: auditId, action: "reviewAudit.create" } });
    expect(entry?.actorId).toBe(cast.city.id);
    await expectAppError(drawSample(cast.city, { ...input, periodStart: "2025-01-01", periodEnd: "2025-01-31" }), "VALIDATION", "audits.errors.noDecisions");
  });
});

describe("findings and rectification", () => {
  it("problems open a rectification due in 15 working days; the district reports; the city closes it", async () => {
    const now = cstInstant("2026-04-10"); // a Friday
    const { auditId } = await drawSample(cast.city, { ...input, sampleSize: 3, seed: "seed-abcdefgh" });
    const items = (await getAudit(cast.city, auditId)).items;
    await expectAppError(completeAudit(cast.city, { auditId, summary: "抽查完毕" }, now), "VALIDATION", "audits.errors.unexamined");
    await recordFinding(cast.city, { itemId: items[0]!.id, result: "OK" });
    await recordFinding(cast.city, { itemId: items[1]!.id, result: "PROBLEM", finding: "初审超过7个工作日" });
    await recordFinding(cast.city, { itemId: items[2]!.id, result: "OK" });
    const missingRequirement = await expectAppError(completeAudit(cast.city, { auditId, summary: "发现1件问题" }, now));
    expect(missingRequirement.fieldErrors).toEqual({ requirement: ["audits.validation.requirementRequired"] });

    const { rectificationId, dueDate } = await completeAudit(cast.city, { auditId, summary: "发现1件问题", requirement: "严格执行初审时限并报告整改情况" }, now);
    expect(dueDate).toBe(addWorkingDays("2026-04-10", 15));
    expect(dueDate).toBe("2026-05-06"); // the May Day holiday (1-5 May 2026) does not count
    expect(rectificationId).not.toBeNull();
    await expectAppError(recordFinding(cast.city, { itemId: items[0]!.id, result: "PROBLEM", finding: "改主意了" }), "CONFLICT");
    const notices = await prisma.notification.findMany({ where: { templateKey: "audits.rectificationOpened" }, select: { recipientUserId: true, params: true } });
    expect(notices.map((n) => n.recipientUserId).sort()).toEqual([cast.yz.id, cast.yz2.id].sort());

    // The district sees it open; another district does not see it at all.
    expect((await listRectifications(cast.yz, {}, now)).items.map((r) => r.id)).toEqual([rectificationId]);
    expect((await listRectifications(cast.spb, { view: "ALL" }, now)).total).toBe(0);
    await expectAppError(getRectification(cast.spb, rectificationId!, now), "NOT_FOUND");
    await expectAppError(submitRectificationReport(cast.spb, { rectificationId: rectificationId!, report: "不相干的区县报告内容" }, now), "NOT_FOUND");
    await expectAppError(closeRectification(cast.city, { rectificationId: rectificationId!, decision: "ACCEPT" }, now), "CONFLICT", "audits.errors.notReported");

    // Overdue after the due date.
    const late = cstInstant("2026-05-07");
    const overdue = await listRectifications(cast.city, { view: "OVERDUE" }, late);
    expect(overdue.items.map((r) => [r.id, r.isOverdue])).toEqual([[rectificationId, true]]);
    expect(overdue.overdueTotal).toBe(1);
    expect((await listRectifications(cast.city, { view: "OVERDUE" }, now)).total).toBe(0);

    await submitRectificationReport(cast.yz, { rectificationId: rectificationId!, report: "已组织培训并逐件复查，今后严格按期初审。", documentRef: "渝中住保〔2026〕12号" }, late);
    await expectAppError(submitRectificationReport(cast.yz, { rectificationId: rectificationId!, report: "再次提交的整改报告内容" }, late), "CONFLICT");
    const reported = await getRectification(cast.city, rectificationId!, late);
    expect(reported.rectification).toMatchObject({ status: "REPORTED", isOverdue: false, reportedBy: { name: cast.yz.name } });
    expect(reported.canClose).toBe(true);
    expect(reported.history.map((h) => [h.action, h.documentRef])).toEqual([
      ["rectification.open", null],
      ["rectification.report", "渝中住保〔2026〕12号"],
    ]);

    // Sent back: a new deadline, then accepted.
    const reopened = await closeRectification(cast.city, { rectificationId: rectificationId!, decision: "REOPEN", note: "需补充复查名单" }, late);
    expect(reopened).toEqual({ status: "REOPENED", dueDate: addWorkingDays("2026-05-07", 15) });
    await submitRectificationReport(cast.yz2, { rectificationId: rectificationId!, report: "已补充复查名单，共复查12件。" }, late);
    expect((await closeRectification(cast.city, { rectificationId: rectificationId!, decision: "ACCEPT" }, late)).status).toBe("ACCEPTED");
    expect((await listRectifications(cast.yz, { view: "ACCEPTED" }, late)).total).toBe(1);
    expect((await getRectification(cast.yz, rectificationId!, late)).canReport).toBe(false);
  });

  it("an audit without problems opens no rectification", async () => {
    const { auditId } = await drawSample(cast.city, { ...input, sampleSize: 2, seed: "seed-okokokok" });
    for (const item of (await getAudit(cast.city, auditId)).items) await recordFinding(cast.city, { itemId: item.id, result: "OK" });
    expect(await completeAudit(cast.city, { auditId, summary: "未发现问题" })).toEqual({ rectificationId: null, dueDate: null });
    expect(await prisma.rectification.count()).toBe(0);
    expect((await listAudits(cast.city, { status: "COMPLETED" })).total).toBe(1);
  });
});

describe("permissions", () => {
  it("only municipal officers draw samples, record findings, complete audits and close rectifications", async () => {
    const { auditId } = await drawSample(cast.city, { ...input, sampleSize: 1, seed: "seed-permission" });
    const itemId = (await getAudit(cast.city, auditId)).items[0]!.id;
    await recordFinding(cast.city, { itemId, result: "PROBLEM", finding: "理由未引用条款" });
    const { rectificationId } = await completeAudit(cast.city, { auditId, summary: "有问题", requirement: "补充引用条款" });
    for (const actor of [cast.yz, cast.spb, cast.admin, cast.applicant]) {
      await expectAppError(drawSample(actor, input), "FORBIDDEN");
      await expectAppError(recordFinding(actor, { itemId, result: "OK" }), "FORBIDDEN");
      await expectAppError(completeAudit(actor, { auditId, summary: "结论内容" }), "FORBIDDEN");
      await expectAppError(closeRectification(actor, { rectificationId: rectificationId!, decision: "ACCEPT" }), "FORBIDDEN");
    }
    // Reporting is for the audited district's officers only.
    for (const actor of [cast.city, cast.admin, cast.applicant]) {
      await expectAppError(submitRectificationReport(actor, { rectificationId: rectificationId!, report: "市级不能代替区县报告" }), "FORBIDDEN");
    }
    // Reading: the audited district and municipal officers; not applicants or administrators.
    expect((await getAudit(cast.yz, auditId)).canEdit).toBe(false);
    await expectAppError(getAudit(cast.spb, auditId), "NOT_FOUND");
    await expectAppError(getAudit(cast.applicant, auditId), "NOT_FOUND");
    expect((await listAudits(cast.yz, {})).total).toBe(1);
    expect((await listAudits(cast.spb, {})).total).toBe(0);
    await expectAppError(listAudits(cast.applicant, {}), "FORBIDDEN");
    await expectAppError(listRectifications(cast.applicant, {}), "FORBIDDEN");
    await expectAppError(listRectifications(cast.admin, {}), "FORBIDDEN");
  });
});
