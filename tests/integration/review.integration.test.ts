import { beforeEach, describe, expect, it } from "vitest";
import { acceptApplication, decideReview, returnApplication } from "@/lib/review/decisions";
import { getReviewDashboard } from "@/lib/review/dashboard";
import { getReviewDetail } from "@/lib/review/detail";
import { listReviewQueue } from "@/lib/review/queue";
import { queueFilterSchema, reviewDecisionSchema } from "@/lib/review/schemas";
import { sealResidentSearch } from "@/lib/search/resident-search-token";
import { addWorkingDays, workingDaysBetween } from "@/lib/rules";
import { createTranslator } from "next-intl";
import { getMyApplicationStatus } from "@/lib/applications/queries";
import { statusReasonText } from "@/lib/applications/status-reason-text";
import { messagesFor } from "@/lib/i18n/catalog";
import { explainIneligibility, type IneligibilityCode, type ReasonParams } from "@/lib/rules";
import { prisma, seedDistricts, truncateAll } from "./db";
import { errorKey, outcome } from "../support/app-errors";
import { cstInstant, dateColumn } from "../support/clock";
import { SHAPINGBA, YUZHONG } from "../support/districts";
import { createApplication, createCast, statusOf, type Cast } from "./review-fixtures";

const NOW = cstInstant("2025-06-09"); // a Monday
const TODAY = "2025-06-09";

let cast: Cast;

beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  cast = await createCast();
});

const pass = (applicationId: string, level: "FIRST" | "SECOND") =>
  reviewDecisionSchema.parse({ applicationId, level, outcome: "PASSED" });
const reject = (applicationId: string, level: "FIRST" | "SECOND") =>
  reviewDecisionSchema.parse({
    applicationId,
    level,
    outcome: "REJECTED",
    reasonCodes: ["INCOME_ABOVE_LIMIT", "ADEQUATE_HOUSING", "RECENT_HOUSING_TRANSFER"],
    reasonText: "家庭人均收入超过标准，且名下有住房。",
  });

describe("acceptance (受理)", () => {
  it("accepts a submitted application and starts the 7-working-day first review", async () => {
    const app = await createApplication({ status: "SUBMITTED", applicantUserId: cast.applicant.id });
    const result = await acceptApplication(cast.yz1, { applicationId: app.id }, { now: NOW });
    const due = addWorkingDays(TODAY, 7);
    expect(due).toBe("2025-06-18");
    expect(result).toEqual({ applicationNo: app.applicationNo, firstReviewDueDate: due });
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.status).toBe("ACCEPTED");
    expect(row.acceptedAt).toEqual(NOW);
    expect(row.firstReviewDueDate).toEqual(dateColumn(due));
    expect(row.dueDate).toEqual(dateColumn(due));
    const events = await prisma.applicationStatusEvent.findMany({ where: { applicationId: app.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStatus: "SUBMITTED", toStatus: "ACCEPTED", actorId: cast.yz1.id });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: app.id, action: "review.accept" } });
    expect(audit.actorId).toBe(cast.yz1.id);
    const notices = await prisma.notification.findMany({ where: { applicationId: app.id }, orderBy: { channel: "asc" } });
    expect(notices.map((n) => [n.channel, n.templateKey])).toEqual([
      ["IN_APP", "review.accepted"],
      ["SMS", "review.accepted"],
    ]);
    expect(notices[0]!.params).toEqual({ applicationNo: app.applicationNo, dueDate: due });
  });

  it("counts working days from the CST acceptance date, weekends and UTC aside", async () => {
    const app = await createApplication({ status: "SUBMITTED" });
    // Saturday 2025-06-07 in CST: the 7 working days are 9-13, 16 and 17 June.
    const result = await acceptApplication(cast.yz1, { applicationId: app.id }, { now: cstInstant("2025-06-07", "15:00") });
    expect(result.firstReviewDueDate).toBe("2025-06-17");
    // Monday 00:30 CST is still Sunday in UTC: the CST date counts.
    const early = await createApplication({ status: "SUBMITTED" });
    const monday = await acceptApplication(cast.yz1, { applicationId: early.id }, { now: cstInstant("2025-06-09", "00:30") });
    expect(monday.firstReviewDueDate).toBe("2025-06-18");
  });

  it("refuses a second acceptance with a clear message and records nothing twice", async () => {
    const app = await createApplication({ status: "SUBMITTED" });
    await acceptApplication(cast.yz1, { applicationId: app.id }, { now: NOW });
    expect(await errorKey(() => acceptApplication(cast.yz2, { applicationId: app.id }, { now: NOW }))).toBe("review.errors.notAwaitingAcceptance");
    expect(await prisma.applicationStatusEvent.count({ where: { applicationId: app.id } })).toBe(1);
  });

  it("returns an application for missing documents with the reason (Art. 16)", async () => {
    const app = await createApplication({ status: "SUBMITTED", applicantUserId: cast.applicant.id });
    const result = await returnApplication(cast.yz1, { applicationId: app.id, reason: "缺少劳动合同复印件" }, { now: NOW });
    expect(await statusOf(app.id)).toBe("RETURNED");
    const decision = await prisma.reviewDecision.findUniqueOrThrow({ where: { id: result.decisionId } });
    expect(decision).toMatchObject({ level: "FIRST", outcome: "RETURNED", articlesCited: ["16"], officerId: cast.yz1.id, noticeMethod: "SMS" });
    const event = await prisma.applicationStatusEvent.findFirstOrThrow({ where: { applicationId: app.id } });
    expect(event.reason).toBe("缺少劳动合同复印件");
    expect(await prisma.notification.count({ where: { applicationId: app.id, templateKey: "review.returned" } })).toBe(2);
  });

  it("cannot return an application that is already under review", async () => {
    const app = await createApplication({ status: "ACCEPTED" });
    expect(await errorKey(() => returnApplication(cast.yz1, { applicationId: app.id, reason: "缺少材料说明" }, { now: NOW }))).toBe(
      "review.errors.notAwaitingAcceptance",
    );
  });
});

