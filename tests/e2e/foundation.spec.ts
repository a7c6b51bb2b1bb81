import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2ePrisma } from "./db";
import { ACCOUNTS, signIn } from "./support";

test.describe("each role signs in and lands on its own home page", () => {
  const cases = [
    { who: "an applicant", account: ACCOUNTS.applicant, path: /\/me$/ },
    { who: "a district officer", account: ACCOUNTS.yuzhongOfficer, path: /\/staff$/ },
    { who: "a municipal officer", account: ACCOUNTS.cityOfficer, path: /\/staff$/ },
    { who: "an administrator", account: ACCOUNTS.admin, path: /\/staff\/admin$/ },
  ];
  for (const { who, account, path } of cases) {
    test(who, async ({ page }) => {
      await signIn(page, account);
      await expect(page).toHaveURL(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
  }
});

test("an applicant cannot open a staff page", async ({ page }) => {
  await signIn(page, ACCOUNTS.applicant);
  const response = await page.goto("/staff");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});

test("a district officer opens their own district's records but not another district's", async ({ page }) => {
  await signIn(page, ACCOUNTS.yuzhongOfficer);
  const own = await page.goto("/staff/districts/500103");
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("渝中区");
  const other = await page.goto("/staff/districts/500106");
  expect(other?.status()).toBe(403);
  await expect(page.getByText("沙坪坝区")).toHaveCount(0);
});

test("a municipal officer opens any district's records", async ({ page }) => {
  await signIn(page, ACCOUNTS.cityOfficer);
  const response = await page.goto("/staff/districts/500106");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("沙坪坝区");
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?next=%2Fme/);
});

test("bad sign-in input gets a clear message, never an error page", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText(/请输入/).first()).toBeVisible();

  await page.getByLabel("手机号码或用户名").fill(ACCOUNTS.applicant);
  await page.getByLabel("密码", { exact: true }).fill("wrong-password-1");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "账号或密码错误" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("the language can be switched to English @phone", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the server tells from its database whether it is the demo, and the journeys' intake API takes only its configured secret", async ({ request }) => {
  const onRealDatabase = Boolean(process.env.TEST_DATABASE_URL);
  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ ok: true, mode: onRealDatabase ? "production" : "demo" });
  const body = JSON.stringify({ externalId: "ykb-dev-secret-probe" });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac("sha256", "dev-intake-secret").update(`${timestamp}.${body}`).digest("hex")}`;
  const response = await request.post("/api/v1/intake/applications", {
    data: body,
    headers: { "content-type": "application/json", "x-intake-timestamp": timestamp, "x-intake-signature": signature },
  });
  // The journeys configure their own secret, so the development one is refused either way: with
  // 401 (a wrong signature) where a secret is configured.
  expect(response.status()).toBe(401);
});

test("the public pages come from the cache for everyone, and the header still shows who is signed in", async ({ page, request }) => {
  // Nobody signed in, asked twice: the second answer is the stored page.
  await request.get("/publicity");
  expect((await request.get("/publicity")).headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
  // The allocation pages without a query: a plan, the waiting lists, a directed allocation's notice; the rent standards.
  const db = e2ePrisma();
  const plan = await db.allocationPlan.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true } });
  const directed = await db.directedAllocation.findFirstOrThrow({ select: { id: true } });
  for (const path of [`/plans/${plan.id}`, "/waiting-lists", `/directed/${directed.id}`, "/rent-standards"]) {
    expect((await request.get(path)).status()).toBe(200);
    expect((await request.get(path)).headers()["x-nextjs-cache"], path).toMatch(/HIT|STALE/);
  }
  await signIn(page, ACCOUNTS.applicant);
  await page.goto("/publicity");
  const header = page.locator("header");
  await expect(header.getByRole("button", { name: "退出" })).toBeVisible();
  await expect(header.getByRole("link", { name: "我的申请" })).toBeVisible();
  await expect(header.getByRole("link", { name: "登录" })).toHaveCount(0);
  // The home page's button leads to the applicant's own area.
  await page.goto("/");
  await expect(page.getByRole("main").getByRole("link", { name: /我的申请/ })).toBeVisible();
  await header.getByRole("button", { name: "退出" }).click();
  await expect(header.getByRole("link", { name: "登录" })).toBeVisible();
  await expect(header.getByRole("button", { name: "退出" })).toHaveCount(0);
});

test("the language switch keeps the visitor on the page and the address without a language in it", async ({ page }) => {
  await page.goto("/publicity?page=1");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/publicity(\?page=1)?$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publicity lists");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("公示公告");
});
