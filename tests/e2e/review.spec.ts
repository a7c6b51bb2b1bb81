import { expect, test, type Page } from "@playwright/test";
import { e2ePrisma } from "./db";
import { createApplicant, createApplication, staffId, statusOf } from "./review-fixtures";
import { formReady, newPage } from "./support";

// Art. 19: acceptance, first review within 7 working days, second review within 5 by a different
// officer. yuzhong.officer accepts and makes the first review; yuzhong.reviewer the second.

async function decide(page: Page, outcome: "通过" | "不予通过") {
  await page.getByRole("radio", { name: outcome, exact: true }).check();
}

test("first and second review by two officers; the first reviewer is refused the second review", async ({ browser }) => {
  const db = e2ePrisma();
  const applicant = await createApplicant("审核甲");
  const app = await createApplication({ status: "SUBMITTED", applicantName: "审核甲", applicantUserId: applicant.id });

  const officer = await newPage(browser, "yuzhong.officer");
  // The queue finds it by number; the list shows the ID masked.
  await officer.goto("/staff/review");
  await officer.getByLabel("申请编号或申请人姓名").fill(app.applicationNo);
  await officer.getByRole("button", { name: "筛选" }).click();
  const row = officer.getByRole("listitem").filter({ hasText: app.applicationNo });
  await expect(row).toContainText("待受理");
  const masked = `${app.residentId.slice(0, 6)}********${app.residentId.slice(-4)}`;
  await expect(row).toContainText(masked);
  await expect(officer.getByText(app.residentId)).toHaveCount(0);

  // By the whole resident ID: the form posts it, and the address carries only a sealed token.
  await officer.getByLabel("申请编号或申请人姓名").fill(app.residentId.toLowerCase());
  await officer.getByRole("button", { name: "筛选" }).click();
  await expect(officer.getByTestId("resident-search")).toHaveText(`按身份证号码 ${masked} 查找的结果。`);
  expect(officer.url()).toMatch(/[?&]idq=[A-Za-z0-9_-]{40,}/);
  expect(officer.url().toUpperCase()).not.toContain(app.residentId.slice(6, 14));
  await expect(officer.getByRole("listitem").filter({ hasText: app.applicationNo })).toHaveCount(1);
  await expect(officer.getByLabel("申请编号或申请人姓名")).toHaveValue("");
  // A token is the searching officer's own: another officer's opening it finds nothing.
  const colleague = await newPage(browser, "yuzhong.reviewer");
  await colleague.goto(officer.url());
  await expect(colleague.getByTestId("resident-search")).toContainText("已过期");
  await expect(colleague.getByRole("listitem").filter({ hasText: app.applicationNo })).toHaveCount(0);
  // The number typed into the address itself is not searched by.
  await colleague.goto(`/staff/review?q=${app.residentId}`);
  await expect(colleague.getByTestId("resident-search")).toContainText("不按地址栏中的身份证号码查找");
  await expect(colleague.getByLabel("申请编号或申请人姓名")).toHaveValue("");
  await colleague.close();

  await row.getByRole("link", { name: app.applicationNo }).click();

  // Acceptance, with confirmation.
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(app.applicationNo);
  await formReady(officer, "accept-form");
  await officer.getByRole("button", { name: "受理申请" }).click();
  await expect(officer.getByRole("alertdialog")).toContainText("确认受理");
  await officer.getByRole("button", { name: "确认提交" }).click();
  await expect(officer.getByText(/已受理。初审应于 \d{4}-\d{2}-\d{2} 前完成/)).toBeVisible();
  expect(await statusOf(app.id)).toBe("ACCEPTED");

  // First review: pass.
  await expect(officer.getByRole("heading", { name: "初审决定" })).toBeVisible();
  await formReady(officer, "review-form-first");
  await decide(officer, "通过");
  await officer.getByRole("button", { name: "提交决定" }).click();
  await expect(officer.getByRole("alertdialog")).toContainText("初审通过");
  await officer.getByRole("button", { name: "确认提交" }).click();
  await expect(officer.getByText("初审通过，已通知申请人，待复审。")).toBeVisible();

  // The same officer may not make the second review.
  await officer.reload();
  await expect(officer.getByText("您是本申请的初审人员")).toBeVisible();
  await expect(officer.getByRole("button", { name: "提交决定" })).toHaveCount(0);

  // Another officer makes it.
  const reviewer = await newPage(browser, "yuzhong.reviewer");
  await reviewer.goto(`/staff/review/${app.applicationNo}`);
  await expect(reviewer.getByRole("heading", { name: "复审决定" })).toBeVisible();
  await formReady(reviewer, "review-form-second");
  await decide(reviewer, "通过");
  await reviewer.getByRole("button", { name: "提交决定" }).click();
  await reviewer.getByRole("button", { name: "确认提交" }).click();
  await expect(reviewer.getByText("复审通过，已通知申请人，待公示。")).toBeVisible();
  await expect(reviewer.getByText("复审 · 通过 · 渝中区 罗科长")).toBeVisible();

  const decisions = await db.reviewDecision.findMany({ where: { applicationId: app.id }, orderBy: { decidedAt: "asc" }, select: { level: true, outcome: true, officerId: true } });
  expect(decisions).toEqual([
    { level: "FIRST", outcome: "PASSED", officerId: await staffId("yuzhong.officer") },
    { level: "SECOND", outcome: "PASSED", officerId: await staffId("yuzhong.reviewer") },
  ]);
  expect(await statusOf(app.id)).toBe("SECOND_REVIEW_PASSED");
  const notices = await db.notification.findMany({ where: { applicationId: app.id, channel: "SMS" }, select: { templateKey: true } });
  expect(notices.map((n) => n.templateKey).sort()).toEqual(["review.accepted", "review.firstPassed", "review.secondPassed"]);
});

