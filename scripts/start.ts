// `npm start`: serve the portal. With DATABASE_URL it uses that PostgreSQL; without it, an
// embedded PostgreSQL (PGlite, served over the wire on 127.0.0.1) kept in .data/pglite: the
// zero-configuration demo. It applies the migrations, seeds the demo on an empty embedded
// database (on a real DATABASE_URL only with ANJU_SEED_DEMO=1: lib/deployment/seed-plan.ts),
// builds the app when the sources changed, and serves it with scripts/server.mjs (Next's handler
// behind a Node server that records each request's peer address). The server itself decides from
// its database whether it is the demo (lib/deployment/mode.ts): the development intake secret is
// never accepted on a real database, whatever this script or the shell say.
//
//   --e2e   a fresh database for end-to-end tests: TEST_DATABASE_URL's schema reset, or a new
//           embedded one; always seeded
//   --dev   `next dev` instead of build + start
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { demoSeedPlan } from "../lib/deployment/seed-plan";
import { migrate, resetDatabase } from "../lib/db/migrate";

const root = path.resolve(import.meta.dirname, "..");
const args = new Set(process.argv.slice(2));
const isE2E = args.has("--e2e");
const isDev = args.has("--dev");
const isProduction = process.env.NODE_ENV === "production";
const dataDir = path.resolve(root, process.env.ANJU_DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);

function log(message: string): void {
  console.log(`[anju] ${message}`);
}

/** A secret kept in .data so that sessions survive restarts; production must set its own. */
function localSecret(name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** A local key ring and blind index key for personal data at rest (decision 037), kept in .data like the other secrets. */
function localDataKeys(): { DATA_KEYS: string; BLIND_INDEX_KEY: string } {
  const keys = path.join(dataDir, "data-keys");
  if (!existsSync(keys)) writeFileSync(keys, `local1:${randomBytes(32).toString("base64")}`, { mode: 0o600 });
  const index = path.join(dataDir, "blind-index-key");
  if (!existsSync(index)) writeFileSync(index, randomBytes(32).toString("base64"), { mode: 0o600 });
  return { DATA_KEYS: readFileSync(keys, "utf8").trim(), BLIND_INDEX_KEY: readFileSync(index, "utf8").trim() };
}

/** The database to serve: `given` when its URL came from DATABASE_URL (not the embedded one). */
async function openDatabase(): Promise<{ url: string; stop: () => Promise<void>; fresh: boolean; given: boolean }> {
  if (isE2E) {
    if (process.env.TEST_DATABASE_URL) {
      const url = process.env.TEST_DATABASE_URL;
      await resetDatabase(url);
      return { url, stop: async () => {}, fresh: true, given: false };
    }
    const dir = path.join(dataDir, "e2e-pglite");
    rmSync(dir, { recursive: true, force: true });
    // Room for the journeys that start more servers on it (tests/e2e/two-servers.spec.ts).
    const db = await startEmbeddedPostgres({ dataDir: dir, maxConnections: 40 });
    return { ...db, fresh: true, given: false };
  }
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {}, fresh: false, given: true };
  if (isProduction) throw new Error("DATABASE_URL must be set in production; the embedded database is for trying the portal out.");
  const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), port: Number(process.env.ANJU_PG_PORT ?? 0) || undefined });
  log(`embedded PostgreSQL on ${db.url.replace(/\/\/[^@]*@/, "//")} (data in ${path.relative(root, path.join(dataDir, "pglite"))})`);
  return { ...db, fresh: false, given: false };
}

function newestSourceChange(): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const entry of readdirSync(p)) if (!entry.startsWith(".") && entry !== "node_modules") visit(path.join(p, entry));
    } else if (st.mtimeMs > newest) {
      newest = st.mtimeMs;
    }
  };
  for (const p of ["app", "components", "lib", "messages", "i18n", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"]) {
    visit(path.join(root, p));
  }
  return newest;
}

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, commandArgs, { cwd: root, env, stdio: "inherit" });
}

function waitFor(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const db = await openDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? (isProduction ? undefined : localSecret("auth-secret")),
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET must be set in production.");
  if (!isProduction && (!env.DATA_KEYS || !env.BLIND_INDEX_KEY)) {
    const local = localDataKeys();
    env.DATA_KEYS ??= local.DATA_KEYS;
    env.BLIND_INDEX_KEY ??= local.BLIND_INDEX_KEY;
  }
  if (!env.DATA_KEYS || !env.BLIND_INDEX_KEY) throw new Error("DATA_KEYS and BLIND_INDEX_KEY must be set in production.");
  // The seed below runs in this process and encrypts with the same keys as the portal.
  process.env.DATA_KEYS = env.DATA_KEYS;
  process.env.BLIND_INDEX_KEY = env.BLIND_INDEX_KEY;
  process.env.DATABASE_URL = db.url;
  // End-to-end fixtures connect to the same database (tests/e2e/db.ts).
  if (isE2E) writeFileSync(path.join(dataDir, "e2e-database-url"), db.url);

  const { applied } = await migrate(db.url);
  if (applied.length > 0) log(`applied migrations: ${applied.join(", ")}`);
  // Resident IDs stored before encryption (an upgraded database) are encrypted before serving, so
  // that every lookup by blind index finds them (decision 037). Nothing to do on a fresh database.
  const { reencryptResidentIds } = await import("../lib/crypto/resident-ids");
  const legacy = await reencryptResidentIds({ legacyOnly: true });
  const encrypted = Object.values(legacy).reduce((a, b) => a + b, 0);
  if (encrypted > 0) log(`encrypted ${encrypted} resident IDs stored in clear`);

  // The demo seed imports the app's data layer; load it only when it is needed.
  // Whether the operator gave DATABASE_URL, as openDatabase found it (process.env.DATABASE_URL
  // holds the embedded database's URL by now, for the app and the seed).
  const plan = demoSeedPlan({ databaseUrlGiven: db.given, e2e: isE2E, seedDemoRequested: process.env.ANJU_SEED_DEMO === "1" });
  log(plan.notice);
  const { hasDemoData, seedDemoIfEmpty, printDemoAccounts } = await import("../lib/demo/seed");
  if (plan.seed !== "never" && (await seedDemoIfEmpty({ force: plan.seed === "force" }))) log("seeded the demo data");
  const showDemoAccounts = plan.seed !== "never" && (await hasDemoData());

  let child: ChildProcess;
  if (isDev) {
    child = run(process.execPath, [nextBin(), "dev", "-p", String(port)], env);
  } else {
    const buildId = path.join(root, process.env.ANJU_NEXT_DIST_DIR ?? ".next", "BUILD_ID");
    if (process.env.ANJU_SKIP_BUILD !== "1" && (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceChange())) {
      log("building the portal (next build)…");
      const code = await waitFor(run(process.execPath, [nextBin(), "build"], { ...env, NODE_ENV: "production" }));
      if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
    }
    // Next's handler behind the portal's own HTTP server, which records the socket's peer address
    // for lib/auth/client-ip.ts (docs/decisions/030-client-addresses-and-csp.md).
    child = run(process.execPath, [path.join(root, "scripts", "server.mjs"), String(port)], { ...env, NODE_ENV: "production" });
  }
  if (showDemoAccounts) printDemoAccounts();
  log(`portal at http://localhost:${port}`);

  const stop = async (signal: NodeJS.Signals) => {
    child.kill(signal);
    await waitFor(child);
    await db.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  const code = await waitFor(child);
  await db.stop();
  process.exit(code);
}

function nextBin(): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

main().catch((error: unknown) => {
  console.error(`[anju] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
