import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startFakeS3, type FakeS3 } from "../support/fake-s3";
import { dateColumn, todayCST } from "../support/clock";
import { e2eDatabaseUrl, e2ePrisma } from "./db";
import { smallPng } from "./png";
import { formReady, newPage } from "./support";

// Several portal servers side by side (production hardening, part 9; docs/decisions/034): two more
// servers of the same build on the journeys' PostgreSQL, each with a local upload directory of its
// own and the one S3-compatible object store (a small one in this process: tests/support/fake-s3.ts),
// both running the job queue beside the journeys' own server. A repair photo uploaded through one
// downloads through the other; the scheduled jobs run now on both at once bill each lease once for
// the month and send a notice once.

const TENANT = "13800000011";

interface Portal {
  url: string;
  uploadDir: string;
  child: ChildProcess;
  output: () => string;
}

async function startPortal(port: number, s3: FakeS3): Promise<Portal> {
  const uploadDir = mkdtempSync(path.join(tmpdir(), `anju-portal-${port}-`));
  const { TEST_DATABASE_URL: _test, NODE_ENV: _mode, ...inherited } = process.env;
  const env: Record<string, string | undefined> = {
    ...inherited,
    DATABASE_URL: e2eDatabaseUrl(),
    PORT: String(port),
    // The journeys' server built the portal; these serve the same build.
    ANJU_SKIP_BUILD: "1",
    UPLOAD_DIR: uploadDir,
    STORAGE: "s3",
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: "cn-southwest-1",
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: "1",
    S3_PREFIX: "anju/",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], { cwd: process.cwd(), env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString("utf8")));
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`the portal on ${port} exited:\n${out}`);
        return fetch(`${url}/api/health`).then((r) => r.status, () => 0);
      },
      { timeout: 90_000, intervals: [500] },
    )
    .toBe(200);
  return { url, uploadDir, child, output: () => out };
}

function stopPortal(portal: Portal): void {
  try {
    process.kill(-portal.child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
  rmSync(portal.uploadDir, { recursive: true, force: true });
}

function pageOn(browser: Browser, portal: Portal, account: string): Promise<Page> {
  return newPage(browser, account, { baseURL: portal.url });
}

test("two portal servers on one PostgreSQL and one object store: an upload through one downloads through the other; jobs run on both do each thing once", async ({ browser }) => {
  test.setTimeout(240_000);
  const db = e2ePrisma();
  const base = Number(process.env.E2E_PORT ?? 3100);
  const s3 = await startFakeS3();
  const portals: Portal[] = [];
  try {
    portals.push(...(await Promise.all([startPortal(base + 201, s3), startPortal(base + 202, s3)])));
    const [one, two] = portals as [Portal, Portal];

    // A repair photo through the first server…
    const tenantOnOne = await pageOn(browser, one, TENANT);
    await tenantOnOne.goto("/me/repairs");
    await formReady(tenantOnOne, "new-repair");
    await tenantOnOne.locator("#repair-photo").setInputFiles({ name: "门锁.png", mimeType: "image/png", buffer: smallPng() });
    await expect(tenantOnOne.getByTestId("pending-photos").getByRole("listitem")).toHaveCount(1);
    await tenantOnOne.getByLabel("报修类别").selectOption({ label: "室内配套设施（门窗、热水器、线路等）" });
    await tenantOnOne.getByLabel("问题描述").fill("入户门锁芯松动，钥匙转不动。");
    await tenantOnOne.getByRole("button", { name: "提交报修" }).click();
    await tenantOnOne.getByRole("alertdialog").getByRole("button", { name: "提交" }).click();
    await expect(tenantOnOne).toHaveURL(/\/me\/repairs\/BX-\d{6}-\d{4}-\d{6}\?filed=1$/);
    const photoSrc = await tenantOnOne.getByTestId("repair-photos").getByRole("img").getAttribute("src");
    // …is in the object store, not on that server's disk…
    expect([...s3.objects.keys()].filter((k) => k.startsWith("anju/"))).toHaveLength(1);
    expect(readdirSync(one.uploadDir)).toEqual([]);
    // …and the second server, signed in separately, serves the same bytes.
    const tenantOnTwo = await pageOn(browser, two, TENANT);
    const photo = await tenantOnTwo.request.get(`${two.url}${photoSrc}`);
    expect(photo.status()).toBe(200);
    expect(photo.headers()["content-type"]).toBe("image/png");
    expect(Buffer.compare(await photo.body(), smallPng())).toBe(0);
    expect(readdirSync(two.uploadDir)).toEqual([]);

    // This month's unpaid bills are taken back (a fixture: the month would otherwise have to
    // turn), and a notice is waiting; then the jobs run now on both servers at once.
    const month = todayCST().slice(0, 7);
    const from = dateColumn(`${month}-01`);
    const untouched = await db.bill.findMany({
      where: { periodStart: { gte: from }, status: "UNPAID", paidFen: 0, rentMultiplierPercent: 100, payments: { none: {} }, lateFees: { none: {} }, lease: { status: "ACTIVE" } },
      select: { id: true, leaseId: true, periodStart: true },
    });
    expect(untouched.length).toBeGreaterThan(0);
    const periodOf = new Map(untouched.map((b) => [b.leaseId, b.periodStart.getTime()]));
    await db.bill.deleteMany({ where: { id: { in: untouched.map((b) => b.id) } } });
    const tenant = await db.user.findUniqueOrThrow({ where: { phone: TENANT }, select: { id: true } });
    const notice = await db.notification.create({
      data: { channel: "SMS", recipientUserId: tenant.id, recipientPhone: TENANT, templateKey: "tenancy.paymentReceived", params: { amount: "1.00", receiptNo: "SK-TWO-SERVERS" } },
      select: { id: true },
    });

    const officers = await Promise.all([pageOn(browser, one, "city.officer"), pageOn(browser, two, "city.officer")]);
    await Promise.all(officers.map((p) => p.goto("/staff")));
    await Promise.all(officers.map((p) => p.getByRole("button", { name: "立即运行到期任务" }).click()));
    for (const p of officers) await expect(p.getByText(/到期任务已运行完毕|到期任务正在运行中/)).toBeVisible({ timeout: 60_000 });

    // Each lease has its bill for the month again, once.
    await expect
      .poll(async () => db.bill.count({ where: { leaseId: { in: [...periodOf.keys()] }, periodStart: { gte: from } } }), { timeout: 70_000 })
      .toBeGreaterThanOrEqual(periodOf.size);
    const rebilled = await db.bill.groupBy({ by: ["leaseId", "periodStart"], where: { leaseId: { in: [...periodOf.keys()] }, periodStart: { gte: from } }, _count: { _all: true } });
    for (const [leaseId, period] of periodOf) {
      const rows = rebilled.filter((r) => r.leaseId === leaseId && r.periodStart.getTime() === period);
      expect(rows.map((r) => r._count._all), `lease ${leaseId}`).toEqual([1]);
    }
    // The notice was claimed and sent once, by whichever server's worker came first.
    await expect.poll(async () => (await db.notification.findUniqueOrThrow({ where: { id: notice.id }, select: { status: true } })).status, { timeout: 70_000 }).toBe("SENT");
    expect(await db.notification.findUniqueOrThrow({ where: { id: notice.id }, select: { attempts: true } })).toEqual({ attempts: 1 });
    const sentLines = portals.map((p) => p.output().split("\n").filter((l) => l.includes("[outbox]") && l.includes("SK-TWO-SERVERS")).length);
    expect(sentLines.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
  } finally {
    portals.forEach(stopPortal);
    await s3.close();
  }
});