describe("first review (Art. 19: 7 working days)", () => {
  it("passes: the second review is due 5 working days after the decision", async () => {
    const app = await createApplication({ status: "ACCEPTED", data: { firstReviewDueDate: dateColumn("2025-06-18"), dueDate: dateColumn("2025-06-18") } });
    const result = await decideReview(cast.yz1, pass(app.id, "FIRST"), { now: NOW });
    expect(result.status).toBe("FIRST_REVIEW_PASSED");
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.secondReviewDueDate).toEqual(dateColumn(addWorkingDays(TODAY, 5)));
    expect(row.dueDate).toEqual(dateColumn("2025-06-16"));
    const decision = await prisma.reviewDecision.findUniqueOrThrow({ where: { id: result.decisionId } });
    expect(decision).toMatchObject({ level: "FIRST", outcome: "PASSED", officerId: cast.yz1.id, notifiedAt: null, noticeMethod: null });
    expect(decision.dueDate).toEqual(dateColumn("2025-06-18"));
  });

  it("rejects with reasons citing articles, notifies at once and opens the 10-working-day appeal window", async () => {
    const app = await createApplication({ status: "ACCEPTED", applicantUserId: cast.applicant.id, data: { firstReviewDueDate: dateColumn("2025-06-18") } });
    const result = await decideReview(cast.yz1, reject(app.id, "FIRST"), { now: NOW });
    expect(result.status).toBe("FIRST_REVIEW_REJECTED");
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    const appealDue = addWorkingDays(TODAY, 10);
    expect(row.rejectionNotifiedAt).toEqual(NOW);
    expect(row.appealDueDate).toEqual(dateColumn(appealDue));
    const decision = await prisma.reviewDecision.findUniqueOrThrow({ where: { id: result.decisionId } });
    expect(decision.articlesCited).toEqual(["13.4", "13.5"]);
    expect(decision.reasons).toEqual([
      { code: "INCOME_ABOVE_LIMIT", article: "13.4" },
      { code: "ADEQUATE_HOUSING", article: "13.5" },
      { code: "RECENT_HOUSING_TRANSFER", article: "13.5" },
    ]);
    expect(decision.applicantMessage).toBe("家庭人均收入超过标准，且名下有住房。");
    expect(decision).toMatchObject({ notifiedAt: NOW, noticeMethod: "SMS" });
    const sms = await prisma.notification.findFirstOrThrow({ where: { applicationId: app.id, channel: "SMS" } });
    expect(sms.templateKey).toBe("review.firstRejected");
    expect(sms.params).toEqual({ applicationNo: app.applicationNo, articles: "13.4、13.5", appealDueDate: appealDue });
    expect(JSON.stringify(sms.params)).not.toContain(app.applicantResidentId);
    const event = await prisma.applicationStatusEvent.findFirstOrThrow({ where: { applicationId: app.id } });
    expect(event).toMatchObject({ reason: "家庭人均收入超过标准，且名下有住房。", reasonKey: "refused", reasonParams: { articles: ["13.4", "13.5"] } });
    const t = createTranslator({ locale: "zh-CN", messages: messagesFor("zh-CN") }) as never;
    expect(statusReasonText(event, t, "zh-CN").worded).toBe("不予通过，依据第十三条第四项、第十三条第五项。");
  });

  it("fills each reason an officer picks with the application's own figures where the pre-check computed them", async () => {
    const income = { code: "INCOME_ABOVE_LIMIT", article: "13.4", message: "…", params: { householdSize: 2, perCapitaIncomeFen: 6_000_000, incomeLimitFen: 5_762_240, limitFactor: "1.1" } };
    const app = await createApplication({
      status: "ACCEPTED",
      data: { precheckEligible: false, precheck: { eligible: false, reasons: [income], householdSize: 2, perCapitaIncomeFen: 6_000_000, incomeLimitFen: 5_762_240 } },
    });
    const result = await decideReview(cast.yz1, reject(app.id, "FIRST"), { now: NOW });
    const decision = await prisma.reviewDecision.findUniqueOrThrow({ where: { id: result.decisionId } });
    const reasons = decision.reasons as Array<{ code: IneligibilityCode; params?: ReasonParams }>;
    expect(reasons[0]).toEqual({ code: "INCOME_ABOVE_LIMIT", article: "13.4", params: income.params });
    // Found by the officer, not the pre-check: worded without figures.
    expect(reasons[1]).toEqual({ code: "ADEQUATE_HOUSING", article: "13.5" });
    for (const r of reasons) expect(explainIneligibility(r, "zh-CN")).not.toMatch(/[{}]/);
    expect(explainIneligibility(reasons[0]!, "zh-CN")).toContain("60000.00");
  });

  it("keeps the officer's internal note off everything the applicant sees", async () => {
    const app = await createApplication({ status: "ACCEPTED", applicantUserId: cast.applicant.id });
    const internal = "内部：与申请人电话沟通时态度不佳";
    await decideReview(cast.yz1, reviewDecisionSchema.parse({ applicationId: app.id, level: "FIRST", outcome: "PASSED", reasonText: "请留意复审结果通知。", comment: internal }), { now: NOW });
    const view = await getMyApplicationStatus(cast.applicant, app.applicationNo);
    expect(view).not.toBeNull();
    const text = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(text(view)).not.toContain(internal);
    expect(view!.record.reviewDecisions[0]).toMatchObject({ applicantMessage: "请留意复审结果通知。" });
    const notices = await prisma.notification.findMany({ where: { applicationId: app.id } });
    expect(JSON.stringify(notices)).not.toContain(internal);
    // Officers still see it.
    const detail = await getReviewDetail(cast.yz2, app.applicationNo);
    expect(text(detail)).toContain(internal);
  });

  it("a refusal without a phone number is recorded as notified in writing", async () => {
    const app = await createApplication({ status: "ACCEPTED", applicantUserId: null, contactPhone: null });
    const result = await decideReview(cast.yz1, reject(app.id, "FIRST"), { now: NOW });
    const decision = await prisma.reviewDecision.findUniqueOrThrow({ where: { id: result.decisionId } });
    expect(decision.noticeMethod).toBe("WRITTEN");
  });

  it("a double submission creates one decision and the second gets a clear message", async () => {
    const app = await createApplication({ status: "ACCEPTED" });
    const results = await Promise.allSettled([
      decideReview(cast.yz1, pass(app.id, "FIRST"), { now: NOW }),
      decideReview(cast.yz1, pass(app.id, "FIRST"), { now: NOW }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason.code).toBe("CONFLICT");
    expect(await prisma.reviewDecision.count({ where: { applicationId: app.id } })).toBe(1);
    expect(await errorKey(() => decideReview(cast.yz1, pass(app.id, "FIRST"), { now: NOW }))).toBe("review.errors.notAwaitingFirstReview");
  });

  it("refuses a decision after qualification", async () => {
    const app = await createApplication({ status: "QUALIFIED" });
    for (const level of ["FIRST", "SECOND"] as const) {
      expect(await outcome(() => decideReview(cast.yz1, pass(app.id, level), { now: NOW }))).toBe("CONFLICT");
      expect(await outcome(() => decideReview(cast.yz1, reject(app.id, level), { now: NOW }))).toBe("CONFLICT");
    }
    expect(await prisma.reviewDecision.count()).toBe(0);
    expect(await statusOf(app.id)).toBe("QUALIFIED");
  });

  it("cannot skip the first review", async () => {
    const app = await createApplication({ status: "ACCEPTED" });
    expect(await errorKey(() => decideReview(cast.yz1, pass(app.id, "SECOND"), { now: NOW }))).toBe("review.errors.notAwaitingSecondReview");
  });

  it("the form schema demands codes and a written reason for a refusal", () => {
    const bare = reviewDecisionSchema.safeParse({ applicationId: "x", level: "FIRST", outcome: "REJECTED" });
    expect(bare.success).toBe(false);
    const paths = bare.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["reasonCodes", "reasonText"]));
    expect(reviewDecisionSchema.safeParse({ applicationId: "x", level: "FIRST", outcome: "REJECTED", reasonCodes: "NOT_A_CODE", reasonText: "理由理由理由" }).success).toBe(false);
    const one = reviewDecisionSchema.parse({ applicationId: "x", level: "FIRST", outcome: "REJECTED", reasonCodes: "UNDER_18", reasonText: "申请人未满十八周岁" });
    expect(one.reasonCodes).toEqual(["UNDER_18"]);
  });
});

