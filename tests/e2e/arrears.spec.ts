import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { e2ePrisma } from "./db";
import { ACCOUNTS, newPage } from "./support";

// Arrears by age (Art. 29, 39) as an officer uses them. The Yuzhong officer opens the arrears page:
// the demo tenant 袁刚 (seven months unpaid, lib/demo/seed-leaving.ts DEMO_ARREARS) is in the oldest
// bucket and flagged six months or more; the chart draws; the XLSX export holds the same row; the
// link leads to the lease page, whose leaving panel offers the vacate order on the ground of arrears.

const ARREARS_TENANT = "13800000019"; // 袁刚, DEMO_ARREARS

test("the district officer finds six months of arrears, exports them and opens the lease to order the vacating", async ({ browser }) => {
  test.setTimeout(120_000);
  const lease = await e2ePrisma().lease.findFirstOrThrow({ where: { tenantUser: { phone: ARREARS_TENANT }, status: { in: ["ACTIVE", "HOLDING_OVER"] } }, select: { leaseNo: true } });
  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await officer.goto("/staff");
  await officer.getByRole("link", { name: "欠租账龄" }).first().click();
  await expect(officer).toHaveURL(/\/staff\/arrears$/);
  await expect(officer.getByRole("heading", { level: 1, name: "欠租账龄" })).toBeVisible();

  const row = officer.locator(`[data-testid="arrears-row"][data-lease-no="${lease.leaseNo}"]`);
  await expect(row).toContainText("袁刚");
  await expect(row).toContainText("满6个月");
  await expect(row).toContainText("180天以上");
  await expect(officer.getByTestId("arrears-tile-six")).not.toContainText("0 份合同");
  // The chart is drawn (recharts renders an svg with one bar per bucket that has arrears).
  await expect(officer.getByTestId("arrears-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(officer.getByTestId("arrears-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await officer.screenshot({ path: test.info().outputPath("arrears-desktop.png"), fullPage: true });

  // Only six months or more: he is still there, the others below six are not.
  await officer.getByLabel("仅累计6个月及以上").check();
  await officer.getByRole("button", { name: "筛选" }).click();
  await expect(officer).toHaveURL(/six=1/);
  await expect(row).toBeVisible();
  for (const flag of await officer.getByTestId("arrears-row").all()) await expect(flag).toContainText("满6个月");

  // The export: the same list as a workbook.
  const href = await officer.getByTestId("arrears-xlsx").getAttribute("href");
  expect(href).toBe("/api/arrears/xlsx?six=1");
  const response = await officer.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(["合同编号", "合同状态", "承租人"]);
  const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
  expect(rows.length).toBe(await officer.getByTestId("arrears-row").count());
  const his = rows.find((r) => r[0] === lease.leaseNo)!;
  expect(his[2]).toBe("袁刚");
  expect(his[13]).toBe("是");
  expect(typeof his[6]).toBe("number");
  // Seven months late: the late fees to today (Art. 29) have a column of their own, as on the page.
  expect(sheet.getRow(1).getCell(8).value).toBe("滞纳金（元，截至今日，第二十九条）");
  expect(his[7] as number).toBeGreaterThan(0);
  // Without a session the export is refused.
  const anonymous = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.request.get("/api/arrears/xlsx")).status()).toBe(401);
  await anonymous.close();

  // At phone width the page does not overflow: the table scrolls inside its card.
  await officer.setViewportSize({ width: 360, height: 740 });
  await officer.goto("/staff/arrears");
  await expect(officer.getByTestId("arrears-chart").locator("svg.recharts-surface")).toBeVisible();
  expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await officer.screenshot({ path: test.info().outputPath("arrears-phone.png"), fullPage: true });
  await officer.setViewportSize({ width: 1280, height: 800 });

  // The lease page: the leaving panel says the arrears reach six months and offers the order.
  await row.getByRole("link", { name: lease.leaseNo }).click();
  await expect(officer).toHaveURL(new RegExp(`/staff/leases/${lease.leaseNo}$`));
  const panel = officer.getByTestId("leaving-panel");
  await expect(panel).toContainText("已达6个月租金，可按第三十九条发出腾退通知");
  await expect(officer.locator('form[data-testid="issue-vacate-order"] select[name="ground"] option[value="RENT_ARREARS"]')).toHaveCount(1);
});
