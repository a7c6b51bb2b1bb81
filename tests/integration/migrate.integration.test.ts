// The migrator (lib/db/migrate.ts) against the test database: embedded PGlite by default, a real
// PostgreSQL with TEST_DATABASE_URL. Migrations run into a scratch schema (search_path) from a
// copy of prisma/migrations, so the tests can add, break and edit migration files freely without
// disturbing the migrated `public` schema the other test files use.
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  checksumMatches,
  DEFAULT_MIGRATIONS_DIR,
  migrate,
  MigrationError,
  readMigrationRecords,
  resetDatabase,
  type MigrationErrorCode,
} from "@/lib/db/migrate";
import { migrationNames, prisma, seedDistricts, testDatabaseUrl, truncateAll, withPgClient } from "./db";

const SCHEMA = "anju_migrate_test";
const INIT = "20261129120000_init";
/** Every migration of the checkout, INIT first. */
const ALL = migrationNames();

let migrationsDir: string;
const clients: pg.Client[] = [];

/** A connection whose unqualified names resolve to the scratch schema. */
async function scratchClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  client.on("error", () => {});
  await client.connect();
  await client.query(`SET search_path TO ${SCHEMA}`);
  clients.push(client);
  return client;
}

function addMigration(name: string, sql: string): void {
  mkdirSync(path.join(migrationsDir, name), { recursive: true });
  writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
}

async function expectMigrationError(promise: Promise<unknown>, code: MigrationErrorCode): Promise<MigrationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  expect((error as MigrationError).code).toBe(code);
  return error as MigrationError;
}

