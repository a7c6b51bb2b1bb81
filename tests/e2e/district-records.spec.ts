// Journey: a district officer opens their district's records from the workbench and finds its
// casework (Art. 19-20) with the statutory deadlines; a municipal officer opens any district; an
// administrator is refused.
import { expect, test } from "@playwright/test";
import { e2ePrisma } from "./db";
import { dateColumn, todayCST } from "../support/clock";
import { createApplicant, createApplication } from "./review-fixtures";
import { ACCOUNTS, newPage, signIn } from "./support";

test("a district officer opens the district records: figures, queues with deadlines, publicity and the rest", async ({ page }) => {
  const db = e2ePrisma();
  const applicant = await createApplicant("区县甲");
  // A first review that was due a fortnight ago (in working days, whatever the calendar).
  const past = new Date(Date.parse(`${todayCST()}T00:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
  const late = await createApplication({
    status: "ACCEPTED",
    applicantName: "区县甲",
    applicantUserId: applicant.id,
    data: { acceptedAt: new Date(), firstReviewDueDate: dateColumn(past), dueDate: dateColumn(past) },
  });

  await signIn(page, ACCOUNTS.yuzhongOfficer);
  await page.getByRole("link", { name: "进入渝中区" }).click();
  await expect(page).toHaveURL(/\/staff\/districts\/500103$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("渝中区");
  const main = page.locator("main");
  await expect(main).not.toContainText("初版");
  await expect(main).not.toContainText("陆续接入");

  // This year's figures and the applications by status agree with the database.
  const year = Number(todayCST().slice(0, 4));
  await expect(page.getByRole("heading", { name: `${year} 年情况` })).toBeVisible();
  const accepted = await db.application.count({ where: { districtCode: "500103", status: "ACCEPTED" } });
  await expect(page.locator('[data-status="ACCEPTED"]')).toContainText(String(accepted));
  await expect(page.locator('[data-status="DRAFT"]')).toHaveCount(0);

  // The review queues with their statutory deadlines; the late one is listed with its days overdue.
  const firstReview = page.locator('[data-queue="ACCEPTED"]');
  await expect(firstReview).toContainText("受理后 7 个工作日内完成初审（第十九条）");
  await expect(page.locator('[data-queue="FIRST_REVIEW_PASSED"]')).toContainText("初审后 5 个工作日内完成复审（第十九条）");
  const due = page.locator(`[data-due="${late.applicationNo}"]`);
  await expect(due).toContainText(/逾期 \d+ 个工作日/);
  await expect(due).toContainText(`到期日 ${past}`);
  await expect(due).not.toContainText(late.residentId);

  for (const title of ["公示中的名单", "待处理异议", "待决定的申诉", "年度复核", "整改事项"]) {
    await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
  }
  await due.getByRole("link", { name: late.applicationNo }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(late.applicationNo);

  // Another district's records stay closed to this officer.
  const other = await page.goto("/staff/districts/500106");
  expect(other?.status()).toBe(403);
});

test("a municipal officer opens any district's records; an administrator is refused", async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.cityOfficer);
  await page.locator('a[href="/staff/districts/500106"]').click();
  await expect(page).toHaveURL(/\/staff\/districts\/500106$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("沙坪坝区");
  await expect(page.getByRole("link", { name: "打开审核队列" })).toHaveAttribute("href", "/staff/review?district=500106");

  // A browser of their own: a prefetch still in flight in the officer's tab could sign it in again.
  const admin = await newPage(browser, ACCOUNTS.admin);
  const response = await admin.goto("/staff/districts/500103");
  expect(response?.status()).toBe(403);
});
