import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { entrantResult } from "../../lib/allocation/draw-json";
import { drawSeed, entrantsFile, resultFile, resultLines, sha256Hex } from "../../lib/lottery/publication";
import { addDays } from "../../lib/rules/dates";
import { seedCommitment } from "../../lib/rules/lottery";
import { dateColumn, todayCST } from "../support/clock";
import { e2ePrisma } from "./db";
import { createApplicant, createApplication, staffId } from "./review-fixtures";
import { ACCOUNTS, formReady, signIn } from "./support";

// Unit selection (选房, Art. 23) after a draw, on a phone: the officer opens the selection; the
// first in rank picks a unit in their window and accepts it; the second finds the same unit just
// taken and gives up the turn, which passes to the waitlisted third. The drawn pool is a fixture
// (freezing and drawing have a journey of their own): its files are made as the draw makes them.

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

interface DrawnPool {
  drawId: string;
  estateName: string;
  /** The households' phone numbers in rank order. */
  ranked: string[];
}

/** An estate of two reserved two-bedroom units in a published lottery plan, drawn among three households. */
async function drawnPool(): Promise<DrawnPool> {
  const db = e2ePrisma();
  const tag = Date.now().toString(36).toUpperCase();
  const today = todayCST();
  const estate = await db.estate.create({
    data: { code: `E2E-SEL-${tag}`, name: `选房苑${tag.slice(-4)}`, districtCode: "500103", level: "MUNICIPAL", stockSource: "NEW_CONSTRUCTION", investment: "GOVERNMENT", ownerName: "市公租房管理局", operatorName: "安居运营公司", address: "渝中区选房路 1 号" },
  });
  const building = await db.building.create({ data: { estateId: estate.id, name: "1栋", floors: 12 } });
  const units = await Promise.all(
    ["1201", "0302"].map((unitNo) =>
      db.unit.create({
        data: { estateId: estate.id, buildingId: building.id, unitNo, floor: Number(unitNo.slice(0, 2)), unitType: "TWO_BEDROOM", floorAreaDm2: 6250, orientation: "SOUTH", status: "RESERVED", marketRentFen: 180000, standardRentFen: 100000 },
        select: { id: true },
      }),
    ),
  );
  const city = await staffId(ACCOUNTS.cityOfficer);
  const plan = await db.allocationPlan.create({
    data: {
      districtCode: "500103",
      estateId: estate.id,
      title: `${estate.name}公开摇号配租`,
      method: "LOTTERY",
      status: "PUBLISHED",
      applicationPeriodStart: dateColumn(addDays(today, -30)),
      applicationPeriodEnd: dateColumn(today),
      beaconSource: "摇号当日公证员宣读的六位数字",
      createdById: city,
      publishedAt: new Date(),
      publishedById: city,
      units: { create: units.map((u) => ({ unitId: u.id })) },
    },
  });
  const households: Array<{ id: string; applicationNo: string; phone: string }> = [];
  for (let i = 0; i < 3; i++) {
    const user = await createApplicant(`选房户${i}`);
    const app = await createApplication({ status: "QUALIFIED", applicantName: `选房户${i}`, applicantUserId: user.id });
    households.push({ ...app, phone: user.phone });
  }
  // As drawPool writes a draw: the entrants file, the commitment, the beacon and every result.
  const entrants = households.map((h) => ({ applicationNo: h.applicationNo, priority: false }));
  const file = entrantsFile(entrants);
  const secret = randomBytes(32).toString("hex");
  const seed = drawSeed(secret, "604215");
  const rows = resultLines(seed, entrants, units.length, 0);
  const committedAt = new Date(Date.now() - 3_600_000);
  const draw = await db.lotteryDraw.create({
    data: {
      planId: plan.id,
      unitType: "TWO_BEDROOM",
      unitsCount: units.length,
      seedCommitment: seedCommitment(secret),
      committedAt,
      status: "DRAWN",
      entrantCount: entrants.length,
      priorityEntrantCount: 0,
      entrantsSha256: sha256Hex(file),
      entrantsFile: file,
      beaconSource: plan.beaconSource!,
      seedSecret: secret,
      beacon: "604215",
      seed,
      drawnAt: new Date(committedAt.getTime() + 60_000),
      drawnById: city,
      resultFile: resultFile(rows),
      entrants: {
        create: rows.map((r) => ({
          applicationId: households.find((h) => h.applicationNo === r.applicationNo)!.id,
          applicationNo: r.applicationNo,
          ticket: r.ticket,
          rank: r.rank,
          ...entrantResult(r.outcome),
        })),
      },
    },
  });
  return { drawId: draw.id, estateName: estate.name, ranked: rows.map((r) => households.find((h) => h.applicationNo === r.applicationNo)!.phone) };
}

async function household(browser: Browser, phone: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, phone);
  return page;
}

/** From the applicant's home to the pool's page, and the unit 1201 chosen on the building view. */
async function chooseUnit1201(page: Page, estateName: string): Promise<void> {
  await page.goto("/me");
  const entry = page.getByRole("region", { name: "我的配租" }).getByRole("listitem").filter({ hasText: estateName });
  await expect(entry).toContainText("正在选房");
  await entry.getByRole("link", { name: "去选房" }).click();
  await expect(page.getByTestId("turn-status")).toContainText("现在轮到您选房");
  await page.getByRole("link", { name: /1栋1201，62.50平方米，朝南，可选/ }).click();
  await expect(page.getByTestId("chosen-unit")).toContainText("您选中了 1栋1201");
  await formReady(page, "pick-unit");
}

