// The project's migrator: applies prisma/migrations the way `prisma migrate deploy` does and
// records them in Prisma's own `_prisma_migrations` table, so Prisma's CLI (wherever its engines
// can run) sees the same history. Prisma's engines cannot run on this machine; see
// docs/decisions/002-migrations.md for why this exists and how it differs.
//
// No `import "server-only"`: scripts (tsx) and test setup import this module.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { getEnv } from "@/lib/env";

/** The advisory lock key Prisma Migrate uses, so this migrator and `prisma migrate` exclude each other. */
export const MIGRATION_ADVISORY_LOCK_KEY = 72707369;

/** Prisma's DDL for its history table (sql-schema-connector, PostgreSQL flavour), verbatim. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** prisma/migrations of this checkout, found from this file so scripts work from any directory. */
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export type MigrationErrorCode =
  | "INVALID_MIGRATIONS_DIR"
  | "PROVIDER_MISMATCH"
  | "LOCK_TIMEOUT"
  | "FAILED_MIGRATION_IN_DATABASE"
  | "MISSING_LOCALLY"
  | "CHECKSUM_MISMATCH"
  | "APPLY_FAILED"
  | "REFUSED_IN_PRODUCTION";

/** Every refusal and failure of the migrator; `code` says which, `migrationName` which migration. */
export class MigrationError extends Error {
  readonly code: MigrationErrorCode;
  readonly migrationName?: string;

  constructor(code: MigrationErrorCode, message: string, options?: { migrationName?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "MigrationError";
    this.code = code;
    this.migrationName = options?.migrationName;
  }
}

export interface LocalMigration {
  /** The folder name, e.g. `20261129120000_init`; migrations apply in this (lexical) order. */
  name: string;
  script: string;
  /** Lowercase hex SHA-256 of migration.sql, as Prisma records it. */
  checksum: string;
}

export interface MigrateOptions {
  /** Defaults to this checkout's prisma/migrations. */
  migrationsDir?: string;
  /** How long to wait for another migrator holding the lock (default 60 s). */
  lockTimeoutMs?: number;
  /** Progress messages (default: silent). */
  log?: (message: string) => void;
}

export interface MigrateResult {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** Migrations that were already applied. */
  alreadyApplied: string[];
}

/** A row of `_prisma_migrations`. */
export interface MigrationRecord {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

/** Prisma's checksum of a migration script: SHA-256 of its bytes, lowercase zero-padded hex. */
export function migrationChecksum(script: string | Uint8Array): string {
  return createHash("sha256").update(script).digest("hex");
}

/**
 * Whether `script` matches a recorded checksum, with Prisma's tolerance: line endings may have
 * been changed by git (LF vs CRLF), and very old Prisma versions wrote hex without zero padding.
 */
export function checksumMatches(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant).digest();
    const formatted =
      checksum.length === 64 || checksum.length === 0
        ? digest.toString("hex")
        : Array.from(digest, (byte) => byte.toString(16)).join("");
    return formatted === checksum;
  });
}

/** Reads the migration folders, in order. Fails on anything `prisma migrate deploy` would refuse. */
export async function listLocalMigrations(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<LocalMigration[]> {
  if (!existsSync(migrationsDir)) {
    throw new MigrationError("INVALID_MIGRATIONS_DIR", `No migrations directory at ${migrationsDir}.`);
  }
  await checkLockfile(migrationsDir);

  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  const migrations: LocalMigration[] = [];
  for (const name of folders) {
    const file = path.join(migrationsDir, name, "migration.sql");
    if (!existsSync(file)) {
      throw new MigrationError("INVALID_MIGRATIONS_DIR", `Migration folder ${name} has no migration.sql.`, {
        migrationName: name,
      });
    }
    const bytes = await readFile(file);
    migrations.push({ name, script: bytes.toString("utf8"), checksum: migrationChecksum(bytes) });
  }
  return migrations;
}

// Prisma refuses to apply migrations written for another provider (migration_lock.toml).
async function checkLockfile(migrationsDir: string): Promise<void> {
  const lockfile = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lockfile)) return;
  const text = await readFile(lockfile, "utf8");
  const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(text)?.[1];
  if (provider !== undefined && provider !== "postgresql") {
    throw new MigrationError(
      "PROVIDER_MISMATCH",
      `prisma/migrations was written for provider "${provider}", not "postgresql".`,
    );
  }
}

