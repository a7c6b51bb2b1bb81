// The tamper-evident audit trail (docs/decisions/029): the database seals every row into one hash
// chain whoever writes it, refuses UPDATE, DELETE and TRUNCATE, and the verifier finds a row edited
// or deleted by the owner past the triggers (the security suite's replay of "an edited audit row"
// is tests/security/edited-audit-row.integration.test.ts).
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { asOwnerPastTriggers, writeSome } from "./audit-fixtures";
import { canonicalAuditEncoding } from "@/lib/audit-log/chain";
import { verifyAuditChain } from "@/lib/audit-log/verify";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { Prisma } from "@/lib/generated/prisma/client";
import { isEmbeddedDatabase, prisma, testDatabaseUrl, truncateAll } from "./db";

beforeEach(async () => {
  await truncateAll();
});


async function chain(): Promise<Array<{ id: bigint; seq: bigint | null; prevHash: string | null; hash: string | null }>> {
  return prisma.auditLog.findMany({ select: { id: true, seq: true, prevHash: true, hash: true }, orderBy: { seq: "asc" } });
}


describe("sealing", () => {
  it("chains rows from writeAudit and from a bulk createMany of 10,000, in one unbroken chain", async () => {
    await writeAudit({ action: "test.one", entityType: "Test", entityId: "a", actorRole: "ADMIN", districtCode: "500103", data: { x: 1 } });
    await prisma.auditLog.createMany({
      data: Array.from({ length: 10_000 }, (_, i) => ({ action: "test.bulk", entityType: "Test", entityId: `b${i}`, data: { i } })),
    });
    await writeAudit({ action: "test.two", entityType: "Test", entityId: "c" });
    const rows = await chain();
    expect(rows).toHaveLength(10_002);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => BigInt(i + 1)));
    expect(rows[0]!.prevHash).toBe("0".repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    const result = await verifyAuditChain(prisma, { pageSize: 3000 });
    expect(result).toMatchObject({ ok: true, checked: 10_002, firstSeq: "1", lastSeq: "10002", lastHash: rows.at(-1)!.hash, break: null });
  });

  it("replaces whatever seq or hash a writer supplies", async () => {
    await writeSome(1);
    await prisma.auditLog.create({ data: { action: "test.forged", entityType: "Test", entityId: "f", seq: 99n, prevHash: "x", hash: "y" } });
    expect((await chain()).map((r) => r.seq)).toEqual([1n, 2n]);
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });

  it("encodes exactly as lib/audit-log/chain.ts does, for awkward text and JSON", async () => {
    const awkward = [
      { reason: '引号"反斜杠\\换行\n制表\t\u0001控制 /é😀\u2028', data: { z: 1.5, a: [1, "二", null, true], nested: { "k\"": -0.25, big: 12345678901234567890 } } },
      { reason: null, data: Prisma.JsonNull },
      { reason: "", data: Prisma.DbNull },
      { reason: "数字", data: { n: 1e21, m: 0.1, s: "😀" } },
    ];
    for (const [i, a] of awkward.entries()) {
      await prisma.auditLog.create({ data: { action: "test.awkward", entityType: "Test", entityId: String(i), actorId: i % 2 ? `u${i}` : null, reason: a.reason, data: a.data } });
    }
    const sql = await prisma.$queryRaw<Array<{ canonical: string; seq: string; id: string; at: string; actorId: string | null; actorRole: string | null; action: string; entityType: string; entityId: string; districtCode: string | null; reason: string | null; dataText: string | null }>>`
      SELECT "AuditLog_canonical"(a) AS canonical, a."seq"::text AS seq, a."id"::text AS id, to_char(a."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
             a."actorId", a."actorRole"::text AS "actorRole", a."action", a."entityType", a."entityId", a."districtCode"::text AS "districtCode", a."reason", a."data"::text AS "dataText"
        FROM "AuditLog" a ORDER BY a."seq"`;
    for (const row of sql) {
      const { canonical, ...content } = row;
      expect(canonicalAuditEncoding(content)).toBe(canonical);
    }
    // The timestamp as Prisma reads it is the same instant at millisecond precision.
    const first = await prisma.auditLog.findFirstOrThrow({ orderBy: { seq: "asc" } });
    expect(first.at.toISOString()).toBe(sql[0]!.at);
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });

  it("gives 20 concurrent transactions, each writing several rows, one unbroken chain", async () => {
    // The embedded server takes 10 connections in all (Prisma holds up to 5): 4 there, 20 on PostgreSQL.
    const writers = isEmbeddedDatabase() ? 4 : 20;
    const clients = await Promise.all(
      Array.from({ length: writers }, async () => {
        const client = new pg.Client({ connectionString: testDatabaseUrl() });
        client.on("error", () => {});
        await client.connect();
        return client;
      }),
    );
    try {
      await Promise.all(
        clients.map(async (client, t) => {
          await client.query("BEGIN");
          for (let i = 0; i < 5; i++) {
            await client.query(`INSERT INTO "AuditLog" ("action", "entityType", "entityId") VALUES ('test.concurrent', 'Test', $1)`, [`${t}-${i}`]);
          }
          await client.query(`INSERT INTO "AuditLog" ("action", "entityType", "entityId") VALUES ('test.concurrent', 'Test', $1), ('test.concurrent', 'Test', $2)`, [`${t}-m1`, `${t}-m2`]);
          await client.query("COMMIT");
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const rows = await chain();
    expect(rows).toHaveLength(writers * 7);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => BigInt(i + 1)));
    expect(await verifyAuditChain(prisma, { pageSize: 17 })).toMatchObject({ ok: true, checked: writers * 7 });
  });
});

describe("append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE with an error, and keeps the row", async () => {
    await writeSome(2);
    await expect(prisma.auditLog.updateMany({ data: { reason: "改" } })).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only: DELETE refused/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await prisma.auditLog.count()).toBe(2);
    expect((await prisma.auditLog.findFirstOrThrow({ where: { seq: 1n } })).reason).toBe("第0条");
  });
});