test("a refusal needs reasons citing articles; a stale second submission gets a clear message", async ({ browser }) => {
  const app = await createApplication({ status: "ACCEPTED", applicantName: "审核乙", data: { firstReviewDueDate: new Date(), dueDate: new Date() } });
  const officer = await newPage(browser, "yuzhong.officer");
  await officer.goto(`/staff/review/${app.applicationNo}`);
  // A second tab with the same form, left open.
  const stale = await officer.context().newPage();
  await stale.goto(`/staff/review/${app.applicationNo}`);
  await formReady(stale, "review-form-first");

  await formReady(officer, "review-form-first");
  await decide(officer, "不予通过");
  await officer.getByRole("button", { name: "提交决定" }).click();
  await expect(officer.getByText("不予通过须至少选择一项理由及依据条款")).toBeVisible();
  await expect(officer.getByText("请填写告知申请人的书面理由")).toBeVisible();
  await officer.getByRole("checkbox", { name: /家庭人均收入超过标准（第十三条第四项）/ }).check();
  await officer.getByLabel("告知申请人的不予通过理由").fill("经核查，家庭人均年收入超过本市上年度标准。");
  await officer.getByLabel(/内部备注/).fill("内部：申请人单位另有奖金未申报");
  await officer.getByRole("button", { name: "提交决定" }).click();
  await expect(officer.getByRole("alertdialog")).toContainText("10 个工作日内申诉");
  await officer.getByRole("button", { name: "确认提交" }).click();
  await expect(officer.getByText("初审未通过，已通知申请人。")).toBeVisible();
  await expect(officer.getByText("依据条款：第十三条第四项")).toBeVisible();
  await expect(officer.getByText("内部备注（仅工作人员可见）：内部：申请人单位另有奖金未申报")).toBeVisible();

  await decide(stale, "通过");
  await stale.getByRole("button", { name: "提交决定" }).click();
  await stale.getByRole("button", { name: "确认提交" }).click();
  await expect(stale.getByText(/该申请已不在待初审状态/)).toBeVisible();
  expect(await e2ePrisma().reviewDecision.count({ where: { applicationId: app.id } })).toBe(1);
  expect(await statusOf(app.id)).toBe("FIRST_REVIEW_REJECTED");
});

test("an officer of another district cannot open the application", async ({ browser }) => {
  const app = await createApplication({ status: "ACCEPTED", applicantName: "审核丙" });
  const other = await newPage(browser, "shapingba.officer");
  const response = await other.goto(`/staff/review/${app.applicationNo}`);
  expect(response?.status()).toBe(403);
  await other.goto("/staff/review");
  await expect(other.getByText(app.applicationNo)).toHaveCount(0);
});
