// `npm run bench:http`: how fast the public pages are served, against a static file of the same
// server, measured with autocannon on loopback (docs/decisions/013-public-pages-cache.md).
//
// It builds nothing: it serves the portal already built (`npm run build`, or the build `npm start`
// left; ANJU_NEXT_DIST_DIR picks another build folder) with scripts/server.mjs (as `npm start`), on DATABASE_URL's
// PostgreSQL or else a fresh embedded one, with the demo seeded and one publicity batch of
// BENCH_BATCH_SIZE households (10,000) added by SQL. It measures
// each public page in both languages, each right after a run of the static file, prints a table,
// and exits non-zero when a page reaches less than BENCH_MIN_RATIO (0.5) of the requests per
// second of the static file's run before it, or fails.
//
//   --duration=S       seconds per measurement (20)      --connections=N   (20)
//   --port=P           the server's port (3390)          --reference=PATH  the static file (/icon.svg)
//   --only=zh-CN|en    one language                      --skip-large      not the big batch's pages
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate, resetDatabase } from "../lib/db/migrate";
import { createLargeBatch } from "../tests/support/large-batch";

const root = path.resolve(import.meta.dirname, "..");
const flags = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, "").split("=");
    return [key!, value ?? "1"] as const;
  }),
);
const duration = Number(flags.get("duration") ?? 20);
const connections = Number(flags.get("connections") ?? 20);
const port = Number(flags.get("port") ?? 3390);
const reference = flags.get("reference") ?? "/icon.svg";
const only = flags.get("only");
const skipLarge = flags.has("skip-large");
const batchSize = Number(process.env.BENCH_BATCH_SIZE ?? 10_000);
const minRatio = Number(process.env.BENCH_MIN_RATIO ?? 0.5);
const origin = `http://127.0.0.1:${port}`;

function log(message: string): void {
  console.log(`[bench:http] ${message}`);
}

async function openDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    // A given database is reset: the bench owns it for the run.
    await resetDatabase(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "anju-bench-"));
  const db = await startEmbeddedPostgres({ dataDir: dir });
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForServer(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not answer /api/health within 2 minutes");
}

interface Target {
  name: string;
  path: string;
  locale: "zh-CN" | "en" | null;
}

interface Row {
  target: Target;
  status: number;
  bytes: number;
  cache: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function headersFor(target: Target): Record<string, string> {
  return target.locale === "en" ? { cookie: "locale=en" } : {};
}

async function measure(target: Target): Promise<Row> {
  // Warm up: the first visit renders and stores the page; the measured ones are served from the cache.
  let response: Response | undefined;
  let body = "";
  for (let i = 0; i < 3; i++) {
    response = await fetch(`${origin}${target.path}`, { headers: headersFor(target), signal: AbortSignal.timeout(60_000) });
    body = await response.text();
  }
  const result = await autocannon({
    url: `${origin}${target.path}`,
    connections,
    duration,
    headers: headersFor(target),
  });
  return {
    target,
    status: response!.status,
    bytes: Buffer.byteLength(body),
    cache: response!.headers.get("x-nextjs-cache") ?? "-",
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function main(): Promise<void> {
  const db = await openDatabase();
  // Keys of this run for personal data at rest (decision 037): the seed in this process and the
  // server encrypt and decrypt with the same ones.
  process.env.DATA_KEYS ??= `bench:${randomBytes(32).toString("base64")}`;
  process.env.BLIND_INDEX_KEY ??= randomBytes(32).toString("base64");
  let child: ChildProcess | undefined;
  try {
    await migrate(db.url);
    process.env.DATABASE_URL = db.url;
    const { seedDemoIfEmpty } = await import("../lib/demo/seed");
    await seedDemoIfEmpty({ force: true });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const end = new Date(Date.parse(`${today}T00:00:00Z`) + 9 * 86_400_000).toISOString().slice(0, 10);
    const large = await createLargeBatch(client, { size: batchSize, districtCode: "500103", startDate: today, endDate: end });
    const demo = await client.query<{ id: string }>(
      `SELECT "id" FROM "PublicityBatch" WHERE "id" <> $1 AND "status" = 'PUBLISHED' ORDER BY "startDate" DESC LIMIT 1`,
      [large.batchId],
    );
    await client.end();
    log(`database ready: demo seeded, a batch of ${large.size} entries (${large.batchId})`);

    // The portal's own server, as npm start serves it (it hashes the cached pages' scripts for
    // their Content-Security-Policy: docs/decisions/030-client-addresses-and-csp.md).
    child = spawn(process.execPath, [path.join(root, "scripts/server.mjs"), String(port)], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: db.url,
        AUTH_SECRET: randomBytes(32).toString("hex"),
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        // The measurement is of serving pages; the minute-by-minute jobs stay off.
        ANJU_SCHEDULER: "off",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForServer(child);

    const lastPage = Math.ceil(large.size / 50);
    const pages: Array<Omit<Target, "locale">> = [
      { name: "home", path: "/" },
      { name: "publicity list", path: "/publicity" },
      ...(demo.rows[0] ? [{ name: "batch (demo)", path: `/publicity/${demo.rows[0].id}` }] : []),
      ...(skipLarge
        ? []
        : [
            { name: `batch (${large.size}), page 1`, path: `/publicity/${large.batchId}` },
            { name: `batch (${large.size}), page ${lastPage}`, path: `/publicity/${large.batchId}?page=${lastPage}` },
          ]),
    ];
    const locales = (["zh-CN", "en"] as const).filter((l) => !only || l === only);
    const targets: Target[] = locales.flatMap((locale) => pages.map((p) => ({ ...p, locale })));
    const staticTarget: Target = { name: `static ${reference}`, path: reference, locale: null };

    // Each page is measured right after the static file, and compared with that run: the load of a
    // shared machine drifts over minutes, and a pair sees the same load.
    log(`${duration} s per target, ${connections} connections; the static file before each page`);
    const rows: Array<Row & { reference?: Row }> = [];
    for (const target of targets) {
      const reference = await measure(staticTarget);
      const row = await measure(target);
      rows.push(reference, { ...row, reference });
      log(`${target.name} [${target.locale}]: ${row.rps.toFixed(0)} req/s, static ${reference.rps.toFixed(0)} req/s: ${(row.rps / reference.rps).toFixed(2)}`);
    }
    const ratioOf = (r: Row & { reference?: Row }) => (r.reference ? r.rps / r.reference.rps : Number.NaN);

    const table = rows.map((r) => ({
      target: r.target.name,
      lang: r.target.locale ?? "-",
      status: r.status,
      KB: (r.bytes / 1024).toFixed(1),
      cache: r.cache,
      "req/s": r.rps.toFixed(0),
      "p50 ms": r.p50,
      "p99 ms": r.p99,
      ratio: r.reference ? ratioOf(r).toFixed(2) : "-",
    }));
    console.table(table);
    log(`a page must reach ${minRatio} of the static file's requests per second measured just before it`);
    const failures = rows.filter((r) => r.status !== 200 || r.non2xx > 0 || r.errors > 0 || (r.reference && ratioOf(r) < minRatio));
    for (const f of failures) log(`FAIL ${f.target.name} [${f.target.locale ?? "-"}]: status ${f.status}, ${f.non2xx} non-2xx, ${f.errors} errors, ratio ${ratioOf(f).toFixed(2)}`);
    process.exitCode = failures.length > 0 ? 1 : 0;
  } finally {
    child?.kill("SIGTERM");
    if (child) await new Promise((r) => child!.once("exit", r));
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:http] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
