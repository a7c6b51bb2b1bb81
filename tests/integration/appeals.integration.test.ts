import { beforeEach, describe, expect, it } from "vitest";
import { decideAppeal, getAppealDetail, getAppealPage, listAppeals, lodgeAppeal } from "@/lib/appeals/appeals";
import { finalizeExpiredRefusals } from "@/lib/appeals/finalize-refusals";
import { appealFilterSchema, lodgeAppealSchema } from "@/lib/appeals/schemas";
import { decideReview } from "@/lib/review/decisions";
import { listReviewQueue } from "@/lib/review/queue";
import { queueFilterSchema, reviewDecisionSchema } from "@/lib/review/schemas";
import { addWorkingDays } from "@/lib/rules";
import { prisma, seedDistricts, truncateAll } from "./db";
import { errorKey, outcome } from "../support/app-errors";
import { cstInstant, dateColumn } from "../support/clock";
import { SHAPINGBA } from "../support/districts";
import { createApplication, createCast, statusOf, type Cast } from "./review-fixtures";

const REFUSED_ON = "2025-06-09"; // Monday
const APPEAL_DUE = "2025-06-23"; // the 10th working day after

let cast: Cast;

beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  cast = await createCast();
});

/** A first-review refusal of the applicant's application, notified on REFUSED_ON. */
async function refused(options: { districtCode?: string; status?: "FIRST_REVIEW_REJECTED" | "SECOND_REVIEW_REJECTED" | "OBJECTION_UPHELD" } = {}) {
  const app = await createApplication({ status: "ACCEPTED", districtCode: options.districtCode, applicantUserId: cast.applicant.id });
  const officer = options.districtCode === SHAPINGBA ? cast.spb : cast.yz1;
  await decideReview(
    officer,
    reviewDecisionSchema.parse({ applicationId: app.id, level: "FIRST", outcome: "REJECTED", reasonCodes: ["INCOME_ABOVE_LIMIT"], reasonText: "家庭人均收入超过标准。" }),
    { now: cstInstant(REFUSED_ON) },
  );
  if (options.status && options.status !== "FIRST_REVIEW_REJECTED") {
    await prisma.application.update({ where: { id: app.id }, data: { status: options.status } });
  }
  return app;
}

const grounds = (applicationNo: string, documentId?: string) =>
  lodgeAppealSchema.parse({ applicationNo, grounds: "本人已于今年离职，家庭收入已大幅下降，请重新审核。", documentId });

