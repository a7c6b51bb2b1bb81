// The application form says each thing once: a resident ID's error (empty or wrong), an income's
// (too large or malformed), the Art. 12 banner for a person already on another application, and
// "migrant worker" on the work step (Art. 13.3: an employment basis, not a second question). Then one file's size reads the same
// to the applicant and to the officer.
import { expect, test, type Page } from "@playwright/test";
import { e2ePrisma } from "./db";
import { freshResidentId, withWrongCheckChar } from "../support/resident-id";
import { createApplicant, createApplication } from "./review-fixtures";
import { ACCOUNTS, signIn } from "./support";

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

function section(page: Page, title: string) {
  return page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

async function occurrences(page: Page, text: string): Promise<number> {
  const body = await page.locator("main").innerText();
  return body.split(text).length - 1;
}

test("the household and work steps say each thing once", async ({ page }) => {
  const db = e2ePrisma();
  const me = await createApplicant("一次说清");
  const taken = await createApplication({ status: "SUBMITTED", applicantName: "已在申请中" });
  await signIn(page, me.phone);
  await page.goto("/me/apply/household");
  await expect(page.getByRole("heading", { level: 1, name: "申请人和家庭成员" })).toBeVisible();
  const applicant = section(page, "申请人");
  const idField = applicant.getByLabel("居民身份证号码");

  // Empty: "required", once, and nothing about a wrong number.
  await applicant.getByLabel("姓名").fill("李一");
  await applicant.getByLabel("婚姻状况").selectOption("MARRIED");
  await applicant.getByLabel("上一年度年收入（元）").fill("36000");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(applicant.getByText("请填写居民身份证号码")).toHaveCount(1);
  expect(await occurrences(page, "有误")).toBe(0);
  await expect(idField).toHaveAttribute("aria-invalid", "true");

  // An income too large says so, and malformed text is invalid (a huge income used to be told
  // "enter an amount of 0 or more").
  const income = applicant.getByLabel("上一年度年收入（元）");
  await income.fill("99999999999999");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(applicant.getByText("金额过大，请核对")).toHaveCount(1);
  expect(await occurrences(page, "请填写不小于 0 的金额")).toBe(0);
  await income.fill("三万六");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(applicant.getByText("请填写不小于 0 的金额，最多两位小数")).toHaveCount(1);
  await expect(applicant.getByText("金额过大，请核对")).toHaveCount(0);
  await income.fill("３６０００"); // full-width digits, as a Chinese input method may type them

  // A wrong check character: said once, by the error (the hint steps back to the format).
  const good = freshResidentId();
  await idField.fill(withWrongCheckChar(good));
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(applicant.getByText("居民身份证号码有误，请核对18位号码（含末位校验码）")).toBeVisible();
  expect(await occurrences(page, "有误")).toBe(1);
  await expect(applicant.getByText("18位，末位可能是 X")).toBeVisible();

  // A spouse already on another open application (Art. 12): the step does not say so (decision 036).
  await idField.fill(good);
  await page.getByRole("button", { name: "添加共同申请人" }).click();
  const spouse = section(page, "共同申请人 1");
  await spouse.getByLabel("姓名").fill("已在申请中");
  await spouse.getByLabel("居民身份证号码").fill(taken.residentId);
  await spouse.getByLabel("与申请人的关系").selectOption("SPOUSE");
  await spouse.getByLabel("上一年度年收入（元）").fill("0");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page).toHaveURL(/\/me\/apply\/work$/);
  await expect(page.getByText("已在其他")).toHaveCount(0);
  await page.goto("/me/apply/household");

  // Without the spouse the step saves too; the work step asks "migrant worker" once, as a basis.
  await page.getByRole("button", { name: "删除共同申请人 1" }).click();
  await applicant.getByLabel("婚姻状况").selectOption("UNMARRIED");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page).toHaveURL(/\/me\/apply\/work$/);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("radio", { name: /外来务工/ })).toHaveCount(1);
  await page.getByRole("radio", { name: /外来务工/ }).check();
  await page.getByLabel("工作（或领取养老金）所在区县").selectOption("500103");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page).toHaveURL(/\/me\/apply\/housing$/);
  const declaration = await db.applicationDeclaration.findFirstOrThrow({ where: { application: { applicantUserId: await userId(me.phone) } } });
  expect(declaration).toMatchObject({ employment: "MIGRANT_SOCIAL_INSURANCE", isMigrantWorker: true });
});

async function userId(phone: string): Promise<string> {
  return (await e2ePrisma().user.findUniqueOrThrow({ where: { phone }, select: { id: true } })).id;
}

test("a file's size reads the same to the applicant and to the officer", async ({ browser }) => {
  const db = e2ePrisma();
  const me = await createApplicant("文件大小");
  const app = await createApplication({ status: "SUBMITTED", applicantName: "文件大小", applicantUserId: me.id });
  const sizes: Array<[string, number, string]> = [
    ["身份证.png", 73, "73 B"],
    ["户口簿.pdf", 1536, "1.5 KB"],
  ];
  for (const [fileName, sizeBytes] of sizes) {
    await db.document.create({
      data: {
        applicationId: app.id,
        kind: fileName.endsWith(".png") ? "ID_CARD" : "HOUSEHOLD_REGISTER",
        fileName,
        mimeType: fileName.endsWith(".png") ? "image/png" : "application/pdf",
        sizeBytes,
        sha256: "0".repeat(64),
        storageKey: `e2e-size-${app.id}-${sizeBytes}`,
        uploadedById: me.id,
      },
    });
  }
  const pageAs = async (account: string) => {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const page = await context.newPage();
    await signIn(page, account);
    return page;
  };
  const applicant = await pageAs(me.phone);
  await applicant.goto(`/me/applications/${encodeURIComponent(app.applicationNo)}`);
  const officer = await pageAs(ACCOUNTS.yuzhongOfficer);
  await officer.goto(`/staff/review/${encodeURIComponent(app.applicationNo)}`);
  for (const [fileName, , shown] of sizes) {
    for (const page of [applicant, officer]) {
      const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: fileName }) });
      await expect(item).toContainText(shown);
    }
  }
});
