import { createHash } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { e2ePrisma } from "./db";
import { ACCOUNTS, newPage, signIn } from "./support";

// Part 8 of the hardening (docs/decisions/030-client-addresses-and-csp.md): a strict
// Content-Security-Policy on every route group, read from the server the journeys use. Pages
// rendered per request carry a fresh nonce that every script of theirs has; pages served from
// Next's cache carry the hashes of their inline scripts; API routes let no script run. Nowhere
// 'unsafe-inline' for scripts. Then, in Chromium, the pages hydrate and report no violation.

function scriptSrc(policy: string): string[] {
  const directive = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "));
  expect(directive, `script-src in ${policy}`).toBeDefined();
  return directive!.split(/\s+/).slice(1);
}

const INLINE = /<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g;
const TAG = /<script\b[^>]*>/g;

async function fetchPage(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  const policy = response.headers()["content-security-policy"] ?? "";
  return { response, policy, sources: policy ? scriptSrc(policy) : [], html: await response.text() };
}

/** A page rendered per request: one nonce, on every script of the page. */
async function expectNoncedPage(request: APIRequestContext, path: string, status = 200): Promise<string> {
  const { response, sources, html } = await fetchPage(request, path);
  expect(response.status(), path).toBe(status);
  expect(sources, path).not.toContain("'unsafe-inline'");
  const nonces = sources.filter((s) => s.startsWith("'nonce-"));
  expect(nonces, path).toHaveLength(1);
  const nonce = nonces[0]!.slice("'nonce-".length, -1);
  const tags = html.match(TAG) ?? [];
  expect(tags.length, `${path} has scripts`).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
  return nonce;
}

/** A page from Next's cache: every inline script's hash is in the policy, and no nonce. */
async function expectHashedPage(request: APIRequestContext, path: string): Promise<void> {
  const { response, sources, html } = await fetchPage(request, path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["x-nextjs-cache"], `${path} comes from the cache`).toBeDefined();
  expect(sources, path).not.toContain("'unsafe-inline'");
  expect(sources.some((s) => s.startsWith("'nonce-")), path).toBe(false);
  const inline = [...html.matchAll(INLINE)].map((m) => m[2]!);
  expect(inline.length, `${path} has inline scripts`).toBeGreaterThan(0);
  for (const body of inline) expect(sources, path).toContain(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
}

/** The demo's open publicity batch (from the database: the cached list may predate the seed). */
async function firstBatchPath(): Promise<string> {
  const batch = await e2ePrisma().publicityBatch.findFirstOrThrow({ where: { status: "PUBLISHED", entries: { some: {} } }, orderBy: { startDate: "desc" }, select: { id: true } });
  return `/publicity/${batch.id}`;
}

test("every route group's CSP allows scripts by nonce or hash only, never 'unsafe-inline'", async ({ request, browser }) => {
  // (public): the cached pages, and the pages rendered per request.
  await expectHashedPage(request, "/");
  await expectHashedPage(request, "/publicity");
  const batch = await firstBatchPath();
  await expectHashedPage(request, batch);
  const first = await expectNoncedPage(request, "/login");
  const second = await expectNoncedPage(request, "/login");
  expect(first).not.toBe(second);
  await expectNoncedPage(request, "/no-such-page", 404);
  // Signed out, the signed-in areas redirect, with a policy all the same.
  for (const path of ["/me", "/staff"]) {
    const { response, sources } = await fetchPage(request, path);
    expect(response.status(), path).toBe(307);
    expect(sources, path).not.toContain("'unsafe-inline'");
  }
  // (applicant) and (staff), signed in.
  const applicant = await newPage(browser, ACCOUNTS.applicant);
  await expectNoncedPage(applicant.request, "/me");
  const officer = await newPage(browser, ACCOUNTS.yuzhongOfficer);
  await expectNoncedPage(officer.request, "/staff");
  // api: nothing runs.
  for (const path of ["/api/health", "/api/session", "/api/v1/openapi.json"]) {
    const { sources } = await fetchPage(request, path);
    expect(sources, path).toEqual(["'none'"]);
  }
});

test("a cached page's 304 carries no policy, so the browser's copy keeps the one made for its scripts", async ({ request, browser }) => {
  // The home page is kept until the next build: its version cannot change between the requests.
  const first = await request.get("/");
  expect(first.headers()["x-nextjs-cache"], "the home page comes from the cache").toBeDefined();
  const etag = first.headers()["etag"];
  expect(etag, "a cached page has an ETag").toBeTruthy();
  const again = await request.get("/", { headers: { "if-none-match": etag! } });
  expect(again.status()).toBe(304);
  expect(again.headers()["content-security-policy"]).toBeUndefined();

  // In Chromium: a reload revalidates the stored copy, which hydrates again under its own policy.
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const problems = await watch(page);
  const isSession = (r: { url(): string }) => r.url().endsWith("/api/session");
  let session = page.waitForResponse(isSession);
  await page.goto("/");
  await session;
  // (Chromium answers the reload from its copy after the server's 304 and reports the copy's 200.)
  // With the request's nonce policy on the 304, the copy's scripts were blocked: no session request came.
  session = page.waitForResponse(isSession);
  await page.reload();
  await session;
  expect(problems).toEqual([]);
  await context.close();
});

/** Collects CSP violations and console errors of a page from its first script on. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  // The 404 page's own status is reported as a failed load; it is what that page answers.
  page.on("console", (m) => { if (m.type() === "error" && !/status of 404/.test(m.text())) problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(e.message));
  return problems;
}

test("pages hydrate and run under the policy, with no violation reported", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const problems = await watch(page);
  // A cached public page: the header's client row asks /api/session once hydrated.
  const session = page.waitForResponse((r) => r.url().endsWith("/api/session"));
  await page.goto("/");
  await session;
  await page.goto("/publicity");
  const batch = await firstBatchPath();
  await page.goto(batch);
  // A per-request page and a client navigation from it.
  await signIn(page, ACCOUNTS.applicant);
  await expect(page).toHaveURL(/\/me/);
  await page.goto("/me");
  await page.getByRole("link").first().waitFor();
  expect(problems).toEqual([]);
  await context.close();

  const officer = await newPage(browser, undefined);
  const officerProblems = await watch(officer);
  await signIn(officer, ACCOUNTS.yuzhongOfficer);
  await officer.goto("/staff");
  await officer.goto("/no-such-page");
  expect(officerProblems).toEqual([]);
});
