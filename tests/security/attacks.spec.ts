// The security suite, against the running portal (production hardening): each test replays an
// attack and shows that it fails. The database-level attacks are in tests/security/*.integration.test.ts.
import { createHmac } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { e2ePrisma } from "../e2e/db";
import { createApplicant } from "../e2e/review-fixtures";
import { newPage, signedIntakeHeaders, signIn } from "../e2e/support";

/** Signs in `phone` in a fresh context and returns the session cookies a thief would copy. */
async function stolenCookies(browser: Browser, phone: string) {
  const page = await newPage(browser, phone);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);
  return { page, cookies };
}

/** A new browser holding only `cookies`. */
async function withCookies(browser: Browser, cookies: Awaited<ReturnType<typeof stolenCookies>>["cookies"]) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "zh-CN" });
  await context.addCookies(cookies);
  return context;
}

test.describe("revoked sessions", () => {
  test("a copied session cookie stops working when its owner signs out, on every device", async ({ browser }) => {
    const applicant = await createApplicant("被盗会话");
    const { page, cookies } = await stolenCookies(browser, applicant.phone);
    const thief = await withCookies(browser, cookies);
    // The copy works while the owner is signed in…
    expect((await (await thief.request.get("/api/session")).json()).session).toMatchObject({ name: "被盗会话" });
    // …and not a moment after the owner signs out on their own device.
    await page.goto("/me");
    await page.locator("header").getByRole("button", { name: "退出" }).click();
    await expect(page).toHaveURL(/\/$/);
    expect(await (await thief.request.get("/api/session")).json()).toEqual({ session: null });
    const thiefPage = await thief.newPage();
    await thiefPage.goto("/me");
    await expect(thiefPage).toHaveURL(/\/login/);
    await thief.close();
    await page.context().close();
  });

  test("a copied cookie stops working when the owner changes the password", async ({ browser }) => {
    const applicant = await createApplicant("改密会话");
    const { page, cookies } = await stolenCookies(browser, applicant.phone);
    const thief = await withCookies(browser, cookies);
    await page.goto("/password");
    await page.getByLabel("当前密码").fill("anju2025");
    await page.getByLabel(/^新密码/).fill("Brand-new-pass-9");
    await page.getByLabel("确认新密码").fill("Brand-new-pass-9");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page).toHaveURL(/\/login\?notice=passwordChanged/);
    expect(await (await thief.request.get("/api/session")).json()).toEqual({ session: null });
    await signIn(page, applicant.phone, "Brand-new-pass-9");
    await thief.close();
    await page.context().close();
  });

  test("a forged or tampered session cookie is a signed-out visitor, never an error", async ({ browser }) => {
    const applicant = await createApplicant("伪造会话");
    const { page, cookies } = await stolenCookies(browser, applicant.phone);
    const token = cookies.find((c) => c.name.includes("session-token"))!;
    for (const value of [`${token.value.slice(0, -4)}AAAA`, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", "x".repeat(4000)]) {
      const forged = await withCookies(browser, [{ ...token, value }]);
      const response = await forged.request.get("/api/session");
      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual({ session: null });
      const staff = await forged.request.get("/staff", { maxRedirects: 0 });
      expect(staff.status()).toBe(307);
      await forged.close();
    }
    await page.context().close();
  });

  test("a deactivated officer's open session ends at once", async ({ browser }) => {
    const db = e2ePrisma();
    const officerPage = await newPage(browser, "shapingba.reviewer");
    const cookies = await officerPage.context().cookies();
    await db.user.update({ where: { username: "shapingba.reviewer" }, data: { isActive: false, sessionVersion: { increment: 1 } } });
    try {
      const copy = await withCookies(browser, cookies);
      expect(await (await copy.request.get("/api/session")).json()).toEqual({ session: null });
      await officerPage.goto("/staff/review");
      await expect(officerPage).toHaveURL(/\/login/);
      await copy.close();
    } finally {
      await db.user.update({ where: { username: "shapingba.reviewer" }, data: { isActive: true } });
      await officerPage.context().close();
    }
  });
});

test.describe("forged intake signatures", () => {
  const URL = "/api/v1/intake/applications";
  const body = JSON.stringify({ externalId: `forged-${Date.now()}`, anything: true });

  test("a wrong secret, a missing or malformed signature, a stale timestamp and a signature replayed on another body all get 401 and write nothing", async ({ request }) => {
    const db = e2ePrisma();
    const before = await db.application.count();
    const now = String(Math.floor(Date.now() / 1000));
    const sign = (secret: string, timestamp: string, payload: string) => `sha256=${createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex")}`;
    const good = signedIntakeHeaders(body);
    const attempts: Array<{ name: string; headers: Record<string, string>; data: string }> = [
      { name: "the development secret", headers: { ...good, "x-intake-signature": sign("dev-intake-secret", now, body) }, data: body },
      { name: "a guessed secret", headers: { ...good, "x-intake-signature": sign("secret", now, body) }, data: body },
      { name: "no signature", headers: { "content-type": "application/json", "x-intake-timestamp": now }, data: body },
      { name: "a malformed signature", headers: { ...good, "x-intake-signature": "sha256=not-hex" }, data: body },
      { name: "a timestamp an hour old", headers: { ...good, "x-intake-timestamp": String(Number(now) - 3600), "x-intake-signature": sign(process.env.INTAKE_HMAC_SECRET!, String(Number(now) - 3600), body) }, data: body },
      { name: "a genuine signature on another body", headers: good, data: body.replace("true", "false") },
    ];
    for (const attempt of attempts) {
      const response = await request.post(URL, { headers: attempt.headers, data: attempt.data });
      expect(response.status(), attempt.name).toBe(401);
    }
    expect(await db.application.count()).toBe(before);
  });
});
