import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addDays } from "../../lib/rules/dates";
import { dateColumn, todayCST } from "../support/clock";
import { e2ePrisma } from "./db";
import { createApplication } from "./review-fixtures";
import { ACCOUNTS, formReady, signIn } from "./support";

// The public lottery (摇号, Art. 23): an officer freezes a pool of a published plan, its entrants
// file and seed commitment become public; at the draw they enter the beacon; anyone checks the
// draw on its verification page and with `npm run lottery:verify`. The plan and its households are
// fixtures (drafting and approving plans have a journey of their own).

/** A published lottery plan of the demo's 枫林苑 (YZ-001) offering two one-bedroom units, and six qualified households who chose it. */
async function publishedPlanWithPool(): Promise<{ planId: string }> {
  const db = e2ePrisma();
  const today = todayCST();
  const estate = await db.estate.findUniqueOrThrow({ where: { code: "YZ-001" }, select: { id: true } });
  const units = await db.unit.findMany({ where: { estateId: estate.id, unitType: "ONE_BEDROOM", status: "VACANT" }, select: { id: true }, take: 2, orderBy: { unitNo: "desc" } });
  const city = await db.user.findUniqueOrThrow({ where: { username: ACCOUNTS.cityOfficer }, select: { id: true } });
  const plan = await db.allocationPlan.create({
    data: {
      districtCode: "500103",
      estateId: estate.id,
      title: `安居·枫林苑公开摇号（${String(Date.now()).slice(-6)}）`,
      method: "LOTTERY",
      status: "PUBLISHED",
      applicationPeriodStart: dateColumn(addDays(today, -30)),
      applicationPeriodEnd: dateColumn(today),
      priorityShareBp: 5000,
      beaconSource: "摇号当日公证员在现场宣读的六位数字",
      selectionStartDate: dateColumn(addDays(today, 10)),
      selectionEndDate: dateColumn(addDays(today, 20)),
      createdById: city.id,
      publishedAt: new Date(),
      publishedById: city.id,
      units: { create: units.map((u) => ({ unitId: u.id })) },
    },
  });
  await db.unit.updateMany({ where: { id: { in: units.map((u) => u.id) } }, data: { status: "RESERVED" } });
  for (let i = 0; i < 6; i++) {
    const app = await createApplication({ status: "QUALIFIED", applicantName: `摇号户${i}`, data: { acceptedAt: new Date(Date.now() - 3 * 86_400_000), isPriority: i < 2 } });
    await db.qualification.create({ data: { applicationId: app.id, qualifiedOn: dateColumn(addDays(today, -1)), entitledUnitType: "ONE_BEDROOM", isPriority: i < 2 } });
    await db.applicationEstatePreference.create({ data: { applicationId: app.id, estateId: estate.id, rank: 1 } });
  }
  return { planId: plan.id };
}

test("an officer freezes a pool and draws it with the beacon; the draw verifies on its page and with lottery:verify", async ({ page, baseURL }) => {
  const { planId } = await publishedPlanWithPool();
  await signIn(page, ACCOUNTS.cityOfficer);
  await page.goto(`/staff/plans/${planId}`);
  const pool = page.locator('[data-pool="ONE_BEDROOM"]');
  await expect(pool).toContainText("未冻结");
  await formReady(page, "freeze-ONE_BEDROOM");
  await pool.getByRole("button", { name: "冻结名单" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认冻结" }).click();
  await expect(pool).toContainText("名单已冻结");
  await expect(pool).toContainText("报名 6 户，其中优先对象 2 户");

  // The frozen entrants file is public, and its SHA-256 is the one published.
  const publicLink = pool.getByRole("link", { name: "公开核验页" });
  const drawId = (await publicLink.getAttribute("href"))!.split("/").pop()!;
  const entrants = await page.request.get(`/api/v1/lotteries/${drawId}/entrants.txt`);
  expect(entrants.headers()["content-type"]).toContain("text/plain");
  const sha = createHash("sha256").update(await entrants.body()).digest("hex");
  const draw = await (await page.request.get(`/api/v1/lotteries/${drawId}`)).json();
  expect(draw).toMatchObject({ status: "COMMITTED", entrantsSha256: sha, seedSecret: null, beacon: null, entrantCount: 6, priorityEntrantCount: 2, priorityShare: 0.5 });
  expect((await page.request.get(`/api/v1/lotteries/${drawId}/result.txt`)).status()).toBe(404);

  await formReady(page, `draw-${drawId}`);
  await pool.getByRole("button", { name: "摇号" }).click();
  await expect(pool.getByText("请输入摇号现场公布的公开随机数")).toBeVisible();
  await pool.getByLabel(/^公开随机数/).fill("382916");
  await pool.getByLabel(/^现场见证人/).fill("渝中区公证处 王公证员");
  await pool.getByRole("button", { name: "摇号" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("以公开随机数“382916”");
  await page.getByRole("alertdialog").getByRole("button", { name: "确认摇号" }).click();
  await expect(pool).toContainText("已摇号");

  await pool.getByRole("link", { name: "公开核验页" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("摇号核验");
  await expect(page.getByText("已摇号", { exact: true })).toBeVisible();
  const steps = page.getByTestId("verify-steps");
  const drawn = await (await page.request.get(`/api/v1/lotteries/${drawId}`)).json();
  expect(drawn.seed).toBe(`${drawn.seedSecret}:382916`);
  await expect(steps).toContainText(drawn.seedSecret);
  await expect(steps).toContainText(`应等于 seedCommitment ${drawn.seedCommitment}`);
  await expect(page.getByText("渝中区公证处 王公证员")).toBeVisible();

  // The result on the page: every line, the selection rate, and a search by application number.
  const lines = (await (await page.request.get(`/api/v1/lotteries/${drawId}/result.txt`)).text()).trimEnd().split("\n");
  await expect(page.getByTestId("selection-rate")).toHaveText("6 户参加，2 户中签，中签率 33.33%。");
  await expect(page.locator("tr[data-result]")).toHaveCount(6);
  const [rank, no] = lines[4]!.split(",");
  await page.getByRole("search").getByLabel("申请编号").fill(no!);
  await page.getByRole("search").getByRole("button", { name: "查找" }).click();
  await expect(page.locator("tr[data-result]")).toHaveCount(1);
  await expect(page.locator(`tr[data-result="${no}"]`)).toContainText(rank!);
  await expect(page.locator(`tr[data-result="${no}"]`)).toContainText("候补");

  // Anyone re-checks the whole draw from the public files alone.
  const verify = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/lottery-verify.ts", baseURL!, drawId], {
    // Playwright runs from the repository root.
    cwd: process.cwd(),
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  expect(verify.stdout).toContain("✓");
});
