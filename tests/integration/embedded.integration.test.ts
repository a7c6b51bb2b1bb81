// The embedded database helper (lib/db/embedded.ts): PGlite served over the wire, used by the app
// when DATABASE_URL is unset and by these tests when TEST_DATABASE_URL is unset. These tests start
// their own servers, so they run the same way in both modes.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { upsertDistricts } from "@/lib/reference/districts";
import { migrationNames } from "./db";

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(dataDir: string): Promise<EmbeddedPostgres> {
  const server = await startEmbeddedPostgres({ dataDir });
  cleanups.push(() => server.stop());
  return server;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  cleanups.push(() => client.end().catch(() => {}));
  return client;
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "anju-pglite-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("startEmbeddedPostgres", () => {
  it("serves an in-memory database on a free 127.0.0.1 port", async () => {
    const server = await start("memory://");
    expect(server.url).toBe(`postgresql://postgres@127.0.0.1:${server.port}/postgres`);
    expect(server.port).toBeGreaterThan(0);
    const client = await connect(server.url);
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    expect(rows[0]?.version).toMatch(/^PostgreSQL 1\d/);
    await client.end();
    await server.stop();
    await server.stop(); // idempotent
  });

  it("keeps data in a data directory across stop and start, through Prisma", async () => {
    const dataDir = path.join(tempDir(), "pglite");
    const first = await startEmbeddedPostgres({ dataDir });
    await migrate(first.url);
    const prisma = createPrismaClient(first.url);
    await prisma.$transaction(async (tx) => {
      await upsertDistricts(tx);
      await tx.sequenceCounter.create({ data: { key: "application:500106:2026", value: 41 } });
    });
    await prisma.$disconnect();
    await first.stop();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const second = await start(dataDir);
    const again = createPrismaClient(second.url);
    cleanups.push(() => again.$disconnect());
    expect(await again.district.count()).toBe(38);
    expect((await again.sequenceCounter.findUniqueOrThrow({ where: { key: "application:500106:2026" } })).value).toBe(41);
    expect(await migrate(second.url)).toEqual({ applied: [], alreadyApplied: migrationNames() });
  });

  it("refuses a data directory another server has open", async () => {
    const dataDir = path.join(tempDir(), "pglite");
    await start(dataDir);
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/in use by process/);
  });

  it("keeps concurrent connections' queries and transactions apart", async () => {
    // pglite-socket 0.2.17 interleaves extended-protocol messages of different connections on
    // PGlite's single session; lib/db/embedded.ts replaces its queue. Without that fix this test
    // fails with "portal \"\" cannot be run", wrong rows, or a hang.
    const server = await start("memory://");
    const setup = await connect(server.url);
    await setup.query("CREATE TABLE t (id serial PRIMARY KEY, c int NOT NULL, v text NOT NULL)");
    const clients = await Promise.all(Array.from({ length: 8 }, () => connect(server.url)));

    const failures: string[] = [];
    await Promise.all(
      clients.map(async (client, ci) => {
        for (let i = 0; i < 60; i++) {
          try {
            if (ci % 2 === 0) {
              await client.query("BEGIN");
              await client.query("INSERT INTO t (c, v) VALUES ($1, $2)", [ci, `row ${i}`]);
              const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM t WHERE c = $1", [ci]);
              if (rows[0]?.n !== i + 1) failures.push(`client ${ci} saw ${rows[0]?.n} rows, expected ${i + 1}`);
              if (i % 5 === 0) {
                await client.query("ROLLBACK");
                await client.query("INSERT INTO t (c, v) VALUES ($1, $2)", [ci, `row ${i}`]);
              } else {
                await client.query("COMMIT");
              }
            } else {
              const { rows } = await client.query<{ a: number; b: string }>("SELECT $1::int AS a, $2::text AS b", [i, `c${ci}`]);
              if (rows[0]?.a !== i || rows[0]?.b !== `c${ci}`) failures.push(`client ${ci} got ${JSON.stringify(rows)}`);
            }
          } catch (error) {
            failures.push(`client ${ci}: ${(error as Error).message}`);
          }
        }
      }),
    );
    expect(failures).toEqual([]);
    const { rows } = await setup.query("SELECT c, count(*)::int AS n FROM t GROUP BY c ORDER BY c");
    expect(rows).toEqual([0, 2, 4, 6].map((c) => ({ c, n: 60 })));
  });

  it("rolls back the transaction of a connection that goes away, and serves the others", async () => {
    const server = await start("memory://");
    const setup = await connect(server.url);
    await setup.query("CREATE TABLE t (v int)");

    const quitter = new pg.Client({ connectionString: server.url });
    quitter.on("error", () => {});
    await quitter.connect();
    await quitter.query("BEGIN");
    await quitter.query("INSERT INTO t VALUES (1)");
    await quitter.end(); // without COMMIT

    const { rows } = await setup.query("SELECT count(*)::int AS n FROM t");
    expect(rows[0]?.n).toBe(0);
    await setup.query("INSERT INTO t VALUES (2)"); // autocommit works again
    expect((await setup.query("SELECT v FROM t")).rows).toEqual([{ v: 2 }]);
  });

  it("runs Prisma interactive transactions alongside other pool queries", async () => {
    const server = await start("memory://");
    await migrate(server.url);
    const prisma = createPrismaClient(server.url);
    cleanups.push(() => prisma.$disconnect());
    await upsertDistricts(prisma);

    await expect(
      prisma.$transaction(async (tx) => {
        await tx.district.delete({ where: { code: "500101" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");

    const counts = await Promise.all([
      prisma.$transaction(async (tx) => {
        await tx.sequenceCounter.create({ data: { key: "k", value: 1 } });
        return tx.sequenceCounter.count();
      }),
      ...Array.from({ length: 4 }, () => prisma.district.count()),
    ]);
    expect(counts).toEqual([1, 38, 38, 38, 38]);
  });
});
