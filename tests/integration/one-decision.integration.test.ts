// One decision per objection, appeal and rectification report: every state change is a
// conditional update whose row count is checked, so two officers deciding at the same moment
// cannot overwrite each other. Fired at once at PostgreSQL (the embedded database serialises them
// and must agree).
import { beforeEach, describe, expect, it } from "vitest";
import { decideAppeal, lodgeAppeal } from "@/lib/appeals/appeals";
import { lodgeAppealSchema } from "@/lib/appeals/schemas";
import { closeRectification, completeAudit, drawSample, getAudit, recordFinding, submitRectificationReport } from "@/lib/audits/audit-service";
import { AppError } from "@/lib/errors";
import { publishBatch } from "@/lib/publicity/batches";
import { decideObjection, lodgeObjection, startInvestigation } from "@/lib/publicity/objections";
import { objectionSchema } from "@/lib/publicity/schemas";
import { decideReview } from "@/lib/review/decisions";
import { reviewDecisionSchema } from "@/lib/review/schemas";
import * as audits from "../fixtures/shared-data/factories";
import { prisma, seedDistricts, truncateAll } from "./db";
import { cstInstant as cst } from "../support/clock";
import { YUZHONG } from "../support/districts";
import { createUser } from "../support/users";
import { createApplication, createCast, statusOf, type Cast } from "./review-fixtures";

/** How many officers try at once: enough that, without the guard, two of them surely overlap. */
const AT_ONCE = 8;

/** Runs them all at once; returns which succeeded, and the error codes of the others. */
async function race(...fns: Array<() => Promise<unknown>>): Promise<{ ok: number[]; errors: string[] }> {
  // Open the pool's connections first, so that the racers start together rather than one by one
  // as each new connection is established.
  await Promise.all(Array.from({ length: 5 }, () => prisma.$queryRaw`SELECT 1 AS ok FROM pg_sleep(0.05)`));
  const settled = await Promise.allSettled(fns.map((fn) => fn()));
  const ok = settled.flatMap((s, i) => (s.status === "fulfilled" ? [i] : []));
  const errors = settled.flatMap((s) => (s.status === "rejected" ? [s.reason instanceof AppError ? s.reason.code : String(s.reason)] : []));
  return { ok, errors };
}

describe("objections and appeals", () => {
  let cast: Cast;
  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
  });

  async function objectionInPublicity() {
    const app = await createApplication({ status: "SECOND_REVIEW_PASSED", applicantUserId: cast.applicant.id });
    const batch = await publishBatch(cast.yz1, { districtCode: YUZHONG, applicationIds: [app.id], title: "" }, { now: cst("2025-06-09") });
    const entry = await prisma.publicityEntry.findFirstOrThrow({ where: { batchId: batch.batchId } });
    const { objectionId } = await lodgeObjection(
      objectionSchema.parse({ entryId: entry.id, contactName: "王先生", contactPhone: "13700000001", content: "该申请人名下在本市另有住房一套，请核查。" }),
      { now: cst("2025-06-10") },
    );
    return { app, objectionId };
  }

  it("two officers deciding one objection at once, upheld against not upheld: one decision stands and the application agrees with it", async () => {
    const { app, objectionId } = await objectionInPublicity();
    const now = { now: cst("2025-06-11") };
    const result = await race(
      ...Array.from({ length: AT_ONCE }, (_, i) =>
        i % 2 === 0
          ? () => decideObjection(cast.yz1, { objectionId, outcome: "UPHELD", findings: "经核实，申请人名下有住房一套。" }, now)
          : () => decideObjection(cast.yz2, { objectionId, outcome: "NOT_UPHELD", findings: "经核实，异议不成立。" }, now),
      ),
    );
    expect(result.ok).toHaveLength(1);
    expect(result.errors).toEqual(Array(AT_ONCE - 1).fill("CONFLICT"));
    const objection = await prisma.objection.findUniqueOrThrow({ where: { id: objectionId } });
    const status = await statusOf(app.id);
    expect(objection.status).toBe("CLOSED");
    if (result.ok[0]! % 2 === 0) {
      expect([objection.outcome, objection.investigatorId, status]).toEqual(["UPHELD", cast.yz1.id, "OBJECTION_UPHELD"]);
    } else {
      expect([objection.outcome, objection.investigatorId, status]).toEqual(["NOT_UPHELD", cast.yz2.id, "IN_PUBLICITY"]);
    }
    expect(await prisma.auditLog.count({ where: { entityType: "Objection", entityId: objectionId, action: { in: ["objection.upheld", "objection.not_upheld"] } } })).toBe(1);
  });

  it("two officers starting one investigation at once: one investigator", async () => {
    const { objectionId } = await objectionInPublicity();
    const result = await race(...Array.from({ length: AT_ONCE }, (_, i) => () => startInvestigation(i % 2 === 0 ? cast.yz1 : cast.yz2, { objectionId })));
    expect(result.ok).toHaveLength(1);
    expect(result.errors).toEqual(Array(AT_ONCE - 1).fill("CONFLICT"));
    const objection = await prisma.objection.findUniqueOrThrow({ where: { id: objectionId } });
    expect(objection.investigatorId).toBe(result.ok[0]! % 2 === 0 ? cast.yz1.id : cast.yz2.id);
    expect(await prisma.auditLog.count({ where: { entityId: objectionId, action: "objection.investigate" } })).toBe(1);
  });

  it("two municipal officers deciding one appeal at once: one decision stands", async () => {
    const app = await createApplication({ status: "ACCEPTED", applicantUserId: cast.applicant.id });
    await decideReview(
      cast.yz1,
      reviewDecisionSchema.parse({ applicationId: app.id, level: "FIRST", outcome: "REJECTED", reasonCodes: ["INCOME_ABOVE_LIMIT"], reasonText: "家庭人均收入超过标准。" }),
      { now: cst("2025-06-09") },
    );
    const { appealId } = await lodgeAppeal(cast.applicant, lodgeAppealSchema.parse({ applicationNo: app.applicationNo, grounds: "本人已于今年离职，家庭收入已大幅下降，请重新审核。" }), { now: cst("2025-06-10") });
    const city2 = await createUser("MUNICIPAL_OFFICER", { name: "市级复核员" });
    const now = { now: cst("2025-06-12") };
    const result = await race(
      ...Array.from({ length: AT_ONCE }, (_, i) =>
        i % 2 === 0
          ? () => decideAppeal(cast.city, { appealId, decision: "UPHELD_REJECTION", reason: "经复核，维持原决定。" }, now)
          : () => decideAppeal(city2, { appealId, decision: "RETURNED_FOR_REVIEW", reason: "收入材料需重新核实。" }, now),
      ),
    );
    expect(result.ok).toHaveLength(1);
    expect(result.errors).toEqual(Array(AT_ONCE - 1).fill("CONFLICT"));
    const appeal = await prisma.appeal.findUniqueOrThrow({ where: { id: appealId } });
    expect([appeal.decision, await statusOf(app.id)]).toEqual(result.ok[0]! % 2 === 0 ? ["UPHELD_REJECTION", "REJECTED"] : ["RETURNED_FOR_REVIEW", "ACCEPTED"]);
  });
});