describe("lodging an appeal (Art. 19: within 10 working days of the notice)", () => {
  it("on the last day is in time: an Appeal row, APPEALED, the applicant told", async () => {
    const app = await refused();
    expect(addWorkingDays(REFUSED_ON, 10)).toBe(APPEAL_DUE);
    const page = await getAppealPage(cast.applicant, app.applicationNo, { now: cstInstant(APPEAL_DUE, "23:59") });
    expect(page).toMatchObject({ isAppealable: true, isLate: false, appealDueDate: APPEAL_DUE });
    expect(page!.refusal).toMatchObject({ kind: "REVIEW", level: "FIRST", articlesCited: ["13.4"] });

    const result = await lodgeAppeal(cast.applicant, grounds(app.applicationNo), { now: cstInstant(APPEAL_DUE, "23:59") });
    const appeal = await prisma.appeal.findUniqueOrThrow({ where: { id: result.appealId } });
    expect(appeal).toMatchObject({ appealedStatus: "FIRST_REVIEW_REJECTED", status: "LODGED", deadline: dateColumn(APPEAL_DUE) });
    expect(await statusOf(app.id)).toBe("APPEALED");
    expect(await prisma.notification.count({ where: { applicationId: app.id, templateKey: "appeals.received" } })).toBe(2);
  });

  it("the day after is late: refused on the server, citing the deadline", async () => {
    const app = await refused();
    const late = cstInstant("2025-06-24", "00:00");
    const page = await getAppealPage(cast.applicant, app.applicationNo, { now: late });
    expect(page).toMatchObject({ isAppealable: true, isLate: true });
    try {
      await lodgeAppeal(cast.applicant, grounds(app.applicationNo), { now: late });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "CONFLICT", messageKey: "appeals.errors.late", values: { deadline: APPEAL_DUE } });
    }
    expect(await statusOf(app.id)).toBe("FIRST_REVIEW_REJECTED");
    expect(await prisma.appeal.count()).toBe(0);
  });

  it("may appeal second-review refusals and upheld objections; nothing else", async () => {
    for (const status of ["SECOND_REVIEW_REJECTED", "OBJECTION_UPHELD"] as const) {
      const app = await refused({ status });
      expect(await outcome(() => lodgeAppeal(cast.applicant, grounds(app.applicationNo), { now: cstInstant(REFUSED_ON) }))).toBe("OK");
    }
    const accepted = await createApplication({ status: "ACCEPTED", applicantUserId: cast.applicant.id });
    expect(await errorKey(() => lodgeAppeal(cast.applicant, grounds(accepted.applicationNo), { now: cstInstant(REFUSED_ON) }))).toBe("appeals.errors.notAppealable");
    const app = await refused();
    await lodgeAppeal(cast.applicant, grounds(app.applicationNo), { now: cstInstant(REFUSED_ON) });
    expect(await errorKey(() => lodgeAppeal(cast.applicant, grounds(app.applicationNo), { now: cstInstant(REFUSED_ON) }))).toBe("appeals.errors.notAppealable");
    expect(await errorKey(() => lodgeAppeal(cast.applicant, grounds("NO-SUCH"), { now: cstInstant(REFUSED_ON) }))).toBe("appeals.errors.notFound");
  });

  it("only the applicant who owns the application may appeal", async () => {
    const app = await refused();
    for (const actor of [cast.otherApplicant, cast.yz1, cast.city, cast.admin]) {
      expect(await outcome(() => lodgeAppeal(actor, grounds(app.applicationNo), { now: cstInstant(REFUSED_ON) }))).toBe("FORBIDDEN");
    }
    expect(await getAppealPage(cast.otherApplicant, app.applicationNo)).toBeNull();
    expect(await getAppealPage(cast.yz1, app.applicationNo)).toBeNull();
  });

  it("may reference one of the application's documents, not another's", async () => {
    const app = await refused();
    const other = await createApplication({ status: "ACCEPTED", applicantUserId: cast.otherApplicant.id });
    const doc = (applicationId: string, n: number) =>
      prisma.document.create({
        data: { kind: "APPEAL_STATEMENT", fileName: `申诉材料${n}.pdf`, mimeType: "application/pdf", sizeBytes: 1000, sha256: "a".repeat(64), storageKey: `k${n}`, applicationId },
      });
    const mine = await doc(app.id, 1);
    const theirs = await doc(other.id, 2);
    try {
      await lodgeAppeal(cast.applicant, grounds(app.applicationNo, theirs.id), { now: cstInstant(REFUSED_ON) });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { documentId: ["appeals.validation.documentInvalid"] } });
    }
    const page = await getAppealPage(cast.applicant, app.applicationNo, { now: cstInstant(REFUSED_ON) });
    expect(page!.documents.map((d) => d.id)).toEqual([mine.id]);
    const result = await lodgeAppeal(cast.applicant, grounds(app.applicationNo, mine.id), { now: cstInstant(REFUSED_ON) });
    expect(await prisma.document.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ appealId: result.appealId });
  });

  it("validates the grounds", () => {
    expect(lodgeAppealSchema.safeParse({ applicationNo: "X", grounds: "太短" }).success).toBe(false);
    expect(lodgeAppealSchema.parse({ applicationNo: "X", grounds: "我有充分的理由申诉此决定", documentId: "" }).documentId).toBeNull();
  });
});

