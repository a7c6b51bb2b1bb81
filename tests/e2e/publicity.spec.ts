import { expect, test, type Page } from "@playwright/test";
import { cstDateFromToday, dateColumn, todayCST } from "../support/clock";
import { YUZHONG } from "../support/districts";
import { e2ePrisma } from "./db";
import { createApplicant, createApplication, statusOf } from "./review-fixtures";
import { formReady, newPage } from "./support";

// Art. 19: publicity for 5 working days with names and IDs masked; anyone may object; officers
// investigate; at the end of publicity the applicants with no open or upheld objection qualify.

/** Lodges an objection as a member of the public; returns the reference number the confirmation gives. */
async function object(page: Page, batchId: string, applicationNo: string, phone: string): Promise<string> {
  await page.goto(`/publicity/${batchId}`);
  await page.getByRole("link", { name: new RegExp(`（${applicationNo}）提出异议`) }).click();
  await formReady(page, "objection-form");
  await page.getByLabel("您的姓名").fill("热心群众");
  await page.getByLabel("您的手机号码").fill(phone);
  await page.getByLabel("异议内容").fill(`据我所知，申请人 ${applicationNo} 名下在本市另有住房，请核查。`);
  await page.getByRole("button", { name: "提交异议" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "提交异议" }).click();
  await expect(page.getByText("异议已提交")).toBeVisible();
  const reference = page.getByTestId("objection-reference");
  await expect(reference).toHaveText(/^YY-500103-\d{4}-\d{6}$/);
  return (await reference.textContent())!;
}