describe("sample audits and rectifications", () => {
  let cast: audits.Cast;
  const now = cst("2026-04-10");
  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await audits.createCast();
    for (let i = 0; i < 3; i++) {
      const h = await audits.createHousehold({ status: "FIRST_REVIEW_PASSED" });
      await audits.createReviewDecision({ applicationId: h.applicationId, officerId: cast.yz.id, decidedAt: cst(`2026-03-0${i + 2}`, "09:00") });
    }
  });

  async function auditWithItems() {
    const { auditId } = await drawSample(cast.city, { districtCode: YUZHONG, periodStart: "2026-03-01", periodEnd: "2026-03-31", sampleSize: 3, seed: "seed-abcdefgh" });
    return { auditId, items: (await getAudit(cast.city, auditId)).items };
  }

  async function reportedRectification(): Promise<string> {
    const { auditId, items } = await auditWithItems();
    await recordFinding(cast.city, { itemId: items[0]!.id, result: "PROBLEM", finding: "初审超过7个工作日" });
    for (const item of items.slice(1)) await recordFinding(cast.city, { itemId: item.id, result: "OK" });
    const { rectificationId } = await completeAudit(cast.city, { auditId, summary: "发现1件问题", requirement: "严格执行初审时限并报告整改情况" }, now);
    await submitRectificationReport(cast.yz, { rectificationId: rectificationId!, report: "已组织培训并逐件复查，今后严格按期初审。" }, now);
    return rectificationId!;
  }

  it("accepting and reopening one report at once: one decision stands", async () => {
    const rectificationId = await reportedRectification();
    const city2 = await createUser("MUNICIPAL_OFFICER", { name: "市级复核员" });
    const result = await race(
      ...Array.from({ length: AT_ONCE }, (_, i) =>
        i % 2 === 0
          ? () => closeRectification(cast.city, { rectificationId, decision: "ACCEPT" }, now)
          : () => closeRectification(city2, { rectificationId, decision: "REOPEN", note: "需补充复查名单" }, now),
      ),
    );
    expect(result.ok).toHaveLength(1);
    expect(result.errors).toEqual(Array(AT_ONCE - 1).fill("CONFLICT"));
    const rect = await prisma.rectification.findUniqueOrThrow({ where: { id: rectificationId } });
    if (result.ok[0]! % 2 === 0) expect([rect.status, rect.acceptedById]).toEqual(["ACCEPTED", cast.city.id]);
    else expect([rect.status, rect.acceptedById]).toEqual(["REOPENED", null]);
    expect(await prisma.auditLog.count({ where: { entityId: rectificationId, action: { in: ["rectification.accept", "rectification.reopen"] } } })).toBe(1);
  });

  it("a finding recorded while the audit is completed: the audit's result counts it, or it is refused", async () => {
    const { auditId, items } = await auditWithItems();
    await recordFinding(cast.city, { itemId: items[0]!.id, result: "OK" });
    await recordFinding(cast.city, { itemId: items[1]!.id, result: "OK" });
    await recordFinding(cast.city, { itemId: items[2]!.id, result: "OK" });
    const result = await race(
      () => completeAudit(cast.city, { auditId, summary: "未发现问题", requirement: "严格执行初审时限" }, now),
      () => recordFinding(cast.city, { itemId: items[2]!.id, result: "PROBLEM", finding: "复审意见缺少依据条款" }),
    );
    expect(result.ok).toContain(0);
    const item = await prisma.reviewAuditItem.findUniqueOrThrow({ where: { id: items[2]!.id } });
    const rectifications = await prisma.rectification.count({ where: { auditId } });
    // Either the finding came first and the completed audit opened a rectification for it, or it
    // came after completion and was refused: never a problem finding on a clean completed audit.
    if (result.ok.includes(1)) expect([item.isCompliant, rectifications]).toEqual([false, 1]);
    else expect([item.isCompliant, rectifications, result.errors]).toEqual([true, 0, ["CONFLICT"]]);
  });
});
