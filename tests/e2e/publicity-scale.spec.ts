import { expect, test } from "@playwright/test";
import pg from "pg";
import { cstDateFromToday, todayCST } from "../support/clock";
import { YUZHONG } from "../support/districts";
import { createLargeBatch, type LargeBatch } from "../support/large-batch";
import { e2eDatabaseUrl } from "./db";
import { newPage } from "./support";

// Issue 8, city scale: a batch of 10,000 households (a district's month, Art. 19) is read 50 a
// page, searched by application number, and no page of it is above 200 KB of HTML (a whole batch
// was 21.8 MB). The public pages come from Next's cache, per language (decision 013). Sizes and
// headers are checked, never times.

const LIMIT_BYTES = 200 * 1024;
let batch: LargeBatch;

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    batch = await createLargeBatch(client, { size: 10_000, districtCode: YUZHONG, startDate: todayCST(), endDate: cstDateFromToday(9), title: "渝中区公示（一万户）" });
  } finally {
    await client.end();
  }
});

test("a 10,000-household batch comes 50 a page, each page under 200 KB, in both languages, from the cache", async ({ request }) => {
  for (const cookie of ["", "locale=en"]) {
    const headers = cookie ? { cookie } : undefined;
    for (const [path, first, last] of [
      [`/publicity/${batch.batchId}`, 0, 49],
      [`/publicity/${batch.batchId}?page=2`, 50, 99],
      [`/publicity/${batch.batchId}?page=200`, 9950, 9999],
    ] as const) {
      const response = await request.get(path, { headers });
      expect(response.status(), path).toBe(200);
      const html = await response.text();
      expect(Buffer.byteLength(html), `${path} [${cookie || "zh-CN"}] in bytes`).toBeLessThan(LIMIT_BYTES);
      expect(html).toContain(`lang="${cookie ? "en" : "zh-CN"}"`);
      expect(html).toContain(batch.applicationNos[first]!);
      expect(html).toContain(batch.applicationNos[last]!);
      if (last + 1 < batch.size) expect(html).not.toContain(batch.applicationNos[last + 1]!);
      expect(html).toContain(cookie ? `Page ${first / 50 + 1} of 200` : `第 ${first / 50 + 1} 页，共 200 页`);
      // Next's cache holds each language's page under its own route.
      expect(response.headers()["x-middleware-rewrite"]).toMatch(cookie ? /^\/en\/publicity\// : /^\/zh-CN\/publicity\//);
      // Asked again, it is the stored page.
      const again = await request.get(path, { headers });
      expect(again.headers()["x-nextjs-cache"], path).toMatch(/HIT|STALE/);
    }
  }
  // Past the last page: not found (and nothing stored for it).
  expect((await request.get(`/publicity/${batch.batchId}?page=201`)).status()).toBe(404);
});

test("a batch is searched by application number, whole or its beginning, with a clear answer when none matches", async ({ page }) => {
  const wanted = batch.applicationNos[4321]!;
  await page.goto(`/publicity/${batch.batchId}`);
  await page.getByLabel("申请编号", { exact: true }).fill(wanted.slice(0, -1).toLowerCase());
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?q=`));
  await expect(page.getByText(/申请编号为“.*”或以其开头的共 10 户/)).toBeVisible();
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: wanted })).toHaveCount(1);

  await page.getByLabel("申请编号", { exact: true }).fill("GZF-000000");
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("没有申请编号为“GZF-000000”或以其开头的公示对象")).toBeVisible();
  await page.getByRole("link", { name: "显示全部名单" }).first().click();
  await expect(page.getByText("第 1–50 户，共 10000 户")).toBeVisible();
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page.getByText("第 51–100 户，共 10000 户")).toBeVisible();
  await expect(page).toHaveURL(/\?page=2$/);
});

test("the officers' page of the batch is paged and searched too, each page under 200 KB", async ({ browser }) => {
  const officer = await newPage(browser, "yuzhong.officer");
  for (const path of [`/staff/publicity/${batch.batchId}`, `/staff/publicity/${batch.batchId}?page=200`]) {
    const response = await officer.goto(path);
    expect(response?.status()).toBe(200);
    expect(Buffer.byteLength(await response!.text()), path).toBeLessThan(LIMIT_BYTES);
  }
  await expect(officer.locator("[data-entry]")).toHaveCount(50);
  const wanted = batch.applicationNos[77]!;
  await officer.goto(`/staff/publicity/${batch.batchId}?q=${wanted}`);
  await expect(officer.locator("[data-entry]")).toHaveCount(1);
  await expect(officer.locator(`[data-entry="${wanted}"]`)).toContainText("无异议");
});