/**
 * Applies pending migrations from prisma/migrations, each in its own transaction, and records them
 * in `_prisma_migrations` exactly as Prisma does (id, checksum, started_at, finished_at,
 * applied_steps_count; logs on failure). Idempotent. Refuses to run when:
 * - an applied migration's file changed (checksum mismatch) or is missing locally;
 * - a migration failed earlier and was not resolved (Prisma's P3009 rule).
 * A session advisory lock (Prisma's key) keeps two migrators from racing.
 *
 * `target` is a connection string, or one open connection (a `pg.Client` or a checked-out
 * `pg.PoolClient`) that the migrator borrows and does not close. Never a pool: the lock and each
 * transaction need one session.
 */
export async function migrate(target: string | pg.ClientBase, options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  // Read the files before touching the database: a broken checkout changes nothing.
  const local = await listLocalMigrations(options.migrationsDir);

  return withConnection(target, async (client) => {
    await acquireLock(client, options.lockTimeoutMs ?? 60_000);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const records = await readRecords(client);
      const appliedNames = verifyHistory(local, records);

      const result: MigrateResult = { applied: [], alreadyApplied: [] };
      for (const migration of local) {
        if (appliedNames.has(migration.name)) {
          result.alreadyApplied.push(migration.name);
          continue;
        }
        const applied = await applyMigration(client, migration);
        if (applied) {
          log(`Applied migration ${migration.name}`);
          result.applied.push(migration.name);
        } else {
          result.alreadyApplied.push(migration.name);
        }
      }
      if (result.applied.length === 0) log("No pending migrations.");
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_ADVISORY_LOCK_KEY]).catch(() => {});
    }
  });
}

/**
 * Empties the database's `public` schema and migrates it from scratch: for tests and end-to-end
 * runs only. Refuses when NODE_ENV is production (or `options.environment` says so).
 */
export async function resetDatabase(
  url: string,
  options: MigrateOptions & { environment?: string } = {},
): Promise<MigrateResult> {
  const environment = options.environment ?? getEnv().NODE_ENV;
  if (environment === "production") {
    throw new MigrationError("REFUSED_IN_PRODUCTION", "resetDatabase refuses to run with NODE_ENV=production.");
  }
  return withConnection(url, async (client) => {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
    return migrate(client, options);
  });
}

/** The recorded history, oldest first (as Prisma lists it). */
export async function readMigrationRecords(client: pg.ClientBase): Promise<MigrationRecord[]> {
  return readRecords(client);
}

async function readRecords(client: pg.ClientBase): Promise<MigrationRecord[]> {
  const { rows } = await client.query<MigrationRecord>(
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM _prisma_migrations ORDER BY started_at ASC`,
  );
  return rows;
}

// Checks the recorded history against the files; returns the names already applied.
function verifyHistory(local: LocalMigration[], records: MigrationRecord[]): Set<string> {
  // Rows with rolled_back_at set are ignored, as by Prisma (resolved, or rolled back by us).
  const live = records.filter((record) => record.rolled_back_at === null);

  const failed = live.filter((record) => record.finished_at === null);
  if (failed.length > 0) {
    const names = failed.map((record) => record.migration_name).join(", ");
    throw new MigrationError(
      "FAILED_MIGRATION_IN_DATABASE",
      `Migration ${names} failed earlier and was not resolved; repair the database and mark it rolled back ` +
        `(set _prisma_migrations.rolled_back_at, or \`prisma migrate resolve --rolled-back\`) before migrating.`,
      { migrationName: failed[0]?.migration_name },
    );
  }

  const byName = new Map(local.map((migration) => [migration.name, migration]));
  for (const record of live) {
    const migration = byName.get(record.migration_name);
    if (!migration) {
      throw new MigrationError(
        "MISSING_LOCALLY",
        `The database has migration ${record.migration_name}, which is not in prisma/migrations ` +
          `(is this checkout older than the database?).`,
        { migrationName: record.migration_name },
      );
    }
    if (!checksumMatches(migration.script, record.checksum)) {
      throw new MigrationError(
        "CHECKSUM_MISMATCH",
        `Migration ${record.migration_name} was changed after it was applied (checksum ${record.checksum} in the ` +
          `database, ${migration.checksum} on disk). Applied migrations are immutable: revert the edit and add a new migration.`,
        { migrationName: record.migration_name },
      );
    }
  }
  return new Set(live.map((record) => record.migration_name));
}

