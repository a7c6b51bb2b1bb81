import { expect, test } from "@playwright/test";
import { periodIndexInMonth, rentPeriod } from "../../lib/tenancy/billing-rules";
import { formatFen } from "../../lib/money/format";
import { hundredthsText } from "../../lib/rules/money";
import { dateColumn, todayCST } from "../support/clock";
import { e2ePrisma } from "./db";
import { ACCOUNTS, formReady, newPage } from "./support";

// Bank collection files (银行代收, Art. 28-29) as an officer clicks them. The Yuzhong officer
// uploads a bank's CSV with two lines for 郑凯's lease and one for a lease number that does not
// exist; the file reconciles to two matched lines and one unmatched with its reason; the officer
// returns the unmatched line to the bank; the tenant's statement shows the bank receipts.

const PAYING = "13800000011"; // 郑凯, lib/demo/seed.ts (a lease in Yuzhong)
const UNKNOWN = "ZL-500103-2026-999999";

/** The lease's open bills, oldest first, adding the next periods' bills as the billing run writes them until there are `count`. */
async function openBills(leaseId: string, count: number) {
  const db = e2ePrisma();
  const open = () => db.bill.findMany({ where: { leaseId, status: "UNPAID" }, select: { id: true, amountFen: true }, orderBy: { periodStart: "asc" } });
  let bills = await open();
  while (bills.length < count) {
    const lease = await db.lease.findUniqueOrThrow({ where: { id: leaseId }, select: { startDate: true, monthlyRentFen: true, bills: { select: { periodStart: true }, orderBy: { periodStart: "desc" }, take: 1 } } });
    const start = lease.startDate.toISOString().slice(0, 10);
    const last = lease.bills[0]!.periodStart.toISOString().slice(0, 10);
    const next = rentPeriod(start, periodIndexInMonth(start, last.slice(0, 7)) + 1);
    await db.bill.create({ data: { leaseId, periodStart: dateColumn(next.periodStart), periodEnd: dateColumn(next.periodEnd), dueDate: dateColumn(next.dueDate), amountFen: lease.monthlyRentFen, baseRentFen: lease.monthlyRentFen } });
    bills = await open();
  }
  return bills.slice(0, count);
}

