import { expect, test, type Page } from "@playwright/test";
import { e2ePrisma } from "./db";
import { ACCOUNTS, formReady, signIn } from "./support";

// Housing stock (Art. 6-11, 23): a district's officer manages the district's estates, floor by
// floor; a home's status changes with a reason that goes into its history; municipal estates are
// the municipal agency's to manage.

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A vacant home of the demo's district estate (沙坪坝 梧桐苑), back to vacant for the next run. */
async function vacantDistrictUnit(unitNo: string) {
  const db = e2ePrisma();
  const unit = await db.unit.findFirstOrThrow({ where: { estate: { code: "SPB-002" }, building: { name: "2栋" }, unitNo }, select: { id: true } });
  await db.unit.update({ where: { id: unit.id }, data: { status: "VACANT", statusReason: null } });
  return unit.id;
}

test("a district officer puts a home under repair from the building view, with the reason in its history @phone", async ({ page }) => {
  await vacantDistrictUnit("702");
  await signIn(page, ACCOUNTS.shapingbaOfficer);
  await page.goto("/staff/estates");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("房源管理");
  const district = page.locator('[data-estate="SPB-002"]');
  await expect(district).toContainText("可管理");
  // The municipal estate in the district is there to see, not to manage.
  await expect(page.locator('[data-estate="SPB-001"]')).not.toContainText("可管理");
  await district.getByRole("link", { name: "安居·梧桐苑" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("安居·梧桐苑");
  await page.locator('[data-building="2栋"]').getByRole("link", { name: "2栋" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("安居·梧桐苑 · 2栋");
  // Floors from the top down, each home labelled with its number, type, area and status.
  await expect(page.locator("[data-floor]").first()).toHaveAttribute("data-floor", "12");
  const cell = page.locator('[data-unit="702"]');
  await expect(cell).toHaveAttribute("data-status", "VACANT");
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await cell.click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2栋 702 室");
  await formReady(page, "change-status-form");
  await page.getByLabel("变更为").selectOption("MAINTENANCE");
  await page.getByRole("button", { name: "变更状态" }).click();
  await expect(page.getByText("请写明原因（至少 4 个字）")).toBeVisible();
  await page.getByLabel("原因").fill("卫生间漏水，需更换防水层");
  await page.getByRole("button", { name: "变更状态" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("将 2栋 702 室 的状态变更为“维修中”？");
  await dialog.getByRole("button", { name: "确认变更" }).click();
  await expect(page.getByText("状态已变更为“维修中”。")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("unit-history").locator("li").first()).toContainText("空置可配租 → 维修中");
  await expect(page.getByTestId("unit-history").locator("li").first()).toContainText("卫生间漏水，需更换防水层");
  await expect(page.getByTestId("unit-history").locator("li").first()).toContainText("经办人：");
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

  await page.getByRole("link", { name: "← 返回楼栋" }).click();
  await expect(page.locator('[data-unit="702"]')).toHaveAttribute("data-status", "MAINTENANCE");
  await vacantDistrictUnit("702");
});

test("a district officer adds a home, and a standard rent above 60 % of the market rent is refused", async ({ page }) => {
  const unitNo = `E${String(Date.now()).slice(-5)}`;
  await signIn(page, ACCOUNTS.shapingbaOfficer);
  const estate = await e2ePrisma().building.findFirstOrThrow({ where: { estate: { code: "SPB-002" }, name: "1栋" }, select: { id: true } });
  await page.goto(`/staff/estates/SPB-002/buildings/${estate.id}`);
  const form = page.getByTestId("add-unit-form");
  await form.getByLabel("房号").fill(unitNo);
  await form.getByLabel("所在楼层").fill("12");
  await form.getByLabel("户型").selectOption("ONE_BEDROOM");
  await form.getByLabel("建筑面积（平方米）").fill("48.6");
  await form.getByLabel("朝向").selectOption("NORTH_SOUTH");
  await form.getByLabel("市场租金（元/月）").fill("1458");
  await form.getByLabel("租金标准（元/月）").fill("900");
  await form.getByRole("button", { name: "添加房屋" }).click();
  await expect(form.getByText("租金标准不得高于市场租金的 60%（第二十七条）")).toBeVisible();
  await form.getByLabel("租金标准（元/月）").fill("874.8");
  await form.getByRole("button", { name: "添加房屋" }).click();
  await expect(form.getByText(`已添加 ${unitNo} 室。`)).toBeVisible();
  await page.reload();
  const cell = page.locator(`[data-unit="${unitNo}"]`);
  await expect(cell).toHaveAttribute("data-status", "VACANT");
  await cell.click();
  await expect(page.getByRole("definition").filter({ hasText: "南北通透" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "874.80 元" })).toBeVisible();
  await expect(page.getByTestId("unit-history")).toContainText("录入房源，状态为空置可配租");
});

test("a district officer reads a municipal estate but cannot change it", async ({ page }) => {
  await signIn(page, ACCOUNTS.shapingbaOfficer);
  await page.goto("/staff/estates/SPB-001");
  await expect(page.getByText("市级公租房由市住房保障机构管理，您可以查看。")).toBeVisible();
  await expect(page.getByTestId("add-building-form")).toHaveCount(0);
  // Another district's estate is not in reach at all.
  const response = await page.goto("/staff/estates/YZ-001");
  expect(response?.status()).toBe(404);
});

test("a municipal officer adds a municipal estate, then its first building", async ({ page }) => {
  const code = `YZ-E${String(Date.now()).slice(-6)}`;
  await signIn(page, ACCOUNTS.cityOfficer);
  await page.goto("/staff/estates");
  const form = page.getByTestId("create-estate-form");
  await expect(page.getByText("新增的项目为市级公租房，由市住房保障机构管理。")).toBeVisible();
  await form.getByLabel("项目编号").fill("中文编号");
  await form.getByLabel("所在区县").selectOption("500103");
  await form.getByLabel("项目名称").fill("安居·新桥苑");
  await form.getByLabel("房源筹集方式").selectOption("NEW_CONSTRUCTION");
  await form.getByLabel("投资方式").selectOption("GOVERNMENT");
  await form.getByLabel("产权单位").fill("重庆市公共住房开发建设投资有限公司");
  await form.getByLabel("运营管理单位").fill("安居物业服务有限公司");
  await form.getByRole("textbox", { name: /^地址/ }).fill("渝中区新桥路 9 号");
  await form.getByRole("button", { name: "新增项目" }).click();
  await expect(form.getByText("项目编号由大写字母、数字和连字符组成，2 到 20 位，例如 SPB-003")).toBeVisible();
  await form.getByLabel("项目编号").fill(code);
  await form.getByRole("button", { name: "新增项目" }).click();
  await expect(form.getByText(`已新增项目 ${code}。`)).toBeVisible();
  await form.getByRole("link", { name: "查看项目" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("安居·新桥苑");
  await expect(page.getByText("尚未录入楼栋")).toBeVisible();
  const building = page.getByTestId("add-building-form");
  await building.getByLabel("楼栋名称").fill("1栋");
  await building.getByLabel("总层数").fill("30");
  await building.getByRole("button", { name: "添加楼栋" }).click();
  await expect(building.getByText("已添加楼栋“1栋”。")).toBeVisible();
  await building.getByRole("link", { name: "查看楼栋" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("安居·新桥苑 · 1栋");
  await expect(page.getByText("该楼栋尚未录入房屋")).toBeVisible();
});

test("a district officer imports units from a CSV file: a preview lists a row's problem, a clean file imports into a new building", async ({ page }) => {
  const tag = Date.now().toString(36).slice(-4).toUpperCase();
  const building = `导${tag}`;
  const header = "楼栋,房号,楼层,户型,建筑面积（㎡）,朝向,市场租金（元/月）,标准租金（元/月）,结构,附属设施";
  const file = (rows: string[]) => ({ name: "房源导入.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${[header, ...rows].join("\n")}\n`, "utf8") });
  await signIn(page, ACCOUNTS.shapingbaOfficer);
  await page.goto("/staff/estates/SPB-002");
  const card = page.locator("#import-units");
  await formReady(page, "unit-import");
  // Art. 27: a standard rent above 60 % of the market rent is this row's problem; nothing is imported.
  await card.getByLabel("房源文件").setInputFiles(file([`${building},0101,1,一室一厅,48.6,朝南,1800,1000,,`, `${building},0102,1,一室一厅,48.6,朝南,1800,1500,,`]));
  await card.getByRole("button", { name: "预览" }).click();
  await expect(card.getByTestId("import-problems")).toContainText("第 3 行 · 标准租金（元/月）");
  await expect(card.getByRole("button", { name: /确认导入/ })).toHaveCount(0);

  await card.getByLabel("房源文件").setInputFiles(file([`${building},0101,1,一室一厅,48.6,朝南,1800,1000,,`, `${building},0102,1,两室一厅,62.5,南北通透,2000,1200,,`]));
  await card.getByRole("button", { name: "预览" }).click();
  await expect(card.getByTestId("import-preview")).toContainText(`将新建楼栋：${building}。`);
  await card.getByRole("button", { name: "确认导入 2 套房源" }).click();
  await expect(card.getByText("已导入 2 套房源（新建楼栋 1 个）。")).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(building) }).first()).toBeVisible();
  expect(await e2ePrisma().unit.count({ where: { building: { name: building, estate: { code: "SPB-002" } }, status: "VACANT" } })).toBe(2);
});
