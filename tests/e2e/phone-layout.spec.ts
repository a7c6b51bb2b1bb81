// Journeys at 360 px, as a new user on a phone finds the portal: the public publicity list shows
// every entry with its objection link in reach and names on one line (Art. 19), and a district
// officer reaches every section of the staff navigation.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { e2ePrisma } from "./db";
import { dateColumn, todayCST } from "../support/clock";
import { createApplication } from "./review-fixtures";
import { ACCOUNTS, signIn } from "./support";

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** How far the document scrolls sideways (0 when it does not). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Within the 360 px viewport horizontally, once scrolled to vertically. */
async function expectReachable(page: Page, locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  await expect(locator).toBeInViewport({ ratio: 0.9 });
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** How many lines an element's text takes (one rectangle per line box). */
async function lineCount(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return tops.size;
  });
}

test("the public publicity list on a phone: every entry's objection link in reach, names on one line", async ({ page }) => {
  const db = e2ePrisma();
  const today = todayCST();
  const later = new Date(Date.parse(`${today}T00:00:00Z`) + 9 * 86_400_000).toISOString().slice(0, 10);
  const batch = await db.publicityBatch.create({
    data: { districtCode: "500103", title: "渝中区公共租赁住房保障对象资格审核公示（手机）", startDate: dateColumn(today), endDate: dateColumn(later), status: "PUBLISHED", publishedAt: new Date(), entryCount: 3 },
  });
  // Masked as published: long names keep their mask on one line.
  const names = ["欧阳****", "测****", "司马***"];
  const apps = [];
  for (const [i, displayName] of names.entries()) {
    const app = await createApplication({ status: "IN_PUBLICITY", applicantName: `手机公示${i}` });
    await db.publicityEntry.create({
      data: { batchId: batch.id, applicationId: app.id, applicationNo: app.applicationNo, displayName, maskedResidentId: `${app.residentId.slice(0, 6)}********${app.residentId.slice(-4)}`, householdSize: 2, position: i + 1 },
    });
    apps.push({ ...app, displayName });
  }

  await page.goto(`/publicity/${batch.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("（手机）");
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  for (const app of apps) {
    const card = page.locator(`[data-entry="${app.applicationNo}"]`);
    await expect(card).toBeVisible();
    await expect(card).toContainText(app.displayName);
    await expect(card).toContainText("一室一厅");
    const name = card.getByText(app.displayName, { exact: true });
    expect(await lineCount(name)).toBe(1);
    const link = page.getByRole("link", { name: `对 ${app.displayName}（${app.applicationNo}）提出异议` });
    await expectReachable(page, link);
  }
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await expect(page.getByText(apps[0]!.residentId)).toHaveCount(0);

  await page.getByRole("link", { name: `对 ${apps[2]!.displayName}（${apps[2]!.applicationNo}）提出异议` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("提出异议");
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
});

test("a district officer on a phone reaches every section of the navigation", async ({ page }) => {
  await signIn(page, ACCOUNTS.yuzhongOfficer);
  await expect(page).toHaveURL(/\/staff$/);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  const nav = page.getByRole("navigation", { name: "主导航" });
  const expected = ["工作台", "本区县", "审核队列", "公示管理", "年度复核", "共享数据", "抽查整改"];

  // The sections sit behind a visible menu button that says where one is.
  const menu = nav.getByRole("button", { name: /菜单/ });
  await expect(menu).toBeVisible();
  await expect(menu).toContainText("工作台");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  for (const name of expected) await expect(nav.getByRole("link", { name, exact: true })).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const name of expected) await expectReachable(page, nav.getByRole("link", { name, exact: true }));
  await expect(nav.getByRole("link", { name: "工作台", exact: true })).toHaveAttribute("aria-current", "page");
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

  // Keyboard: Escape closes the menu and gives the focus back to the button; Enter opens it again.
  await nav.getByRole("link", { name: "审核队列", exact: true }).focus();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "工作台", exact: true })).toBeFocused();

  // Following a link closes the menu on the new page.
  await nav.getByRole("link", { name: "抽查整改", exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/audits$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toContainText("抽查整改");
});
