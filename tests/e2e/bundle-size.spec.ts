import { expect, test, type Browser, type BrowserContext, type Response } from "@playwright/test";
import { e2ePrisma } from "./db";
import { createApplicant, createApplication } from "./review-fixtures";
import { DEMO_PASSWORD, signIn } from "./support";

// Issue 7: every applicant-facing page loads at most 150 KiB of gzipped JavaScript on a first
// visit (an empty cache). Each page opens in a fresh browser context that asks for gzip only, and
// the encoded body sizes of every JavaScript response are summed. It measures bytes, not time.
// It prints a table of the sizes; the scripts of a page over the limit are listed too (of every
// page with BUNDLE_SIZE_DETAIL=1). See docs/decisions/009-client-bundles.md.

const LIMIT_KIB = 150;
/** The demo's applicant refused at the first review 3 working days ago, who may still appeal. */
const REFUSED_DEMO_APPLICANT = "13800000008";

interface Measured {
  page: string;
  path: string;
  scripts: number;
  gzipBytes: number;
  rawBytes: number;
  /** Each script's path and gzipped size, largest first. */
  files: Array<{ url: string; gzipBytes: number }>;
}

interface Who {
  /** Signed-in browser state (cookies), or undefined for a visitor. */
  storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>;
}

async function signedInState(browser: Browser, phone: string): Promise<Who["storageState"]> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, phone, DEMO_PASSWORD);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Opens `path` with an empty cache and sums the JavaScript it loads until the network is idle. */
async function measure(browser: Browser, name: string, path: string, who: Who): Promise<Measured> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    storageState: who.storageState,
    extraHTTPHeaders: { "Accept-Encoding": "gzip" },
  });
  const page = await context.newPage();
  const scripts: Response[] = [];
  page.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (response.request().resourceType() === "script" || /javascript/.test(type)) scripts.push(response);
  });
  const response = await page.goto(path, { waitUntil: "load" });
  expect(response?.status(), `${path} answers 200`).toBe(200);
  // The page measured is the page asked for, not a redirect to another one.
  expect(new URL(page.url()).pathname).toBe(path);
  await page.waitForLoadState("networkidle");

  let gzipBytes = 0;
  let rawBytes = 0;
  const files: Measured["files"] = [];
  for (const script of scripts) {
    const sizes = await script.request().sizes();
    const body = await script.body();
    const encoding = script.headers()["content-encoding"];
    // Small files may go uncompressed; anything sizeable must come gzipped, or the sum is not a gzip size.
    if (body.length > 2048) expect(encoding, `${script.url()} is sent gzipped`).toBe("gzip");
    gzipBytes += sizes.responseBodySize;
    files.push({ url: new URL(script.url()).pathname, gzipBytes: sizes.responseBodySize });
    rawBytes += body.length;
  }
  await context.close();
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { page: name, path, scripts: scripts.length, gzipBytes, rawBytes, files };
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

