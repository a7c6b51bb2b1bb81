// The security suite: a copy of the database gives away no resident ID (decision 037). The demo
// seed goes through the services (households, 渝快办 intake, shared data, bans, directed
// allocation, tenancy); then every column of every table is read raw, as someone holding a dump
// would, and no valid resident ID number appears anywhere in clear.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "@/lib/demo/seed";
import { isValidResidentId } from "@/lib/rules/identity";
import { prisma, testDatabaseUrl, truncateAll } from "../integration/db";

const CANDIDATE = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g;

describe("resident IDs at rest", () => {
  beforeAll(async () => {
    await truncateAll();
    expect(await seedDemoIfEmpty()).toBe(true);
  }, 300_000);

  it("are in no table in clear, while the portal reads them back whole", async () => {
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    const found: string[] = [];
    let rowsRead = 0;
    try {
      const tables = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
      for (const { tablename } of tables.rows) {
        const rows = await client.query(`SELECT * FROM "public"."${tablename.replaceAll('"', '""')}"`);
        for (const row of rows.rows) {
          rowsRead++;
          const text = JSON.stringify(row, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v));
          for (const match of text.matchAll(CANDIDATE)) if (isValidResidentId(match[0].toUpperCase())) found.push(`${tablename}: ${match[0].slice(0, 6)}…`);
        }
      }
    } finally {
      await client.end();
    }
    expect(rowsRead).toBeGreaterThan(1000);
    expect(found).toEqual([]);

    // Through the data layer the numbers are whole, and found by their blind index.
    const member = await prisma.householdMember.findFirstOrThrow({ select: { residentId: true, applicationId: true } });
    expect(isValidResidentId(member.residentId)).toBe(true);
    const again = await prisma.householdMember.findMany({ where: { residentId: member.residentId }, select: { applicationId: true } });
    expect(again.map((m) => m.applicationId)).toContain(member.applicationId);
    const ban = await prisma.ban.findFirst({ select: { residentId: true } });
    if (ban) expect(isValidResidentId(ban.residentId)).toBe(true);
  });
});