describe("second review (Art. 19: 5 working days, another officer)", () => {
  async function firstPassed() {
    const app = await createApplication({ status: "ACCEPTED", applicantUserId: cast.applicant.id });
    await decideReview(cast.yz1, pass(app.id, "FIRST"), { now: NOW });
    return app;
  }

  it("refuses the officer who made the first review", async () => {
    const app = await firstPassed();
    expect(await errorKey(() => decideReview(cast.yz1, pass(app.id, "SECOND"), { now: NOW }))).toBe("review.errors.sameOfficer");
    expect(await errorKey(() => decideReview(cast.yz1, reject(app.id, "SECOND"), { now: NOW }))).toBe("review.errors.sameOfficer");
    expect(await statusOf(app.id)).toBe("FIRST_REVIEW_PASSED");
  });

  it("another officer passes it: awaiting publicity", async () => {
    const app = await firstPassed();
    const result = await decideReview(cast.yz2, pass(app.id, "SECOND"), { now: cstInstant("2025-06-10") });
    expect(result.status).toBe("SECOND_REVIEW_PASSED");
    const decision = await prisma.reviewDecision.findUniqueOrThrow({ where: { id: result.decisionId } });
    expect(decision.dueDate).toEqual(dateColumn(addWorkingDays(TODAY, 5)));
    expect(decision.officerId).toBe(cast.yz2.id);
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.dueDate).toBeNull();
    expect(await prisma.notification.count({ where: { applicationId: app.id, templateKey: "review.secondPassed" } })).toBe(2);
  });

  it("another officer rejects it with reasons", async () => {
    const app = await firstPassed();
    const result = await decideReview(cast.yz2, reject(app.id, "SECOND"), { now: cstInstant("2025-06-10") });
    expect(result.status).toBe("SECOND_REVIEW_REJECTED");
    const row = await prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.appealDueDate).toEqual(dateColumn(addWorkingDays("2025-06-10", 10)));
    expect(await prisma.notification.count({ where: { applicationId: app.id, templateKey: "review.secondRejected" } })).toBe(2);
  });
});

