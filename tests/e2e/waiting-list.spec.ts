import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2ePrisma } from "./db";
import { createApplicant, createApplication } from "./review-fixtures";
import { ACCOUNTS, formReady, signIn } from "./support";

// The ordered waiting list (轮候, Art. 23): a vacated unit always goes to the head of its list. An
// officer offers a vacant unit from its page; the first household accepts it on a phone; the second
// moves up to first. The estate and its waiting households are fixtures.

/** An estate with one vacant one-bedroom unit and two qualified households waiting for one (2024 before 2025). */
async function vacantUnitAndList(): Promise<{ unitId: string; estateName: string; first: { phone: string; applicationNo: string }; second: { phone: string; applicationNo: string } }> {
  const db = e2ePrisma();
  const tag = Date.now().toString(36).toUpperCase();
  const estate = await db.estate.create({
    data: { code: `E2E-WL-${tag}`, name: `轮候苑${tag.slice(-4)}`, districtCode: "500103", level: "MUNICIPAL", stockSource: "NEW_CONSTRUCTION", investment: "GOVERNMENT", ownerName: "市公租房管理局", operatorName: "安居运营公司", address: "渝中区轮候路 2 号" },
  });
  const building = await db.building.create({ data: { estateId: estate.id, name: "2栋", floors: 6 } });
  const unit = await db.unit.create({
    data: { estateId: estate.id, buildingId: building.id, unitNo: "0501", floor: 5, unitType: "ONE_BEDROOM", floorAreaDm2: 4800, orientation: "SOUTHEAST", status: "VACANT", marketRentFen: 150000, standardRentFen: 90000 },
  });
  const households = [];
  for (const [name, acceptedAt] of [["轮候甲", "2024-11-05T10:00:00+08:00"], ["轮候乙", "2025-01-06T10:00:00+08:00"]] as const) {
    const user = await createApplicant(name);
    const app = await createApplication({ status: "QUALIFIED", applicantName: name, applicantUserId: user.id, data: { acceptedAt: new Date(acceptedAt), preferredUnitType: "ONE_BEDROOM" } });
    await db.qualification.create({ data: { applicationId: app.id, qualifiedOn: new Date("2025-03-01T00:00:00Z"), entitledUnitType: "ONE_BEDROOM" } });
    await db.applicationEstatePreference.create({ data: { applicationId: app.id, estateId: estate.id, rank: 1 } });
    // As the enrolment job writes it (it may also run meanwhile: one live entry per household and estate).
    await db.waitingListEntry.create({ data: { applicationId: app.id, estateId: estate.id, unitType: "ONE_BEDROOM", acceptedAt: new Date(acceptedAt) } });
    households.push({ phone: user.phone, applicationNo: app.applicationNo });
  }
  return { unitId: unit.id, estateName: estate.name, first: households[0]!, second: households[1]! };
}

async function onPhone(browser: Browser, phone: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, phone);
  return page;
}

test("a vacated unit is offered to the head of its waiting list, who accepts it on a phone; the next moves up", async ({ page, browser }) => {
  const { unitId, estateName, first, second } = await vacantUnitAndList();

  // Before: the first household sees its place and the length of the list.
  const one = await onPhone(browser, first.phone);
  await one.goto("/me");
  const waiting = one.getByRole("region", { name: "我的轮候" });
  await expect(waiting.getByTestId("waiting-position")).toHaveText("轮候第 1 位，名单共 2 户");
  await expect(waiting).toContainText("暂无法估计等待时间");

  await signIn(page, ACCOUNTS.yuzhongOfficer);
  await page.goto(`/staff/units/${unitId}`);
  const card = page.locator("#waiting-list-offer");
  await expect(card).toContainText(`将配租给轮候名单第 1 位 ${first.applicationNo}（名单共 2 户）`);
  await formReady(page, "offer-vacated-unit");
  await card.getByLabel(/^确认期限/).fill("31");
  await card.getByRole("button", { name: "配租给轮候第 1 位" }).click();
  await expect(card.getByText("确认期限须为 1 至 30 个工作日的整数。")).toBeVisible();
  await card.getByLabel(/^确认期限/).fill("5");
  await card.getByRole("button", { name: "配租给轮候第 1 位" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`确定将 ${estateName} 2栋0501 配租给轮候第 1 位 ${first.applicationNo} 吗？`);
  await page.getByRole("alertdialog").getByRole("button", { name: "确认配租" }).click();
  // The unit is offered now: its history says how.
  await expect(page.getByTestId("unit-history")).toContainText("按轮候顺序配租");
  await expect(page.locator("#waiting-list-offer")).toHaveCount(0);

  // The head accepts on the phone.
  await one.reload();
  const offer = one.getByTestId("list-offer");
  await expect(offer).toContainText(`按轮候顺序配租给您的房源：${estateName} 2栋0501（48.00㎡）`);
  await formReady(one, "accept-offer");
  await offer.getByRole("button", { name: "确认接受此房" }).click();
  await one.getByRole("alertdialog").getByRole("button", { name: "确认接受" }).click();
  await expect(one.getByTestId("list-offer")).toHaveAttribute("data-status", "ACCEPTED");
  expect(await one.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The second is first now, in the portal and in the public ranking.
  const two = await onPhone(browser, second.phone);
  await two.goto("/me");
  await expect(two.getByRole("region", { name: "我的轮候" }).getByTestId("waiting-position")).toHaveText("轮候第 1 位，名单共 1 户");
  const code = (await e2ePrisma().unit.findUniqueOrThrow({ where: { id: unitId }, select: { estate: { select: { code: true } } } })).estate.code;
  const ranking = await page.request.get(`/api/v1/waiting-lists/${code}.ONE_BEDROOM/ranking.txt`);
  expect(await ranking.text()).toBe(`1,${second.applicationNo},2025,G\n`);
});