// Scripts that manage their own transactions (Prisma writes BEGIN/COMMIT when it recreates an
// enum) or cannot run inside one (CREATE INDEX CONCURRENTLY) are applied the way Prisma applies
// every script: unwrapped, with a failure left recorded for a person to resolve.
function needsOwnTransaction(script: string): boolean {
  const code = script.replace(/--[^\n]*/g, "");
  return /^\s*(BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION)\b/im.test(code) || /\bCONCURRENTLY\b/i.test(code);
}

// Returns false when another migrator sharing this session applied it first (see below).
async function applyMigration(client: pg.ClientBase, migration: LocalMigration): Promise<boolean> {
  if (needsOwnTransaction(migration.script)) {
    await applyUnwrapped(client, migration);
    return true;
  }

  const id = randomUUID();
  const startedAt = new Date();
  await client.query("BEGIN");
  try {
    // Advisory locks belong to the session, and PGlite served over the wire multiplexes every
    // connection onto one session, so two migrators there both "hold" the lock. Transactions are
    // still serialised, so re-checking inside the transaction keeps a migration from running twice.
    const { rows } = await client.query(
      `SELECT 1 FROM _prisma_migrations
        WHERE migration_name = $1 AND rolled_back_at IS NULL AND finished_at IS NOT NULL`,
      [migration.name],
    );
    if (rows.length > 0) {
      await client.query("ROLLBACK");
      return false;
    }
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, 0)`,
      [id, migration.checksum, migration.name, startedAt],
    );
    // No parameters: the simple query protocol, which runs a multi-statement script.
    await client.query(migration.script);
    await client.query(
      `UPDATE _prisma_migrations
          SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp()
        WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    // The transaction undid the script, so record the attempt as rolled back (Prisma ignores such
    // rows and a later run retries) while keeping its logs for whoever fixes the migration.
    await client
      .query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES ($1, $2, $3, $4, now(), $5, 0)`,
        [id, migration.checksum, migration.name, describeError(error), startedAt],
      )
      .catch(() => {});
    throw new MigrationError("APPLY_FAILED", `Migration ${migration.name} failed and was rolled back: ${describeError(error)}`, {
      migrationName: migration.name,
      cause: error,
    });
  }
}

// Prisma's own sequence: record the start, run the script, record success or the failure's logs.
async function applyUnwrapped(client: pg.ClientBase, migration: LocalMigration): Promise<void> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    await client.query(migration.script);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    await client
      .query("UPDATE _prisma_migrations SET logs = $2 WHERE id = $1", [id, describeError(error)])
      .catch(() => {});
    throw new MigrationError(
      "APPLY_FAILED",
      `Migration ${migration.name} failed and may be partly applied; repair the database, then mark it rolled back: ` +
        describeError(error),
      { migrationName: migration.name, cause: error },
    );
  }
  await client.query(
    `UPDATE _prisma_migrations
        SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp()
      WHERE id = $1`,
    [id],
  );
}

async function acquireLock(client: pg.ClientBase, timeoutMs: number): Promise<void> {
  // Poll rather than block in pg_advisory_lock, so a stuck peer gives a clear error, not a hang.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      MIGRATION_ADVISORY_LOCK_KEY,
    ]);
    if (rows[0]?.locked) return;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        "LOCK_TIMEOUT",
        `Another migrator has held the migration lock for ${timeoutMs} ms (advisory lock ${MIGRATION_ADVISORY_LOCK_KEY}).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function withConnection<T>(target: string | pg.ClientBase, run: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  if (typeof target !== "string") return run(target);
  const client = new pg.Client({ connectionString: target });
  // An idle client whose server goes away emits "error"; without a listener that kills the process.
  client.on("error", () => {});
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const pgError = error as Error & { code?: string; detail?: string; position?: string };
    const parts = [pgError.message];
    if (pgError.code) parts.push(`(SQLSTATE ${pgError.code})`);
    if (pgError.detail) parts.push(pgError.detail);
    return parts.join(" ");
  }
  return String(error);
}
