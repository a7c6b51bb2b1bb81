// `npm run bench:scale`: every officer and public page at city size, on the PostgreSQL that
// DATABASE_URL names (a scratch database the bench creates; see scratch.ts).
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/anju_bench npm run bench:scale
//   … npm run bench:scale -- --applications=20000 --runs=10     (a quick run)
//
// It migrates the database, generates the data set with plain SQL (generate.ts) unless the same
// size is already there with the same migrations, ANALYZEs, then times each page's service call
// and the hand-written SQL for the same rows (cases.ts): warm-up runs, then `--runs` runs of each,
// interleaved. It prints median and p95 of both and their ratio, and exits non-zero when a page's
// median is above 2x its SQL's. Figures, not tests: nothing here runs in `npm test`.
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { listLocalMigrations, migrate } from "../../lib/db/migrate";
import { benchCases, pickSamples, type BenchCase } from "./cases";
import { generationSteps } from "./generate";
import { benchLottery, LOTTERY_ENTRANTS, LOTTERY_UNITS, lotteryMedian } from "./lottery";
import { benchBilling, BILLING_LEASES, billingMedian } from "./billing";
import { ensureScratchDatabase, resetScratch, ScratchRefused } from "./scratch";

const LIMIT = 2;

interface Options {
  applications: number;
  runs: number;
  warmup: number;
  regenerate: boolean;
  only: string | null;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { applications: 1_000_000, runs: 30, warmup: 3, regenerate: false, only: null };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, "").split("=", 2) as [string, string | undefined];
    const int = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new ScratchRefused(`--${key} takes a whole number above 0, not ${value}`);
      return n;
    };
    if (key === "applications") options.applications = int();
    else if (key === "runs") options.runs = int();
    else if (key === "warmup") options.warmup = int();
    else if (key === "regenerate") options.regenerate = true;
    else if (key === "only") options.only = value ?? null;
    else throw new ScratchRefused(`unknown option ${arg} (options: --applications=N --runs=N --warmup=N --regenerate --only=text)`);
  }
  return options;
}

const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function timeIt(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function prepare(url: string, options: Options): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The data set is kept while the migrations and the generator are the same (by their text).
    const steps = generationSteps({ applications: options.applications });
    const fingerprint = createHash("sha256");
    for (const m of await listLocalMigrations()) fingerprint.update(`${m.name}:${m.checksum}\n`);
    for (const step of steps) fingerprint.update(step.sql);
    const wanted = `${options.applications}|${fingerprint.digest("hex")}`;
    const meta = await client
      .query<{ generated: string }>(`SELECT "generated" FROM bench_scale_meta LIMIT 1`)
      .then((r) => r.rows[0]?.generated ?? null)
      .catch(() => null);
    if (meta === wanted && !options.regenerate) {
      console.log(`[bench:scale] reusing the data set of ${options.applications.toLocaleString("en")} applications (--regenerate to make it again)`);
      return;
    }
    console.log("[bench:scale] emptying the scratch database and migrating it");
    await resetScratch(client);
    await migrate(client);
    const started = performance.now();
    for (const step of steps) {
      const t0 = performance.now();
      process.stdout.write(`[bench:scale] ${step.label} … `);
      await client.query(step.sql);
      console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    await client.query(`CREATE TABLE bench_scale_meta ("generated" text NOT NULL)`);
    await client.query(`INSERT INTO bench_scale_meta VALUES ($1)`, [wanted]);
    const counts = await client.query<{ t: string; n: string }>(
      `SELECT 'applications' AS t, count(*)::text AS n FROM "Application" UNION ALL SELECT 'household members', count(*)::text FROM "HouseholdMember"
       UNION ALL SELECT 'status events', count(*)::text FROM "ApplicationStatusEvent" UNION ALL SELECT 'review decisions', count(*)::text FROM "ReviewDecision"
       UNION ALL SELECT 'publicity entries', count(*)::text FROM "PublicityEntry" UNION ALL SELECT 'shared-data records', count(*)::text FROM "SharedDataRecord"`,
    );
    console.log(
      `[bench:scale] generated in ${((performance.now() - started) / 60000).toFixed(1)} min: ` +
        counts.rows.map((r) => `${Number(r.n).toLocaleString("en")} ${r.t}`).join(", "),
    );
  } finally {
    await client.end();
  }
}

interface Figure {
  name: string;
  service: { median: number; p95: number };
  sql: { median: number; p95: number };
  ratio: number;
}