test("a bank collection file reconciled with one unmatched line", async ({ browser }) => {
  const db = e2ePrisma();
  const lease = await db.lease.findFirstOrThrow({ where: { tenantUser: { phone: PAYING } }, select: { id: true, leaseNo: true } });
  const [first, second] = await openBills(lease.id, 2);
  const run = Date.now().toString(36).toUpperCase();
  const serials = [`E2E${run}01`, `E2E${run}02`, `E2E${run}03`];
  const today = todayCST();
  const csv = [
    "流水号,合同编号,户名,金额(元),扣款日期",
    `${serials[0]},${lease.leaseNo},郑凯,${hundredthsText(first!.amountFen)},${today}`,
    `${serials[1]},${lease.leaseNo},郑凯,${hundredthsText(second!.amountFen)},${today}`,
    `${serials[2]},${UNKNOWN},王五,300.00,${today}`,
  ].join("\n");

  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await officer.goto("/staff");
  await officer.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "银行代收" }).click();
  await expect(officer).toHaveURL(/\/staff\/collections$/);
  await formReady(officer, "collection-upload");
  await officer.getByLabel("代收银行").selectOption({ label: "重庆农村商业银行" });
  await officer.getByLabel("代收文件（CSV 或 XLSX）").setInputFiles({ name: `代收-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await officer.getByRole("button", { name: "导入并核销" }).click();
  const dialog = officer.getByRole("alertdialog");
  await expect(dialog).toContainText(`代收-${run}.csv`);
  await expect(dialog).toContainText("重庆农村商业银行");
  await dialog.getByRole("button", { name: "导入" }).click();

  await expect(officer).toHaveURL(/\/staff\/collections\/[a-z0-9]+\?imported=1$/);
  await expect(officer.getByText("文件已导入：2 行已匹配，1 行未匹配。")).toBeVisible();
  await expect(officer.getByTestId("total-MATCHED")).toHaveAttribute("data-count", "2");
  await expect(officer.getByTestId("total-UNMATCHED")).toHaveAttribute("data-count", "1");
  await expect(officer.getByTestId("matched-fen")).toHaveText(formatFen(first!.amountFen + second!.amountFen, "zh-CN"));
  const unmatched = officer.locator('[data-testid="collection-line"][data-status="UNMATCHED"]');
  await expect(unmatched).toHaveCount(1);
  await expect(unmatched).toContainText(UNKNOWN);
  await expect(unmatched.getByTestId("line-reason")).toHaveText("没有这个合同编号");
  // Payer names are shown masked.
  await expect(unmatched).toContainText("王*");
  await expect(officer.getByTestId("collection-lines")).not.toContainText("郑凯");

  // Filtered by status: the unmatched line alone.
  await officer.getByRole("navigation", { name: "按状态筛选" }).getByRole("link", { name: /^未匹配/ }).click();
  await expect(officer).toHaveURL(/status=UNMATCHED/);
  await expect(officer.getByTestId("collection-line")).toHaveCount(1);
  await officer.screenshot({ path: test.info().outputPath("collection-file-desktop.png"), fullPage: true });

  // The same file again changes nothing.
  const fileUrl = officer.url().replace(/\?.*$/, "");
  await officer.goto("/staff/collections");
  await formReady(officer, "collection-upload");
  await officer.getByLabel("代收文件（CSV 或 XLSX）").setInputFiles({ name: "again.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await officer.getByRole("button", { name: "导入并核销" }).click();
  await officer.getByRole("alertdialog").getByRole("button", { name: "导入" }).click();
  await expect(officer).toHaveURL(new RegExp(`${fileUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\?already=1$`));
  await expect(officer.getByText("该文件之前已导入，未重复入账。")).toBeVisible();
  expect(await db.rentReceipt.count({ where: { reference: { in: serials.map((s) => `bank:CQRCB:${s}`) } } })).toBe(2);

  // The unmatched line returned to the bank, with a note.
  await officer.goto(`${fileUrl}?status=UNMATCHED`);
  const line = officer.getByTestId("collection-line").first();
  const lineNo = await line.getAttribute("data-line");
  await line.locator("summary").click();
  await formReady(officer, `resolve-${lineNo}`);
  await line.getByLabel("处理方式").selectOption({ label: "退回银行" });
  await line.getByLabel("处理说明").fill("查无此合同，退回银行");
  await line.getByRole("button", { name: "处理", exact: true }).click();
  await expect(officer.getByRole("alertdialog")).toContainText(`将第 ${lineNo} 行的款项标记为退回银行？`);
  await officer.getByRole("alertdialog").getByRole("button", { name: "确认" }).click();
  await expect(officer.getByTestId("total-RESOLVED")).toHaveAttribute("data-count", "1");
  await expect(officer.getByTestId("total-UNMATCHED")).toHaveAttribute("data-count", "0");

  // On a phone the file's page stays within the screen's width.
  await officer.setViewportSize({ width: 360, height: 740 });
  await officer.goto(fileUrl);
  await expect(officer.getByTestId("collection-totals")).toBeVisible();
  expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await officer.screenshot({ path: test.info().outputPath("collection-file-phone.png"), fullPage: true });
  await officer.goto("/staff/collections");
  expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await officer.screenshot({ path: test.info().outputPath("collections-phone.png"), fullPage: true });

  // The tenant's statement shows the two bank receipts.
  const receipts = await db.rentReceipt.findMany({ where: { reference: { in: serials.map((s) => `bank:CQRCB:${s}`) } }, select: { receiptNo: true } });
  const tenant = await newPage(browser, PAYING);
  await tenant.goto(`/me/lease/${lease.leaseNo}`);
  for (const r of receipts) await expect(tenant.getByTestId("receipts")).toContainText(r.receiptNo);
  await expect(tenant.getByTestId("receipts")).toContainText("银行转账/代收");
});