describe("deciding an appeal (municipal agency)", () => {
  async function appealed(districtCode?: string) {
    const app = await refused({ districtCode });
    const { appealId } = await lodgeAppeal(cast.applicant, grounds(app.applicationNo), { now: cstInstant("2025-06-10") });
    return { app, appealId };
  }

  it("upholding the refusal makes it final", async () => {
    const { app, appealId } = await appealed();
    const at = cstInstant("2025-06-12");
    const result = await decideAppeal(cast.city, { appealId, decision: "UPHELD_REJECTION", reason: "经复核，家庭收入确实超过标准。" }, { now: at });
    expect(result.status).toBe("REJECTED");
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ status: "REJECTED", closedAt: at });
    expect(await prisma.appeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({ status: "DECIDED", decision: "UPHELD_REJECTION", decidedById: cast.city.id });
    expect(await prisma.notification.count({ where: { applicationId: app.id, templateKey: "appeals.upheld" } })).toBe(2);
    expect(await errorKey(() => decideAppeal(cast.city, { appealId, decision: "RETURNED_FOR_REVIEW", reason: "再次决定" }, { now: at }))).toBe(
      "appeals.errors.alreadyDecided",
    );
  });

  it("returning it sends it back to the district's first review with a new 7-working-day clock", async () => {
    const { app, appealId } = await appealed();
    const at = cstInstant("2025-06-12");
    await decideAppeal(cast.city, { appealId, decision: "RETURNED_FOR_REVIEW", reason: "收入证明显示收入已下降，请区县重新审核。" }, { now: at });
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    const due = addWorkingDays("2025-06-12", 7);
    expect(row).toMatchObject({ status: "ACCEPTED", firstReviewDueDate: dateColumn(due), dueDate: dateColumn(due), appealDueDate: null, rejectionNotifiedAt: null });
    const queue = await listReviewQueue(cast.yz1, queueFilterSchema.parse({}), { now: at });
    expect(queue.items.map((i) => [i.applicationNo, i.status, i.dueDate])).toEqual([[app.applicationNo, "ACCEPTED", due]]);
    const notice = await prisma.notification.findFirstOrThrow({ where: { applicationId: app.id, templateKey: "appeals.returned", channel: "SMS" } });
    expect(notice.params).toEqual({ applicationNo: app.applicationNo, dueDate: due });
    // The district reviews it again; the same officer may make the new first review.
    const again = await decideReview(cast.yz1, reviewDecisionSchema.parse({ applicationId: app.id, level: "FIRST", outcome: "PASSED" }), { now: at });
    expect(again.status).toBe("FIRST_REVIEW_PASSED");
  });

  it("only municipal officers decide appeals", async () => {
    const { appealId } = await appealed();
    for (const actor of [cast.yz1, cast.spb, cast.admin, cast.applicant]) {
      expect(await outcome(() => decideAppeal(actor, { appealId, decision: "UPHELD_REJECTION", reason: "维持原决定" }))).toBe("FORBIDDEN");
      expect(await outcome(() => listAppeals(actor, appealFilterSchema.parse({})))).toBe("FORBIDDEN");
      expect(await outcome(() => getAppealDetail(actor, appealId))).toBe("FORBIDDEN");
    }
    expect(await outcome(() => decideAppeal(cast.city, { appealId, decision: "UPHELD_REJECTION", reason: "维持原决定" }))).toBe("OK");
  });

  it("lists appeals with filters and pages", async () => {
    const a = await appealed();
    const b = await appealed(SHAPINGBA);
    await decideAppeal(cast.city, { appealId: b.appealId, decision: "UPHELD_REJECTION", reason: "维持原决定" }, { now: cstInstant("2025-06-12") });
    expect((await listAppeals(cast.city, appealFilterSchema.parse({}))).total).toBe(2);
    expect((await listAppeals(cast.city, appealFilterSchema.parse({ status: "pending" }))).items.map((i) => i.id)).toEqual([a.appealId]);
    expect((await listAppeals(cast.city, appealFilterSchema.parse({ status: "decided" }))).items.map((i) => i.id)).toEqual([b.appealId]);
    expect((await listAppeals(cast.city, appealFilterSchema.parse({ district: SHAPINGBA }))).items.map((i) => i.id)).toEqual([b.appealId]);
    const bySearch = await listAppeals(cast.city, appealFilterSchema.parse({ q: a.app.applicationNo }));
    expect(bySearch.items.map((i) => i.id)).toEqual([a.appealId]);
    expect(JSON.stringify(bySearch)).not.toContain(a.app.applicantResidentId);
    const detail = await getAppealDetail(cast.city, a.appealId);
    expect(detail).toMatchObject({ applicationNo: a.app.applicationNo, status: "LODGED", applicationStatus: "APPEALED" });
    expect(detail!.refusal).toMatchObject({ kind: "REVIEW", articlesCited: ["13.4"] });
  });
});

