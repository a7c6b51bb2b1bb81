import { expect, test } from "@playwright/test";
import { cstDate, dateColumn, daysBefore, fromDateColumn, todayCST } from "../support/clock";
import { e2ePrisma } from "./db";
import { createApplicant, createApplication, staffId, statusOf } from "./review-fixtures";
import { formReady, newPage } from "./support";

// Art. 19: a refused applicant may appeal to the municipal agency within 10 working days of being
// told; the municipal agency decides; a late appeal is refused with the reason.

test("a refusal, an appeal in time decided by the municipal agency, back to the district", async ({ browser }) => {
  const db = e2ePrisma();
  const applicant = await createApplicant("申诉甲");
  const app = await createApplication({ status: "ACCEPTED", applicantName: "申诉甲", applicantUserId: applicant.id });

  // The district refuses at the first review, citing Art. 13.4.
  const officer = await newPage(browser, "yuzhong.officer");
  await officer.goto(`/staff/review/${app.applicationNo}`);
  await formReady(officer, "review-form-first");
  await officer.getByRole("radio", { name: "不予通过", exact: true }).check();
  await officer.getByRole("checkbox", { name: /家庭人均收入超过标准/ }).check();
  await officer.getByLabel("告知申请人的不予通过理由").fill("家庭人均年收入高于本市上年度城镇居民人均可支配收入。");
  await officer.getByLabel(/内部备注/).fill("内部：电话回访未接通");
  await officer.getByRole("button", { name: "提交决定" }).click();
  await officer.getByRole("button", { name: "确认提交" }).click();
  await expect(officer.getByText("初审未通过，已通知申请人。")).toBeVisible();
  const refused = await db.application.findUniqueOrThrow({ where: { id: app.id }, select: { appealDueDate: true } });
  const deadline = fromDateColumn(refused.appealDueDate!);
  // 10 working days after today (lib/rules; integration tests check the exact date).
  expect(deadline > todayCST()).toBe(true);

  // The applicant sees the reasons and the deadline, and appeals.
  const me = await newPage(browser, applicant.phone);
  await me.goto(`/me/applications/${app.applicationNo}/appeal`);
  await expect(me.getByText("家庭人均收入超过标准（第十三条第四项）")).toBeVisible();
  await expect(me.getByText("家庭人均年收入高于本市上年度城镇居民人均可支配收入。", { exact: false })).toBeVisible();
  await expect(me.getByTestId("appeal-deadline")).toContainText(`申诉截止日期：${deadline}`);
  await expect(me.getByText("依据条款：第十三条第四项")).toBeVisible();
  // The status page: every reason filled with figures or worded without them; no internal note.
  await me.goto(`/me/applications/${app.applicationNo}`);
  await expect(me.getByText("不予通过，依据第十三条第四项。")).toBeVisible();
  expect(await me.locator("main").innerText()).not.toMatch(/[{}]|内部：电话回访未接通|13\.4条|第13/);
  await me.goto(`/me/applications/${app.applicationNo}/appeal`);
  // A new income certificate goes with the appeal (Art. 19).
  const evidence = me.getByTestId("appeal-evidence");
  await evidence.getByLabel("材料类别").selectOption("INCOME_CERTIFICATE");
  await evidence.getByLabel("选择要上传的文件").setInputFiles({ name: "新的收入证明.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
  await expect(evidence.getByRole("link", { name: "新的收入证明.pdf" })).toBeVisible();
  await formReady(me, "appeal-form");
  await me.getByRole("button", { name: "提交申诉" }).click();
  await expect(me.getByText("请填写申诉理由")).toBeVisible();
  await me.getByLabel("申诉理由").fill("本人今年已离职，家庭收入大幅下降，附新的收入证明，请重新审核。");
  await me.getByRole("button", { name: "提交申诉" }).click();
  await me.getByRole("alertdialog").getByRole("button", { name: "确认提交" }).click();
  await expect(me.getByText("申诉已提交，市公租房管理机构审查后将通知您结果。")).toBeVisible();
  expect(await statusOf(app.id)).toBe("APPEALED");

  // The municipal officer returns it to the district for a new review.
  const city = await newPage(browser, "city.officer");
  await city.goto("/staff/appeals?status=pending");
  await city.getByLabel("申请编号或申请人姓名").fill(app.applicationNo);
  await city.getByRole("button", { name: "筛选" }).click();
  await city.getByRole("link", { name: app.applicationNo }).click();
  await expect(city.getByText("本人今年已离职")).toBeVisible();
  await expect(city.getByRole("link", { name: "新的收入证明.pdf" })).toBeVisible();
  await formReady(city, "decide-appeal-form");
  await city.getByRole("radio", { name: /发回区县重新审核/ }).check();
  await city.getByLabel("决定理由").fill("申请人提交了新的收入证明，请区县重新审核。");
  await city.getByRole("button", { name: "提交决定" }).click();
  await city.getByRole("alertdialog").getByRole("button", { name: "确认提交" }).click();
  await expect(city.getByText("决定已提交，并已通知申请人。")).toBeVisible();
  const back = await db.application.findUniqueOrThrow({ where: { id: app.id }, select: { status: true, firstReviewDueDate: true } });
  expect(back.status).toBe("ACCEPTED");
  expect(fromDateColumn(back.firstReviewDueDate!) > todayCST()).toBe(true);
  const appeal = await db.appeal.findFirstOrThrow({ where: { applicationId: app.id } });
  expect(appeal).toMatchObject({ status: "DECIDED", decision: "RETURNED_FOR_REVIEW", decidedById: await staffId("city.officer") });

  // The district sees it in its queue again.
  await officer.goto(`/staff/review?q=${app.applicationNo}`);
  await expect(officer.getByRole("listitem").filter({ hasText: app.applicationNo })).toContainText("初审");

  // A district officer may not decide appeals.
  const response = await officer.goto(`/staff/appeals/${appeal.id}`);
  expect(response?.status()).toBe(403);
});

test("an appeal after the 10 working days is refused with the reason", async ({ browser }) => {
  const db = e2ePrisma();
  const applicant = await createApplicant("申诉乙");
  // Told 30 calendar days ago; the 10 working days ran out about two weeks later.
  const notifiedOn = daysBefore(30);
  const notifiedDate = cstDate(notifiedOn);
  const due = cstDate(daysBefore(16));
  const app = await createApplication({
    status: "FIRST_REVIEW_REJECTED",
    applicantName: "申诉乙",
    applicantUserId: applicant.id,
    data: { rejectionNotifiedAt: notifiedOn, appealDueDate: dateColumn(due), dueDate: dateColumn(due) },
  });
  await db.reviewDecision.create({
    data: {
      applicationId: app.id,
      level: "FIRST",
      officerId: await staffId("yuzhong.officer"),
      outcome: "REJECTED",
      reasons: [{ code: "ADEQUATE_HOUSING", article: "13.5" }, { code: "OFFICER_NOTE", article: null, message: "名下有住房。" }],
      articlesCited: ["13.5"],
      dueDate: dateColumn(notifiedDate),
      decidedAt: notifiedOn,
      notifiedAt: notifiedOn,
      noticeMethod: "SMS",
    },
  });

  const me = await newPage(browser, applicant.phone);
  await me.goto(`/me/applications/${app.applicationNo}/appeal`);
  const late = me.getByRole("main").getByRole("alert");
  await expect(late).toContainText(`申诉期限至 ${due} 止`);
  await expect(late).toContainText("第十九条");
  await expect(me.getByRole("button", { name: "提交申诉" })).toHaveCount(0);
  expect(await statusOf(app.id)).toBe("FIRST_REVIEW_REJECTED");

  // Another applicant cannot even see it.
  const other = await newPage(browser, (await createApplicant("旁人")).phone);
  const response = await other.goto(`/me/applications/${app.applicationNo}/appeal`);
  expect(response?.status()).toBe(404);
});