describe("permission matrix", () => {
  type Step = "accept" | "return" | "first" | "second";
  async function attempt(step: Step, actor: Cast[keyof Cast], districtCode: string) {
    const status = step === "accept" || step === "return" ? "SUBMITTED" : step === "first" ? "ACCEPTED" : "FIRST_REVIEW_PASSED";
    const app = await createApplication({ status, districtCode, applicantUserId: cast.applicant.id });
    switch (step) {
      case "accept":
        return outcome(() => acceptApplication(actor, { applicationId: app.id }, { now: NOW }));
      case "return":
        return outcome(() => returnApplication(actor, { applicationId: app.id, reason: "缺少户口簿" }, { now: NOW }));
      case "first":
        return outcome(() => decideReview(actor, pass(app.id, "FIRST"), { now: NOW }));
      case "second":
        return outcome(() => decideReview(actor, pass(app.id, "SECOND"), { now: NOW }));
    }
  }
  const who = ["yz1", "spb", "city", "admin", "applicant"] as const;
  const expected: Record<(typeof who)[number], string> = { yz1: "OK", spb: "FORBIDDEN", city: "FORBIDDEN", admin: "FORBIDDEN", applicant: "FORBIDDEN" };
  for (const step of ["accept", "return", "first", "second"] as const) {
    it(`${step}: only an officer of the application's district`, async () => {
      for (const w of who) expect([w, await attempt(step, cast[w], YUZHONG)]).toEqual([w, expected[w]]);
    });
  }

  it("reading the queue, the dashboard and a detail", async () => {
    const app = await createApplication({ status: "ACCEPTED", districtCode: YUZHONG, applicantUserId: cast.applicant.id });
    const filter = queueFilterSchema.parse({});
    expect(await outcome(() => listReviewQueue(cast.applicant, filter))).toBe("FORBIDDEN");
    expect(await outcome(() => listReviewQueue(cast.admin, filter))).toBe("FORBIDDEN");
    expect(await outcome(() => getReviewDashboard(cast.applicant))).toBe("FORBIDDEN");
    expect(await outcome(() => getReviewDashboard(cast.admin))).toBe("FORBIDDEN");
    expect(await outcome(() => getReviewDetail(cast.spb, app.applicationNo))).toBe("FORBIDDEN");
    // Even the applicant who owns it reads it on their own pages, not the officers' review page.
    expect(await outcome(() => getReviewDetail(cast.applicant, app.applicationNo))).toBe("FORBIDDEN");
    expect(await outcome(() => getReviewDetail(cast.admin, app.applicationNo))).toBe("FORBIDDEN");
    expect(await outcome(() => getReviewDetail(cast.yz2, app.applicationNo))).toBe("OK");
    expect(await outcome(() => getReviewDetail(cast.city, app.applicationNo))).toBe("OK");
  });
});