describe("migrate", () => {
  beforeEach(async () => {
    migrationsDir = mkdtempSync(path.join(tmpdir(), "anju-migrations-"));
    cpSync(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
    await withPgClient(async (admin) => {
      await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      await admin.query(`CREATE SCHEMA ${SCHEMA}`);
    });
  });

  afterEach(async () => {
    // Embedded PGlite has a single session shared by every connection, so a SET made on one is
    // seen by all: put search_path back before anything else uses the database.
    for (const client of clients.splice(0)) {
      await client.query("RESET search_path").catch(() => {});
      await client.end().catch(() => {});
    }
    rmSync(migrationsDir, { recursive: true, force: true });
  });

  afterAll(async () => {
    await withPgClient((admin) => admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`));
  });

  it("applies every migration and records it in _prisma_migrations as Prisma does", async () => {
    const client = await scratchClient();
    const result = await migrate(client, { migrationsDir });
    expect(result).toEqual({ applied: ALL, alreadyApplied: [] });
    expect(ALL[0]).toBe(INIT);

    const records = await readMigrationRecords(client);
    expect(records.map((r) => r.migration_name)).toEqual(ALL);
    const [record] = records;
    const fileBytes = readFileSync(path.join(migrationsDir, INIT, "migration.sql"));
    expect(record).toMatchObject({
      migration_name: INIT,
      checksum: createHash("sha256").update(fileBytes).digest("hex"),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(record?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(record?.finished_at).toBeInstanceOf(Date);
    expect(record!.finished_at!.getTime()).toBeGreaterThanOrEqual(record!.started_at.getTime());

    const tables = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1`, [SCHEMA]);
    expect(tables.rows[0].n).toBe(49); // 48 models + _prisma_migrations
  });

  it("creates _prisma_migrations with Prisma's exact shape", async () => {
    const client = await scratchClient();
    await migrate(client, { migrationsDir });
    const { rows } = await client.query(
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = $1 AND table_name = '_prisma_migrations'
        ORDER BY ordinal_position`,
      [SCHEMA],
    );
    expect(rows).toEqual([
      { column_name: "id", data_type: "character varying", length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", length: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", length: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", length: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", length: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", length: null, is_nullable: "NO", column_default: "0" },
    ]);
    const pk = await client.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'`,
      [`${SCHEMA}._prisma_migrations`],
    );
    expect(pk.rows).toEqual([{ conname: "_prisma_migrations_pkey" }]);
  });

  it("is idempotent and applies only new migrations, in folder order", async () => {
    const client = await scratchClient();
    await migrate(client, { migrationsDir });
    expect(await migrate(client, { migrationsDir })).toEqual({ applied: [], alreadyApplied: ALL });

    addMigration("20991231000000_second", `ALTER TABLE "District" ADD COLUMN "note2" TEXT;\n`);
    addMigration("20991230000000_first", `ALTER TABLE "District" ADD COLUMN "note1" TEXT;\n`);
    expect(await migrate(client, { migrationsDir })).toEqual({
      applied: ["20991230000000_first", "20991231000000_second"],
      alreadyApplied: ALL,
    });
    expect((await readMigrationRecords(client)).map((r) => r.migration_name)).toEqual([
      ...ALL,
      "20991230000000_first",
      "20991231000000_second",
    ]);
  });

  it("refuses to run when an applied migration's file changed, and applies nothing", async () => {
    const client = await scratchClient();
    await migrate(client, { migrationsDir });
    const file = path.join(migrationsDir, INIT, "migration.sql");
    writeFileSync(file, readFileSync(file, "utf8") + "\n-- edited after it was applied\n");
    addMigration("20991230000000_pending", `CREATE TABLE "Pending" ("id" TEXT NOT NULL);\n`);

    const error = await expectMigrationError(migrate(client, { migrationsDir }), "CHECKSUM_MISMATCH");
    expect(error.migrationName).toBe(INIT);
    const pending = await client.query(`SELECT to_regclass('${SCHEMA}."Pending"') AS t`);
    expect(pending.rows[0].t).toBeNull();
  });

  it("accepts a file whose line endings git changed (Prisma's checksum tolerance)", async () => {
    const client = await scratchClient();
    await migrate(client, { migrationsDir });
    const file = path.join(migrationsDir, INIT, "migration.sql");
    writeFileSync(file, readFileSync(file, "utf8").replaceAll("\n", "\r\n"));
    expect(await migrate(client, { migrationsDir })).toEqual({ applied: [], alreadyApplied: ALL });
  });

  it("rolls a failing migration back, records its logs, and retries it once fixed", async () => {
    const client = await scratchClient();
    await migrate(client, { migrationsDir });
    const name = "20991230000000_broken";
    addMigration(name, `CREATE TABLE "Half" ("id" TEXT NOT NULL);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n`);

    const error = await expectMigrationError(migrate(client, { migrationsDir }), "APPLY_FAILED");
    expect(error.message).toContain("NoSuchTable");
    const half = await client.query(`SELECT to_regclass('${SCHEMA}."Half"') AS t`);
    expect(half.rows[0].t).toBeNull(); // the whole script was rolled back
    const failed = (await readMigrationRecords(client)).find((r) => r.migration_name === name);
    expect(failed).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(failed?.rolled_back_at).toBeInstanceOf(Date);
    expect(failed?.logs).toContain("NoSuchTable");

    addMigration(name, `CREATE TABLE "Half" ("id" TEXT NOT NULL);\n`);
    expect(await migrate(client, { migrationsDir })).toEqual({ applied: [name], alreadyApplied: ALL });
    const records = (await readMigrationRecords(client)).filter((r) => r.migration_name === name);
    expect(records.map((r) => r.finished_at !== null)).toEqual([false, true]);
  });

  it("refuses to run while a failed migration is unresolved (Prisma's P3009)", async () => {
    const client = await scratchClient();
    await migrate(client, { migrationsDir });
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000000', $1, '20991230000000_half_applied', 'boom', now(), 0)`,
      ["0".repeat(64)],
    );
    addMigration("20991230000000_half_applied", `SELECT 1;\n`);
    await expectMigrationError(migrate(client, { migrationsDir }), "FAILED_MIGRATION_IN_DATABASE");

    // Resolving it as rolled back (what `prisma migrate resolve --rolled-back` does) unblocks it.
    await client.query(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL`);
    expect((await migrate(client, { migrationsDir })).applied).toEqual(["20991230000000_half_applied"]);
  });

  it("refuses to run when the database has a migration this checkout does not", async () => {
    const client = await scratchClient();
    await migrate(client, { migrationsDir });
    rmSync(path.join(migrationsDir, INIT), { recursive: true });
    await expectMigrationError(migrate(client, { migrationsDir }), "MISSING_LOCALLY");
  });

  it("refuses migrations written for another provider", async () => {
    const client = await scratchClient();
    writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "mysql"\n');
    await expectMigrationError(migrate(client, { migrationsDir }), "PROVIDER_MISMATCH");
  });

  it("lets two migrators start at once and applies each migration once", async () => {
    const [a, b] = [await scratchClient(), await scratchClient()];
    const results = await Promise.all([migrate(a, { migrationsDir }), migrate(b, { migrationsDir })]);
    expect(results.flatMap((r) => r.applied)).toEqual(ALL);
    expect(results.flatMap((r) => r.alreadyApplied)).toEqual(ALL);
    const records = await readMigrationRecords(a);
    expect(records.filter((r) => r.rolled_back_at === null)).toHaveLength(ALL.length);
  });

  it("applies a script that manages its own transaction the way Prisma does", async () => {
    const client = await scratchClient();
    await migrate(client, { migrationsDir });
    addMigration(
      "20991230000000_own_transaction",
      `BEGIN;\nCREATE TYPE "Colour" AS ENUM ('RED');\nALTER TYPE "Colour" RENAME TO "Hue";\nCOMMIT;\n`,
    );
    expect((await migrate(client, { migrationsDir })).applied).toEqual(["20991230000000_own_transaction"]);
    const record = (await readMigrationRecords(client)).at(-1);
    expect(record).toMatchObject({ migration_name: "20991230000000_own_transaction", applied_steps_count: 1 });
    expect(record?.finished_at).toBeInstanceOf(Date);
  });
});

describe("checksumMatches", () => {
  it("accepts Prisma's zero-padded hex and the unpadded hex of very old Prisma versions", () => {
    const script = "hello";
    // prisma-engines checksum.rs test vector
    expect(checksumMatches(script, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")).toBe(true);
    const digest = createHash("sha256").update(script).digest();
    const unpadded = Array.from(digest, (byte) => byte.toString(16)).join("");
    expect(checksumMatches(script, unpadded)).toBe(true);
    expect(checksumMatches("abc\n", createHash("sha256").update("abc").digest("hex"))).toBe(false);
  });
});

describe("resetDatabase", () => {
  beforeAll(async () => {
    await truncateAll();
    await seedDistricts();
  });

  it("refuses to run in production", async () => {
    await expectMigrationError(resetDatabase(testDatabaseUrl(), { environment: "production" }), "REFUSED_IN_PRODUCTION");
    expect(await prisma.district.count()).toBe(38);
  });

  it("drops everything in public and migrates it again", async () => {
    const result = await resetDatabase(testDatabaseUrl(), { environment: "test" });
    expect(result).toEqual({ applied: ALL, alreadyApplied: [] });
    expect(await prisma.district.count()).toBe(0);
    const rows = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM _prisma_migrations`;
    expect(rows[0]?.n).toBe(ALL.length);
  });
});

describe("interactive transactions over the test database", () => {
  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
  });

  it("rolls back everything written in a transaction that throws", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.district.update({ where: { code: "500103" }, data: { nameEn: "changed" } });
        await tx.sequenceCounter.create({ data: { key: "application:500103:2026", value: 1 } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect((await prisma.district.findUniqueOrThrow({ where: { code: "500103" } })).nameEn).toBe("Yuzhong District");
    expect(await prisma.sequenceCounter.count()).toBe(0);
  });

  it("commits a transaction that completes, while other queries keep working", async () => {
    const [value, others] = await Promise.all([
      prisma.$transaction(async (tx) => {
        await tx.sequenceCounter.create({ data: { key: "lease:2026", value: 0 } });
        const rows = await tx.$queryRaw<{ value: number }[]>`
          UPDATE "SequenceCounter" SET value = value + 1, "updatedAt" = now() WHERE key = 'lease:2026' RETURNING value`;
        return rows[0]?.value;
      }),
      Promise.all(Array.from({ length: 5 }, () => prisma.district.count())),
    ]);
    expect(value).toBe(1);
    expect(others).toEqual([38, 38, 38, 38, 38]);
    expect((await prisma.sequenceCounter.findUniqueOrThrow({ where: { key: "lease:2026" } })).value).toBe(1);
  });
});