test("every applicant page loads at most 150 KiB of gzipped JavaScript on first load", async ({ browser }) => {
  test.setTimeout(240_000);
  const db = e2ePrisma();

  // Public pages: the open publicity batch of the demo and one of its entries.
  const batch = await db.publicityBatch.findFirstOrThrow({
    where: { status: "PUBLISHED", entries: { some: {} } },
    orderBy: { startDate: "desc" },
    select: { id: true, entries: { select: { id: true }, take: 1 } },
  });
  const entryId = batch.entries[0]!.id;

  // The demo applicant 13800000001's own state depends on the journeys run before this one (the
  // apply journey submits their application), so the pages of someone without an application and
  // of a draft use households made here with the demo password. The application and appeal pages
  // are the demo's refused applicant's, still in time to appeal (lib/demo/seed.ts).
  const newcomer = await createApplicant("体积丙");
  const drafter = await createApplicant("体积甲");
  await createApplication({ status: "DRAFT", applicantName: "体积甲", applicantUserId: drafter.id });
  const refused = await db.application.findFirstOrThrow({
    where: { applicantUser: { phone: REFUSED_DEMO_APPLICANT }, status: "FIRST_REVIEW_REJECTED" },
    select: { applicationNo: true },
  });

  const visitor: Who = {};
  const newApplicant: Who = { storageState: await signedInState(browser, newcomer.phone) };
  const drafting: Who = { storageState: await signedInState(browser, drafter.phone) };
  const refusedUser: Who = { storageState: await signedInState(browser, REFUSED_DEMO_APPLICANT) };
  const no = encodeURIComponent(refused.applicationNo);
  // The demo household choosing a unit now (lib/demo/seed-allocation.ts): its home and its selection page.
  const choosingDraw = await db.lotteryEntrant.findFirstOrThrow({ where: { application: { applicantUser: { phone: "13800000014" } } }, select: { drawId: true } });
  const choosing: Who = { storageState: await signedInState(browser, "13800000014") };
  // The demo tenant 郑凯 and the repair the demo filed for him (lib/demo/seed-repairs.ts).
  const tenant: Who = { storageState: await signedInState(browser, "13800000011") };
  const repair = await db.repairRequest.findFirstOrThrow({ where: { formKey: "demo-repair-0001" }, select: { requestNo: true } });

  const pages: Array<[string, string, Who]> = [
    ["home", "/", visitor],
    ["login", "/login", visitor],
    ["register", "/register", visitor],
    ["publicity", "/publicity", visitor],
    ["publicity batch", `/publicity/${batch.id}`, visitor],
    ["objection", `/publicity/${batch.id}/objection/${entryId}`, visitor],
    ["me", "/me", newApplicant],
    ["apply", "/me/apply", newApplicant],
    ...(["household", "work", "housing", "where", "documents", "review"] as const).map(
      (step): [string, string, Who] => [`apply: ${step}`, `/me/apply/${step}`, drafting],
    ),
    ["application", `/me/applications/${no}`, refusedUser],
    ["appeal", `/me/applications/${no}/appeal`, refusedUser],
    ["plans", "/plans", visitor],
    ["me: choosing", "/me", choosing],
    ["selection", `/me/selection/${choosingDraw.drawId}`, choosing],
    ["repairs", "/me/repairs", tenant],
    ["repair", `/me/repairs/${repair.requestNo}`, tenant],
  ];

  const results: Measured[] = [];
  for (const [name, path, who] of pages) results.push(await measure(browser, name, path, who));

  const table = [
    `${"page".padEnd(20)} ${"scripts".padStart(7)} ${"gzip KiB".padStart(9)} ${"raw KiB".padStart(9)}`,
    ...results.map((r) => `${r.page.padEnd(20)} ${String(r.scripts).padStart(7)} ${kib(r.gzipBytes).padStart(9)} ${kib(r.rawBytes).padStart(9)}`),
  ].join("\n");
  console.log(`Gzipped JavaScript on first load (limit ${LIMIT_KIB} KiB):\n${table}`);
  // What an oversized page loads, to find the chunk at fault (.next/static/chunks).
  for (const r of results.filter((r) => r.gzipBytes / 1024 > LIMIT_KIB || process.env.BUNDLE_SIZE_DETAIL)) {
    console.log(`${r.page} (${r.path}):\n${r.files.map((f) => `  ${kib(f.gzipBytes).padStart(7)}  ${f.url}`).join("\n")}`);
  }
  await test.info().attach("bundle-sizes.txt", { body: table, contentType: "text/plain" });

  for (const r of results) {
    expect.soft(r.scripts, `${r.page} loads JavaScript at all`).toBeGreaterThan(0);
    expect.soft(r.gzipBytes / 1024, `${r.page} (${r.path}): gzipped JavaScript in KiB`).toBeLessThanOrEqual(LIMIT_KIB);
  }
});

test("a form fetches its schema (zod) when first used, not with the page, and checks with it at once", async ({ browser }) => {
  const applicant = await createApplicant("体积丁");
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signIn(page, applicant.phone);

  const scripts: Array<Promise<string>> = [];
  const actionPosts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text());
  });
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) actionPosts.push(request.url());
  });
  const loadedZod = async () => (await Promise.all(scripts)).some((body) => body.includes('"$ZodObject"'));

  await page.goto("/me/apply/household");
  await page.waitForLoadState("networkidle");
  expect(await loadedZod(), "zod is not loaded with the page").toBe(false);

  // Submitting the empty step: the schema arrives and answers in the browser, before any server action.
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page.getByText("请填写居民身份证号码")).toBeVisible();
  expect(await loadedZod(), "zod came with the first use").toBe(true);
  expect(actionPosts).toEqual([]);
  await context.close();
});