describe("the district queue", () => {
  it("shows the officer's district only, earliest due date first, with masked IDs and overdue days", async () => {
    const late = await createApplication({
      status: "ACCEPTED",
      applicantName: "赵六",
      data: { firstReviewDueDate: dateColumn("2025-06-04"), dueDate: dateColumn("2025-06-04") },
    });
    const soon = await createApplication({
      status: "FIRST_REVIEW_PASSED",
      applicantName: "钱七",
      data: { secondReviewDueDate: dateColumn("2025-06-10"), dueDate: dateColumn("2025-06-10") },
    });
    const fresh = await createApplication({ status: "SUBMITTED", applicantName: "孙八" });
    await createApplication({ status: "ACCEPTED", districtCode: SHAPINGBA, data: { firstReviewDueDate: dateColumn("2025-06-01"), dueDate: dateColumn("2025-06-01") } });
    await createApplication({ status: "QUALIFIED" });

    const page = await listReviewQueue(cast.yz1, queueFilterSchema.parse({}), { now: NOW });
    expect(page.items.map((i) => i.applicationNo)).toEqual([late.applicationNo, soon.applicationNo, fresh.applicationNo]);
    const first = page.items[0]!;
    expect(first.dueDate).toBe("2025-06-04");
    expect(first.daysOverdue).toBe(workingDaysBetween("2025-06-04", TODAY));
    expect(first.daysOverdue).toBe(3);
    expect(page.items[1]!.daysOverdue).toBe(0);
    expect(first.maskedResidentId).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(page)).not.toContain(late.applicantResidentId);

    const overdue = await listReviewQueue(cast.yz1, queueFilterSchema.parse({ overdue: "1" }), { now: NOW });
    expect(overdue.items.map((i) => i.applicationNo)).toEqual([late.applicationNo]);
    const stage = await listReviewQueue(cast.yz1, queueFilterSchema.parse({ stage: "SUBMITTED" }), { now: NOW });
    expect(stage.items.map((i) => i.applicationNo)).toEqual([fresh.applicationNo]);
    const byName = await listReviewQueue(cast.yz1, queueFilterSchema.parse({ q: "钱七" }), { now: NOW });
    expect(byName.items.map((i) => i.applicationNo)).toEqual([soon.applicationNo]);
    const byNo = await listReviewQueue(cast.yz1, queueFilterSchema.parse({ q: fresh.applicationNo.toLowerCase() }), { now: NOW });
    expect(byNo.items.map((i) => i.applicationNo)).toEqual([fresh.applicationNo]);
    // A resident ID is searched by its sealed token, made for this officer (the form posts it; the address never holds it).
    const idq = sealResidentSearch(cast.yz1.id, late.applicantResidentId, NOW);
    expect(idq).not.toContain(late.applicantResidentId);
    const byId = await listReviewQueue(cast.yz1, queueFilterSchema.parse({ idq }), { now: NOW });
    expect(byId.items.map((i) => i.applicationNo)).toEqual([late.applicationNo]);
    expect(byId.residentSearch).toEqual({ state: "sealed", masked: first.maskedResidentId });
    expect(JSON.stringify(byId)).not.toContain(late.applicantResidentId);
    // Another officer's token, an expired one, or the number itself in the address find nothing.
    const theirs = await listReviewQueue(cast.yz2, queueFilterSchema.parse({ idq }), { now: NOW });
    expect([theirs.total, theirs.residentSearch]).toEqual([0, { state: "expired" }]);
    const later = await listReviewQueue(cast.yz1, queueFilterSchema.parse({ idq }), { now: new Date(NOW.getTime() + 61 * 60_000) });
    expect([later.total, later.residentSearch]).toEqual([0, { state: "expired" }]);
    const inAddress = await listReviewQueue(cast.yz1, queueFilterSchema.parse({ q: late.applicantResidentId }), { now: NOW });
    expect([inAddress.total, inAddress.residentSearch]).toEqual([0, { state: "inAddress" }]);
  });

  it("municipal officers see every district and may filter by one", async () => {
    await createApplication({ status: "ACCEPTED", districtCode: YUZHONG });
    const spb = await createApplication({ status: "ACCEPTED", districtCode: SHAPINGBA });
    expect((await listReviewQueue(cast.city, queueFilterSchema.parse({}), { now: NOW })).total).toBe(2);
    const filtered = await listReviewQueue(cast.city, queueFilterSchema.parse({ district: SHAPINGBA }), { now: NOW });
    expect(filtered.items.map((i) => i.applicationNo)).toEqual([spb.applicationNo]);
    // A district officer's district filter cannot widen their reach.
    expect((await listReviewQueue(cast.yz1, queueFilterSchema.parse({ district: SHAPINGBA }), { now: NOW })).total).toBe(1);
  });

  it("pages through a long queue and ignores malformed parameters", async () => {
    for (let i = 0; i < 23; i++) await createApplication({ status: "SUBMITTED" });
    const filter = queueFilterSchema.parse({ page: "2", stage: "NOPE", overdue: "maybe", level: "x" });
    const page = await listReviewQueue(cast.yz1, filter, { now: NOW });
    expect(page).toMatchObject({ total: 23, page: 2, pageCount: 2 });
    expect(page.items).toHaveLength(3);
    const beyond = await listReviewQueue(cast.yz1, queueFilterSchema.parse({ page: "99" }), { now: NOW });
    expect(beyond.page).toBe(2);
  });

  it("filters by estate level and priority", async () => {
    const priority = await createApplication({ status: "ACCEPTED", data: { isPriority: true, estateLevel: "DISTRICT" } });
    await createApplication({ status: "ACCEPTED" });
    expect((await listReviewQueue(cast.yz1, queueFilterSchema.parse({ priority: "yes" }), { now: NOW })).items.map((i) => i.id)).toEqual([priority.id]);
    expect((await listReviewQueue(cast.yz1, queueFilterSchema.parse({ level: "DISTRICT" }), { now: NOW })).items.map((i) => i.id)).toEqual([priority.id]);
    expect((await listReviewQueue(cast.yz1, queueFilterSchema.parse({ priority: "no" }), { now: NOW })).total).toBe(1);
  });
});

