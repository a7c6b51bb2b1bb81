import { createHmac } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";

/** Demo accounts seeded by lib/demo/seed.ts (printed by `npm start`). */
export const DEMO_PASSWORD = "anju2025";
export const ACCOUNTS = {
  applicant: "13800000001",
  yuzhongOfficer: "yuzhong.officer",
  shapingbaOfficer: "shapingba.officer",
  cityOfficer: "city.officer",
  admin: "admin",
} as const;

export async function signIn(page: Page, account: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("手机号码或用户名").fill(account);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A page in a browser context of its own (its own cookies), signed in as `account` when given; on another server with `baseURL`. */
export async function newPage(browser: Browser, account?: string, options: { baseURL?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: options.baseURL ?? test.info().project.use.baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  if (account) await signIn(page, account);
  return page;
}

/** Waits until a form is hydrated (a click before that would skip its confirmation). */
export async function formReady(page: Page, testId: string): Promise<void> {
  await expect(page.locator(`form[data-testid="${testId}"][data-ready]`)).toBeVisible();
}

/**
 * The headers the 渝快办 platform sends with a request to the intake API (shared/docs/intake-api.md),
 * signed here as the platform signs them rather than with the server's own code.
 */
export function signedIntakeHeaders(body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  // playwright.config.ts configures the journeys' secret (a real database refuses the development one).
  const secret = process.env.INTAKE_HMAC_SECRET!;
  const signature = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
  return { "content-type": "application/json", "x-intake-timestamp": timestamp, "x-intake-signature": signature };
}
