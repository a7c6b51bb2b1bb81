import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, newPage } from "./support";

// The tamper-evident audit trail (decision 029) as an administrator exports it for an inspector:
// the period form says in Chinese what is missing, an empty period says so, and today's period
// (the demo was seeded today) downloads a workbook whose first sheet says the chain verified.

const todayCST = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

test("the administrator exports today's audit trail with its chain verified", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await newPage(browser, ACCOUNTS.admin);
  await admin.goto("/staff/admin");
  await admin.getByRole("link", { name: "导出审计记录" }).click();
  await expect(admin).toHaveURL(/\/staff\/admin\/audit$/);
  await expect(admin.getByRole("heading", { level: 1, name: "审计记录导出" })).toBeVisible();

  await admin.getByRole("button", { name: "查询" }).click();
  await expect(admin.getByText("请填写起始日期。")).toBeVisible();
  await expect(admin.getByText("请填写截止日期。")).toBeVisible();

  await admin.getByLabel("起始日期").fill("2020-01-01");
  await admin.getByLabel("截止日期").fill("2020-01-02");
  await admin.getByRole("button", { name: "查询" }).click();
  await expect(admin.getByText("该时段没有审计记录")).toBeVisible();

  const today = todayCST();
  await admin.getByLabel("起始日期").fill(today);
  await admin.getByLabel("截止日期").fill(today);
  await admin.getByRole("button", { name: "查询" }).click();
  await expect(admin.getByTestId("audit-count")).toContainText("该时段共有");
  const href = await admin.getByTestId("audit-xlsx").getAttribute("href");
  expect(href).toBe(`/api/admin/audit-trail/xlsx?from=${today}&to=${today}`);
  const response = await admin.request.get(href!);
  expect(response.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  expect(String(book.worksheets[0]!.getRow(3).getCell(2).value)).toMatch(/^通过：/);
  expect((book.worksheets[1]!.getRow(1).values as unknown[]).slice(1, 3)).toEqual(["序号", "时间（北京时间）"]);
  expect(book.worksheets[1]!.rowCount).toBeGreaterThan(1);

  // An officer is refused, on the server.
  const officer = await newPage(browser, ACCOUNTS.cityOfficer);
  expect((await officer.request.get(href!)).status()).toBe(403);
});