describe("the review detail", () => {
  it("shows full IDs to the district's officers and masked ones to municipal officers", async () => {
    const app = await createApplication({ status: "ACCEPTED", spouse: true });
    const own = await getReviewDetail(cast.yz1, app.applicationNo, { now: NOW });
    expect(own!.members.find((m) => m.relationship === "APPLICANT")!.residentId).toBe(app.applicantResidentId);
    expect(own!.can).toEqual({ accept: true, review: true, seeFullIds: true });
    const city = await getReviewDetail(cast.city, app.applicationNo, { now: NOW });
    expect(JSON.stringify(city)).not.toContain(app.applicantResidentId);
    expect(city!.members.every((m) => m.isMasked)).toBe(true);
    expect(city!.can).toEqual({ accept: false, review: false, seeFullIds: false });
    expect(await getReviewDetail(cast.yz1, "NO-SUCH-NUMBER")).toBeNull();
  });

  it("names the first reviewer so the page can refuse the second review to them", async () => {
    const app = await createApplication({ status: "ACCEPTED" });
    await decideReview(cast.yz1, pass(app.id, "FIRST"), { now: NOW });
    const detail = await getReviewDetail(cast.yz2, app.applicationNo, { now: NOW });
    expect(detail!.firstReviewerId).toBe(cast.yz1.id);
    expect(detail!.reviewDecisions).toHaveLength(1);
    expect(detail!.statusEvents.map((e) => e.toStatus)).toEqual(["FIRST_REVIEW_PASSED"]);
  });
});