describe("refusals not appealed in time become final (scheduled job)", () => {
  it("not on the due date; from the day after; idempotent; appealed ones untouched", async () => {
    const quiet = await refused();
    const appealedOne = await refused();
    await lodgeAppeal(cast.applicant, grounds(appealedOne.applicationNo), { now: cstInstant("2025-06-10") });

    expect(await finalizeExpiredRefusals(cstInstant(APPEAL_DUE, "23:59"))).toEqual({ finalized: 0 });
    expect(await statusOf(quiet.id)).toBe("FIRST_REVIEW_REJECTED");
    const after = cstInstant("2025-06-24", "00:00");
    expect(await finalizeExpiredRefusals(after)).toEqual({ finalized: 1 });
    const row = await prisma.application.findUniqueOrThrow({ where: { id: quiet.id } });
    expect(row).toMatchObject({ status: "REJECTED", closedAt: after });
    expect(await prisma.notification.count({ where: { applicationId: quiet.id, templateKey: "appeals.refusalFinal" } })).toBe(2);
    expect(await statusOf(appealedOne.id)).toBe("APPEALED");
    expect(await finalizeExpiredRefusals(after)).toEqual({ finalized: 0 });
    const event = await prisma.applicationStatusEvent.findFirstOrThrow({ where: { applicationId: quiet.id, toStatus: "REJECTED" } });
    expect(event.actorId).toBeNull();
  });

  it("an appeal after the refusal was made final is still refused as late, with the deadline", async () => {
    const app = await refused();
    await finalizeExpiredRefusals(cstInstant("2025-06-24"));
    expect(await statusOf(app.id)).toBe("REJECTED");
    const page = await getAppealPage(cast.applicant, app.applicationNo, { now: cstInstant("2025-06-25") });
    expect(page).toMatchObject({ isAppealable: false, isLate: true, appealDueDate: APPEAL_DUE });
    try {
      await lodgeAppeal(cast.applicant, grounds(app.applicationNo), { now: cstInstant("2025-06-25") });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ messageKey: "appeals.errors.late", values: { deadline: APPEAL_DUE } });
    }
  });

  it("a refusal upheld on appeal is final, not late", async () => {
    const app = await refused();
    const { appealId } = await lodgeAppeal(cast.applicant, grounds(app.applicationNo), { now: cstInstant("2025-06-10") });
    await decideAppeal(cast.city, { appealId, decision: "UPHELD_REJECTION", reason: "维持原决定" }, { now: cstInstant("2025-06-11") });
    const page = await getAppealPage(cast.applicant, app.applicationNo, { now: cstInstant("2025-07-01") });
    expect(page).toMatchObject({ isAppealable: false, isLate: false });
    expect(await errorKey(() => lodgeAppeal(cast.applicant, grounds(app.applicationNo), { now: cstInstant("2025-07-01") }))).toBe("appeals.errors.notAppealable");
  });
});