test("a publicity batch: masked public list, one objection upheld and one not, qualification at the end", async ({ browser }) => {
  const db = e2ePrisma();
  const names = ["公示甲一", "公示乙二", "公示丙三"];
  const apps = [];
  for (const name of names) {
    const user = await createApplicant(name);
    apps.push(await createApplication({ status: "SECOND_REVIEW_PASSED", applicantName: name, applicantUserId: user.id }));
  }
  const [upheld, notUpheld, clean] = apps as [(typeof apps)[number], (typeof apps)[number], (typeof apps)[number]];

  // The officer publishes the three.
  const officer = await newPage(browser, "yuzhong.officer");
  await officer.goto("/staff/publicity");
  await formReady(officer, "publish-form");
  for (const app of apps) await officer.getByRole("checkbox", { name: `选择 ${app.applicationNo}` }).check();
  await officer.getByRole("button", { name: "发布公示" }).click();
  await expect(officer.getByRole("alertdialog")).toContainText("确认发布 3 户的公示");
  await officer.getByRole("alertdialog").getByRole("button", { name: "确认发布" }).click();
  await expect(officer.getByText(/公示已发布：.* 至 .*，共 3 户。/)).toBeVisible();
  const batchId = officer.url().match(/\/staff\/publicity\/([^/?#]+)/)![1]!;
  for (const app of apps) expect(await statusOf(app.id)).toBe("IN_PUBLICITY");

  // The public list masks names and ID numbers and shows no incomes.
  const visitor = await newPage(browser);
  await visitor.goto("/publicity");
  await visitor.getByRole("link", { name: "查看名单" }).first().waitFor();
  await visitor.goto(`/publicity/${batchId}`);
  const table = visitor.getByRole("table");
  for (const app of apps) {
    const row = table.getByRole("row").filter({ hasText: app.applicationNo });
    await expect(row).toContainText(`${app.applicantName.slice(0, 1)}***`);
    await expect(row).toContainText(`${app.residentId.slice(0, 6)}********${app.residentId.slice(-4)}`);
    await expect(row).toContainText("一室一厅");
  }
  const text = await visitor.locator("main").innerText();
  for (const app of apps) {
    expect(text).not.toContain(app.applicantName);
    expect(text).not.toContain(app.residentId);
  }
  expect(text).not.toMatch(/收入|30,000/);

  // A bad phone number is refused with a clear message.
  await visitor.getByRole("link", { name: new RegExp(`（${upheld.applicationNo}）提出异议`) }).click();
  await formReady(visitor, "objection-form");
  await visitor.getByLabel("您的姓名").fill("张先生");
  await visitor.getByLabel("您的手机号码").fill("12345");
  await visitor.getByLabel("异议内容").fill("太短");
  await visitor.getByRole("button", { name: "提交异议" }).click();
  await expect(visitor.getByText("请输入11位手机号码")).toBeVisible();
  await expect(visitor.getByText("异议内容至少10个字")).toBeVisible();

  // Two objections from the public.
  const references = [await object(visitor, batchId, upheld.applicationNo, "13911110001"), await object(visitor, batchId, notUpheld.applicationNo, "13911110002")];
  expect(new Set(references).size).toBe(2);
  expect(await db.objection.count({ where: { referenceNo: { in: references } } })).toBe(2);

  // The officer investigates: one upheld, one not. Each objection shows its reference number.
  await officer.goto(`/staff/publicity/${batchId}`);
  await expect(officer.locator(`[data-entry="${upheld.applicationNo}"]`)).toContainText(`异议编号 ${references[0]}`);
  await expect(officer.locator(`[data-entry="${notUpheld.applicationNo}"]`)).toContainText(`异议编号 ${references[1]}`);
  const decideOn = async (applicationNo: string, outcome: string, findings: string) => {
    const entry = officer.locator(`[data-entry="${applicationNo}"]`);
    await entry.getByRole("button", { name: "开始核查" }).click();
    await expect(entry.getByText(/核查人员/)).toBeVisible();
    const form = entry.locator("form[data-ready]").filter({ has: officer.getByRole("radio") });
    await form.getByRole("radio", { name: outcome }).check();
    await form.getByLabel("核查情况及理由").fill(findings);
    await form.getByRole("button", { name: "提交核查结果" }).click();
    await form.getByRole("alertdialog").getByRole("button", { name: "提交核查结果" }).click();
    await expect(entry.getByText("核查结果已记录。")).toBeVisible();
  };
  await decideOn(upheld.applicationNo, "异议成立（申请人不予通过，可申诉）", "经不动产登记信息核实，申请人名下有住房一套，异议成立。");
  await decideOn(notUpheld.applicationNo, "异议不成立", "经核实，所述住房已于五年前出售，异议不成立。");
  expect(await statusOf(upheld.id)).toBe("OBJECTION_UPHELD");
  expect(await statusOf(notUpheld.id)).toBe("IN_PUBLICITY");
  const refused = await db.application.findUniqueOrThrow({ where: { id: upheld.id }, select: { appealDueDate: true, rejectionNotifiedAt: true } });
  expect(refused.appealDueDate).not.toBeNull();
  expect(await db.notification.count({ where: { applicationId: upheld.id, templateKey: "publicity.objectionUpheld" } })).toBe(2);

  // The period is over (backdated), and the scheduled jobs run now.
  const past = (days: number) => dateColumn(cstDateFromToday(-days));
  await db.publicityBatch.update({ where: { id: batchId }, data: { startDate: past(12), endDate: past(3) } });
  const city = await newPage(browser, "city.officer");
  await city.goto("/staff");
  await city.getByRole("button", { name: "立即运行到期任务" }).click();
  await expect(city.getByText(/到期任务已运行完毕|到期任务正在运行中/)).toBeVisible();
  await expect.poll(() => statusOf(clean.id), { timeout: 70_000 }).toBe("QUALIFIED");
  await expect.poll(() => statusOf(notUpheld.id)).toBe("QUALIFIED");
  expect(await statusOf(upheld.id)).toBe("OBJECTION_UPHELD");
  const qualification = await db.qualification.findUniqueOrThrow({ where: { applicationId: clean.id } });
  expect(qualification).toMatchObject({ status: "ACTIVE", entitledUnitType: "ONE_BEDROOM" });
  expect(await db.publicityBatch.findUniqueOrThrow({ where: { id: batchId }, select: { status: true } })).toEqual({ status: "CLOSED" });

  // The public page now says the period is over and takes no more objections.
  await visitor.goto(`/publicity/${batchId}`);
  await expect(visitor.getByText(/本批公示已于 .* 期满，不再受理异议/)).toBeVisible();
  await expect(visitor.getByRole("link", { name: /提出异议/ })).toHaveCount(0);
});

test("the public list reads on a phone, masked @phone", async ({ page }) => {
  const app = await createApplication({ status: "IN_PUBLICITY", applicantName: "手机查看" });
  const today = todayCST();
  const end = cstDateFromToday(9);
  const batch = await e2ePrisma().publicityBatch.create({
    data: { districtCode: YUZHONG, title: "渝中区公示（手机）", startDate: dateColumn(today), endDate: dateColumn(end), status: "PUBLISHED", publishedAt: new Date(), entryCount: 1 },
  });
  await e2ePrisma().publicityEntry.create({
    data: { batchId: batch.id, applicationId: app.id, applicationNo: app.applicationNo, displayName: "手***", maskedResidentId: `${app.residentId.slice(0, 6)}********${app.residentId.slice(-4)}`, householdSize: 2, position: 1 },
  });
  await page.goto(`/publicity/${batch.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("渝中区公示（手机）");
  // A card on a phone, a table row on a wide screen: whichever shows has the masked name.
  await expect(page.getByText("手***", { exact: true }).filter({ visible: true })).toHaveCount(1);
  await expect(page.getByText(app.residentId)).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: new RegExp(`（${app.applicationNo}）提出异议`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("提出异议");
});