async function measure(c: BenchCase, pool: pg.Pool, options: Options): Promise<Figure> {
  const sql = async () => {
    for (const q of c.sql) await pool.query(q.text, q.values);
  };
  for (let i = 0; i < options.warmup; i++) {
    await c.service();
    await sql();
  }
  const serviceTimes: number[] = [];
  const sqlTimes: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    serviceTimes.push(await timeIt(c.service));
    sqlTimes.push(await timeIt(sql));
  }
  const service = { median: quantile(serviceTimes, 0.5), p95: quantile(serviceTimes, 0.95) };
  const floor = { median: quantile(sqlTimes, 0.5), p95: quantile(sqlTimes, 0.95) };
  return { name: c.name, service, sql: floor, ratio: service.median / floor.median };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { url, created } = await ensureScratchDatabase(process.env.DATABASE_URL);
  const safeUrl = url.replace(/\/\/[^@/]*@/, "//");
  console.log(`[bench:scale] ${created ? "created" : "using"} the scratch database ${safeUrl}`);
  await prepare(url, options);

  // The services read DATABASE_URL when they first query; the floor uses a pool of the same size.
  process.env.DATABASE_URL = url;
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const samples = await pickSamples(pool);
  const cases = benchCases(samples).filter((c) => !options.only || c.name.includes(options.only));
  console.log(`[bench:scale] ${cases.length} pages, ${options.warmup} warm-up and ${options.runs} timed runs each (district ${samples.district})\n`);

  const figures: Figure[] = [];
  const header = `${"page".padEnd(46)} ${"service median".padStart(14)} ${"p95".padStart(8)} ${"SQL median".padStart(11)} ${"p95".padStart(8)} ${"ratio".padStart(7)}`;
  console.log(header);
  console.log("-".repeat(header.length));
  for (const c of cases) {
    const f = await measure(c, pool, options);
    figures.push(f);
    const flag = f.ratio > LIMIT ? "  ✗ above 2x" : "";
    console.log(
      `${f.name.padEnd(46)} ${`${ms(f.service.median)} ms`.padStart(14)} ${`${ms(f.service.p95)} ms`.padStart(8)} ${`${ms(f.sql.median)} ms`.padStart(11)} ${`${ms(f.sql.p95)} ms`.padStart(8)} ${`${f.ratio.toFixed(2)}x`.padStart(7)}${flag}`,
    );
  }

  // The lottery at city size (issue 9), unless --only names something else.
  const lotteryOver: string[] = [];
  if (!options.only || "lottery".includes(options.only)) {
    const runs = Math.min(options.runs, 3);
    console.log(`\n[bench:scale] lottery: a pool of ${LOTTERY_ENTRANTS.toLocaleString("en")} for ${LOTTERY_UNITS.toLocaleString("en")} units, frozen and drawn ${runs} times`);
    const l = await benchLottery(pool, runs);
    const service = lotteryMedian(l.service);
    const floor = lotteryMedian(l.floor);
    const drawRatio = service / floor;
    const lookupRatio = l.lookup.serviceP95 / l.lookup.sqlP95;
    console.log(`  freeze + draw + store (services)   median ${ms(service)} ms   (runs: ${l.service.map((x) => ms(x)).join(", ")}; freeze ${ms(lotteryMedian(l.freezeMs))} ms, draw ${ms(lotteryMedian(l.drawMs))} ms)`);
    console.log(`  floor: drawLottery + one INSERT    median ${ms(floor)} ms   (drawLottery and tickets ${ms(lotteryMedian(l.drawLotteryMs))} ms, INSERT ${ms(lotteryMedian(l.insertMs))} ms)`);
    console.log(`  ratio                              ${drawRatio.toFixed(2)}x${drawRatio > LIMIT ? "  ✗ above 2x" : ""}`);
    console.log(`  result lookup, 1,000 numbers       service p95 ${ms(l.lookup.serviceP95)} ms (median ${ms(l.lookup.serviceMedian)}), SQL p95 ${ms(l.lookup.sqlP95)} ms (median ${ms(l.lookup.sqlMedian)}): ${lookupRatio.toFixed(2)}x${lookupRatio > LIMIT ? "  ✗ above 2x" : ""}`);
    if (drawRatio > LIMIT) lotteryOver.push("lottery freeze and draw");
    if (lookupRatio > LIMIT) lotteryOver.push("lottery result lookup");
  }
  // Tenancy at city size (issue 10): the monthly billing run and a five-year statement.
  if (!options.only || "billing".includes(options.only)) {
    const runs = Math.min(options.runs, 3);
    console.log(`\n[bench:scale] billing: ${BILLING_LEASES.toLocaleString("en")} leases in force, a month billed ${runs} times`);
    const b = await benchBilling(pool, runs);
    const service = billingMedian(b.service);
    const floor = billingMedian(b.floor);
    const runRatio = service / floor;
    const statementRatio = b.statement.serviceP95 / b.statement.sqlP95;
    console.log(`  billing run (runBilling)           median ${ms(service)} ms   (runs: ${b.service.map((x) => ms(x)).join(", ")}; ${b.issued.toLocaleString("en")} bills)`);
    console.log(`  floor: one plain INSERT … SELECT   median ${ms(floor)} ms   (runs: ${b.floor.map((x) => ms(x)).join(", ")})`);
    console.log(`  ratio                              ${runRatio.toFixed(2)}x${runRatio > LIMIT ? "  ✗ above 2x" : ""}`);
    console.log(`  statement, ${b.statement.bills} bills, 1,000 reads     service p95 ${ms(b.statement.serviceP95)} ms (median ${ms(b.statement.serviceMedian)}), SQL p95 ${ms(b.statement.sqlP95)} ms (median ${ms(b.statement.sqlMedian)}): ${statementRatio.toFixed(2)}x${statementRatio > LIMIT ? "  ✗ above 2x" : ""}`);
    if (runRatio > LIMIT) lotteryOver.push("monthly billing run");
    if (statementRatio > LIMIT) lotteryOver.push("statement of account");
  }
  await pool.end();
  const { prisma } = await import("../../lib/db/client");
  await prisma.$disconnect();

  const over = [...figures.filter((f) => f.ratio > LIMIT), ...lotteryOver.map((name) => ({ name }))];
  console.log(
    over.length === 0
      ? `\n[bench:scale] every page within ${LIMIT}x of its SQL at ${options.applications.toLocaleString("en")} applications`
      : `\n[bench:scale] ${over.length} page(s) above ${LIMIT}x of their SQL: ${over.map((f) => f.name).join("; ")}`,
  );
  if (over.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`[bench:scale] ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof ScratchRefused) && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 2;
});
