import { expect, test } from "@playwright/test";
import { freshResidentId, withWrongCheckChar } from "../support/resident-id";
import { ACCOUNTS, signIn } from "./support";

// Art. 17-18: an officer uploads a partner agency's CSV, sees the preview with a row error,
// confirms, and sees the batch imported with the error listed.

test("an officer imports a tax file: preview with a row error, confirm, the batch is listed", async ({ page }) => {
  const fileName = `tax-${Date.now()}.csv`;
  const good1 = freshResidentId({ birthDate: "1984-07-15" });
  const good2 = freshResidentId({ birthDate: "1984-07-15" });
  const bad = withWrongCheckChar(good1);
  const content = `\uFEFF身份证号,姓名,纳税年度,年收入(元)\r\n${good1},张伟,2025,"68,000.00"\r\n${bad},王五,2025,1000\r\n${good2},李娜,2025,1234.5\r\n`;

  await signIn(page, ACCOUNTS.yuzhongOfficer);
  await page.goto("/staff/shared-data");
  await expect(page.getByRole("heading", { level: 1, name: "共享数据导入" })).toBeVisible();
  await page.getByLabel("数据来源（必填）").selectOption("TAX");
  await page.getByLabel("数据文件").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
  await page.getByRole("button", { name: "上传并预览" }).click();

  await expect(page.getByRole("heading", { name: `预览：${fileName}` })).toBeVisible();
  await expect(page.getByText("有 1 行存在错误")).toBeVisible();
  // The file's size through the one byte formatter: under 1 KB, exactly in bytes.
  await expect(page.getByText(`· ${Buffer.byteLength(content, "utf8")} B ·`)).toBeVisible();
  await expect(page.getByText("身份证号：不是有效的18位居民身份证号码")).toBeVisible();
  await expect(page.getByText("第 2 条数据（表格第 3 行）")).toBeVisible();
  // Amounts in yuan, shown back exactly.
  await expect(page.getByRole("cell", { name: "68,000.00" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "1,234.50" })).toBeVisible();

  await page.getByRole("button", { name: "确认导入 2 行有效数据（跳过 1 行）" }).click();
  await expect(page).toHaveURL(/\/staff\/shared-data\/batches\//);
  await expect(page.getByText("导入完成：2 行有效数据已用于核验，1 行有错误已跳过。")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("第 2 条数据（表格第 3 行）")).toBeVisible();

  await page.getByRole("link", { name: "返回共享数据导入" }).click();
  const row = page.getByRole("listitem").filter({ hasText: fileName });
  await expect(row).toContainText("已完成");
  await expect(row).toContainText("3 行，其中错误 1 行");
});
