// The bench's own database: created by the bench on the server DATABASE_URL names and marked as
// such, so that the bench never writes a city of made-up households into a database it did not
// create. A database without the mark is refused; so is the embedded database.
import pg from "pg";

export const SCRATCH_MARK = "anju bench:scale scratch database";

export class ScratchRefused extends Error {}

function databaseName(url: URL): string {
  return decodeURIComponent(url.pathname.replace(/^\//, ""));
}

function withDatabase(url: URL, name: string): string {
  const copy = new URL(url.toString());
  copy.pathname = `/${encodeURIComponent(name)}`;
  return copy.toString();
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Makes sure the database of `databaseUrl` exists and is the bench's: creates and marks it when it
 * does not exist; refuses it when it exists without the mark or is the embedded database.
 */
export async function ensureScratchDatabase(databaseUrl: string | undefined): Promise<{ url: string; created: boolean }> {
  if (!databaseUrl) {
    throw new ScratchRefused(
      "DATABASE_URL is not set: bench:scale runs on a real PostgreSQL only, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/anju_bench npm run bench:scale",
    );
  }
  const url = new URL(databaseUrl);
  const name = databaseName(url);
  if (!name) throw new ScratchRefused("DATABASE_URL names no database: name the scratch database the bench may create, e.g. …/anju_bench");
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  let created = false;
  try {
    const version = (await admin.query<{ version: string }>("SELECT version() AS version")).rows[0]?.version ?? "";
    if (/\(PGlite [^)]*\)/.test(version)) throw new ScratchRefused("DATABASE_URL is the embedded database: bench:scale needs a real PostgreSQL server.");
    const found = await admin.query<{ mark: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1",
      [name],
    );
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      await admin.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS '${SCRATCH_MARK}'`);
      created = true;
    } else if (found.rows[0]!.mark !== SCRATCH_MARK) {
      throw new ScratchRefused(
        `The database "${name}" was not created by bench:scale (it lacks the bench's mark). Name a database that does not exist yet; the bench creates it.`,
      );
    }
  } finally {
    await admin.end();
  }
  return { url: url.toString(), created };
}

/** Empties the scratch database (its public schema) before a new data set is generated. */
export async function resetScratch(client: pg.Client): Promise<void> {
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
}

/**
 * Removes the audit rows a bench run wrote, so the next run starts as the first did. The audit log
 * is append-only (docs/decisions/029): only here, in the bench's own scratch database, does its owner
 * turn the guard off, for this one transaction. The chain is left with a gap there, which no bench reads.
 */
export async function deleteBenchAuditRows(db: pg.Pool, where: string, params: unknown[]): Promise<void> {
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    await client.query(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`);
    await client.query(`DELETE FROM "AuditLog" WHERE ${where}`, params);
    await client.query(`ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only"`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
