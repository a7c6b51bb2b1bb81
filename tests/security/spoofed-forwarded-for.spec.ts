import { expect, test } from "@playwright/test";
import { e2ePrisma } from "../e2e/db";

// Part 7 of the hardening (docs/decisions/030-client-addresses-and-csp.md): a client that forges
// X-Forwarded-For, sent straight to the portal's server (no trusted proxy: TRUSTED_PROXIES is
// unset here), is still counted by the address it connects from. The per-address sign-in limit
// (30 attempts in 15 minutes, lib/auth/login-throttle.ts) locks it although every attempt names
// another account and claims another address.
const PEER_KEY = "ip:127.0.0.1";

test.afterEach(async () => {
  // The journeys sign in from the same loopback address: leave them no lock.
  await e2ePrisma().loginThrottle.deleteMany({ where: { OR: [{ key: PEER_KEY }, { key: { startsWith: "ip:198.51.100." } }, { key: { startsWith: "account:username:forged-xff-" } }] } });
});

test("a forged X-Forwarded-For does not escape the per-address sign-in limit", async ({ browser }) => {
  await e2ePrisma().loginThrottle.deleteMany({ where: { key: PEER_KEY } });
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  let attempt = 0;
  // Every request of this page claims a new address, as a forger's script would.
  await page.route("**/*", (route) => route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": `198.51.100.${attempt + 1}`, "x-real-ip": `198.51.100.${attempt + 1}`, "x-anju-peer-address": `198.51.100.${attempt + 1}` } }));
  // One attempt at a time: the answer to each comes back before the next is typed.
  const submit = async () => {
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "登录" }).click();
    await answered;
  };
  await page.goto("/login");
  for (; attempt < 30; attempt++) {
    await page.getByLabel("手机号码或用户名").fill(`forged-xff-${attempt}`);
    await page.getByLabel("密码", { exact: true }).fill("wrong-password-1");
    await submit();
    // The 30th attempt is still checked, and reaching the limit is said at once.
    await expect(page.getByText(attempt < 29 ? "账号或密码错误。" : /登录尝试过多/)).toBeVisible();
  }
  await page.getByLabel("手机号码或用户名").fill("forged-xff-last");
  await page.getByLabel("密码", { exact: true }).fill("wrong-password-1");
  await submit();
  await expect(page.getByText(/登录尝试过多/)).toBeVisible();

  const rows = await e2ePrisma().loginThrottle.findMany({ where: { OR: [{ key: PEER_KEY }, { key: { startsWith: "ip:198.51.100." } }] } });
  expect(rows.map((r) => r.key)).toEqual([PEER_KEY]);
  expect(rows[0]!.failures).toBe(31);
  expect(rows[0]!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  await context.close();
});
