// Helpers for *.integration.test.ts files. The database is created and migrated once per run by
// global-setup.ts; each test file starts from whatever the previous one left, so call
// truncateAll() (usually in beforeEach) and seed what the test needs.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { prisma } from "@/lib/db/client";
import { DEFAULT_MIGRATIONS_DIR } from "@/lib/db/migrate";
import { truncateTables } from "@/lib/db/truncate";
import { upsertDistricts } from "@/lib/reference/districts";

/** The intake API's shared secret in the integration tests (set by setup-env.ts). */
export const TEST_INTAKE_SECRET = "integration-test-intake-secret";
/** The test payment provider's secret in the integration tests (set by setup-env.ts). */
export const TEST_PAYMENT_SECRET = "integration-test-payment-secret";

/** The shared Prisma client (lib/db/client.ts) connected to the test database. */
export { prisma };

/** URL of the migrated test database. */
export function testDatabaseUrl(): string {
  return inject("databaseUrl");
}

/** Whether the run uses the embedded PGlite server (TEST_DATABASE_URL unset). */
export function isEmbeddedDatabase(): boolean {
  return inject("databaseIsEmbedded");
}

/** Empties every application table (not `_prisma_migrations`) and restarts identity sequences. */
export async function truncateAll(): Promise<void> {
  const rows = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
     WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
     ORDER BY tablename`;
  await truncateTables(prisma, rows.map((row) => `"public"."${row.tablename.replaceAll('"', '""')}"`));
}

/** Inserts the 38 districts and counties of Chongqing (lib/reference/districts.ts). */
export async function seedDistricts(): Promise<void> {
  await upsertDistricts(prisma);
}

/**
 * Runs `fn` with a dedicated `pg` connection to the test database (for SQL the tests need outside
 * Prisma, e.g. catalog queries), closing it afterwards.
 */
export async function withPgClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The checkout's migrations (prisma/migrations/<name>/migration.sql), in the order they apply. */
export function migrationNames(): string[] {
  return readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(DEFAULT_MIGRATIONS_DIR, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}
