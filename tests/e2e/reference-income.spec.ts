import { expect, test } from "@playwright/test";
import { todayCST } from "../support/clock";
import { e2ePrisma } from "./db";
import { ACCOUNTS, formReady, signIn } from "./support";

// Art. 13.4: municipal officers keep the reference figure R that pre-checks and re-checks use.
test("a municipal officer sees which year's figure applies and records a correction", async ({ page }) => {
  const lastYear = Number(todayCST().slice(0, 4)) - 1;
  const before = await e2ePrisma().referenceIncome.findUniqueOrThrow({ where: { year: lastYear } });
  await signIn(page, ACCOUNTS.cityOfficer);
  await page.getByRole("link", { name: "收入标准" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("城镇居民人均可支配收入");
  await expect(page.getByText(`适用 ${lastYear} 年度数据`)).toBeVisible();
  await expect(page.getByTestId(`reference-income-${lastYear}`)).toContainText("正在使用");

  await formReady(page, "reference-income-form");
  await page.getByLabel("年度").fill(String(lastYear));
  await page.getByLabel(/人均可支配收入（元\/年）/).fill("abc");
  await page.getByLabel("数据来源").fill("重庆市统计局统计公报（演示更正）");
  await page.getByLabel("公布日期").fill(`${lastYear + 1}-01-02`);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("请填写大于 0 的金额，最多两位小数")).toBeVisible();
  await page.getByLabel(/人均可支配收入（元\/年）/).fill("53,000.50");
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认保存" }).click();
  await expect(page.getByText(`${lastYear} 年度的数据已保存。`)).toBeVisible();
  const row = await e2ePrisma().referenceIncome.findUniqueOrThrow({ where: { year: lastYear } });
  expect(row.perCapitaDisposableIncomeFen).toBe(5_300_050);
  // Other journeys count on the demo's figure.
  await e2ePrisma().referenceIncome.update({ where: { year: lastYear }, data: { perCapitaDisposableIncomeFen: before.perCapitaDisposableIncomeFen, source: before.source } });
});

test("a district officer has no such page", async ({ page }) => {
  await signIn(page, ACCOUNTS.yuzhongOfficer);
  const response = await page.goto("/staff/reference-incomes");
  expect(response?.status()).toBe(403);
});