test("the first in rank picks and accepts a unit on a phone; the second finds it taken and gives up, and the turn passes on", async ({ page, browser }) => {
  const pool = await drawnPool();
  const [first, second, third] = pool.ranked;

  // The officer opens the selection: windows of 24 hours, two households at a time.
  await signIn(page, ACCOUNTS.yuzhongOfficer);
  await page.goto(`/staff/draws/${pool.drawId}`);
  await formReady(page, "open-selection");
  await page.getByLabel(/^每户选房时长/).fill("0");
  await page.getByRole("button", { name: "开始选房" }).click();
  await expect(page.getByText("每户选房时长须为 1 至 168 小时的整数。")).toBeVisible();
  await page.getByLabel(/^每户选房时长/).fill("24");
  await page.getByLabel(/^同时选房的家庭数/).fill("2");
  await page.getByRole("button", { name: "开始选房" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("每户选房 24 小时，2 户同时选房");
  await page.getByRole("alertdialog").getByRole("button", { name: "确认开始" }).click();
  await expect(page.getByRole("heading", { name: "选房设置" })).toBeVisible();
  await expect(page.locator(`tr[data-turn="OPEN"]`)).toHaveCount(2);

  // Both winners have the same unit in front of them; the first picks it.
  const one = await household(browser, first!);
  const two = await household(browser, second!);
  await chooseUnit1201(one, pool.estateName);
  await chooseUnit1201(two, pool.estateName);
  await one.getByRole("button", { name: "选定此房" }).click();
  await expect(one.getByRole("alertdialog")).toContainText(`确定选择 ${pool.estateName} 1栋1201 吗？`);
  await one.getByRole("alertdialog").getByRole("button", { name: "确认选定" }).click();
  await expect(one.getByTestId("offer")).toContainText(`${pool.estateName} 1栋1201（62.50㎡）`);
  await expect(one.getByTestId("turn-status")).toContainText("您已选定房源");

  // The second's pick of the same unit is refused, clearly, and changes nothing.
  await two.getByRole("button", { name: "选定此房" }).click();
  await two.getByRole("alertdialog").getByRole("button", { name: "确认选定" }).click();
  await expect(two.getByText("该房源刚被其他家庭选定或已不可选，请选择其他房源。")).toBeVisible();

  // The first accepts; the application is allocated.
  await formReady(one, "accept-offer");
  await one.getByRole("button", { name: "确认接受此房" }).click();
  await one.getByRole("alertdialog").getByRole("button", { name: "确认接受" }).click();
  await expect(one.getByTestId("offer")).toHaveAttribute("data-status", "ACCEPTED");
  await expect(one.getByText(/您已确认 .*1栋1201/)).toBeVisible();

  // The second gives up the turn; it passes to the third, who was waitlisted.
  await two.goto(`/me/selection/${pool.drawId}`);
  await expect(two.getByRole("link", { name: /1栋1201.*已选/ })).toHaveCount(0);
  await formReady(two, "decline-turn");
  await two.getByRole("button", { name: "放弃本轮选房" }).click();
  await two.getByRole("alertdialog").getByRole("button", { name: "确认放弃" }).click();
  await expect(two.getByTestId("turn-status")).toContainText("您已放弃本轮选房");

  const three = await household(browser, third!);
  await three.goto(`/me/selection/${pool.drawId}`);
  await expect(three.getByTestId("turn-status")).toContainText("现在轮到您选房");
  await expect(three.getByText("第 3 位 · 候补")).toBeVisible();
  await expect(three.getByRole("link", { name: /1栋0302.*可选/ })).toBeVisible();
  // The page fits the phone: nothing wider than the viewport.
  const width = await three.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  // The third's window closes while the page is open: the pick is refused, clearly, and nothing changes.
  await three.getByRole("link", { name: /1栋0302.*可选/ }).click();
  await formReady(three, "pick-unit");
  await e2ePrisma().lotteryEntrant.updateMany({ where: { drawId: pool.drawId, turnStatus: "OPEN" }, data: { turnClosesAt: new Date(Date.now() - 60_000) } });
  await three.getByRole("button", { name: "选定此房" }).click();
  await three.getByRole("alertdialog").getByRole("button", { name: "确认选定" }).click();
  await expect(three.getByText("您的选房时间已过，本轮选房机会已顺延给下一位。")).toBeVisible();
  expect(await e2ePrisma().offer.count({ where: { lotteryEntrant: { drawId: pool.drawId }, status: "PENDING" } })).toBe(0);

  // The officer sees where each household stands.
  await page.reload();
  await expect(page.locator(`[data-offer-status="ACCEPTED"]`)).toContainText("1栋1201");
  await expect(page.locator(`tr[data-turn="DECLINED"]`)).toHaveCount(1);
  await expect(page.locator(`[data-offer-status="ACCEPTED"]`)).toHaveCount(1);
});