describe("dashboards", () => {
  it("counts each stage and the overdue items, per district for the city", async () => {
    await createApplication({ status: "SUBMITTED" });
    await createApplication({ status: "ACCEPTED", data: { firstReviewDueDate: dateColumn("2025-06-05"), dueDate: dateColumn("2025-06-05") } });
    await createApplication({ status: "ACCEPTED", data: { firstReviewDueDate: dateColumn("2025-06-09"), dueDate: dateColumn("2025-06-09") } });
    await createApplication({ status: "FIRST_REVIEW_REJECTED" });
    await createApplication({ status: "FIRST_REVIEW_PASSED", districtCode: SHAPINGBA, data: { secondReviewDueDate: dateColumn("2025-06-06") } });

    const district = await getReviewDashboard(cast.yz1, { now: NOW });
    expect(district.counts).toMatchObject({ SUBMITTED: 1, ACCEPTED: 2, FIRST_REVIEW_PASSED: 0, REFUSED: 1 });
    expect(district.overdue).toBe(1);
    expect(district.overdueItems).toHaveLength(1);
    expect(district.overdueItems[0]).toMatchObject({ dueDate: "2025-06-05", daysOverdue: 2 });
    expect(district.districts).toEqual([]);

    const city = await getReviewDashboard(cast.city, { now: NOW });
    expect(city.counts).toMatchObject({ SUBMITTED: 1, ACCEPTED: 2, FIRST_REVIEW_PASSED: 1 });
    expect(city.overdue).toBe(2);
    expect(city.districts.map((d) => [d.districtCode, d.overdue])).toEqual([
      [YUZHONG, 1],
      [SHAPINGBA, 1],
    ]);
    expect(city.districts.find((d) => d.districtCode === SHAPINGBA)!.districtName).toBe("沙坪坝区");
  });
});
