// Issue 8, city scale: a district publicises a month's decisions at once (up to 10,000 entries a
// batch, Art. 19). Publishing them is a handful of statements in one transaction; the batch's
// pages are ranges of the (batchId, position) index, its searches by application number ranges
// of the (batchId, applicationNo) index.
import { beforeEach, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { publishBatch, listPublishable } from "@/lib/publicity/batches";
import { ENTRY_PAGE_SIZE, listPublicBatchEntries, listStaffBatchEntries } from "@/lib/publicity/entries";
import { publishBatchSchema } from "@/lib/publicity/schemas";
import { errorKey } from "../support/app-errors";
import { cstInstant } from "../support/clock";
import { YUZHONG } from "../support/districts";
import { createAwaitingApplications, createLargeBatch } from "../support/large-batch";
import { prisma, seedDistricts, testDatabaseUrl, truncateAll, withPgClient } from "./db";
import { createCast, type Cast } from "./review-fixtures";

const NOW = cstInstant("2025-06-09", "10:00");
// The fixture's applications passed their review an hour before the real clock.
const LATER = new Date(Date.now() + 60_000);
const SIZE = 10_000;

let cast: Cast;

beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  cast = await createCast();
});

/** Runs `fn` with the shared client swapped for one that counts the statements it sends. */
async function countingStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const g = globalThis as unknown as { anjuPrisma?: PrismaClient };
  const previous = g.anjuPrisma;
  const counting = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: 2 }), log: [{ emit: "event", level: "query" }] });
  let statements = 0;
  counting.$on("query", () => statements++);
  g.anjuPrisma = counting;
  try {
    return { result: await fn(), statements };
  } finally {
    g.anjuPrisma = previous;
    await counting.$disconnect();
  }
}

describe("publishing a batch of 10,000", () => {
  it("publishes every application awaiting publicity in one transaction of a few statements, each status event and notice written", async () => {
    await withPgClient((db) => createAwaitingApplications(db, { size: SIZE, districtCode: YUZHONG, dueDate: "2025-06-06" }));
    const shown = await listPublishable(cast.yz1, {}, { now: LATER });
    expect(shown.total).toBe(SIZE);
    expect(shown.items).toHaveLength(50);
    const input = publishBatchSchema.parse({ districtCode: YUZHONG, scope: "all", expectedCount: String(shown.total), asOf: shown.asOf.toISOString() });

    const { result, statements } = await countingStatements(() => publishBatch(cast.yz1, input, { now: LATER }));
    expect(result.count).toBe(SIZE);
    // Not one round trip per application: the inserts and the status update are statements for all.
    expect(statements).toBeLessThan(60);

    expect(await prisma.application.count({ where: { districtCode: YUZHONG, status: "IN_PUBLICITY" } })).toBe(SIZE);
    expect(await prisma.publicityEntry.count({ where: { batchId: result.batchId } })).toBe(SIZE);
    expect(await prisma.applicationStatusEvent.count({ where: { fromStatus: "SECOND_REVIEW_PASSED", toStatus: "IN_PUBLICITY" } })).toBe(SIZE);
    expect(await prisma.auditLog.count({ where: { action: "publicity.publish", entityType: "Application" } })).toBe(SIZE);
    // The fixture's applicants have a phone each and no account: one SMS notice each.
    expect(await prisma.notification.count({ where: { templateKey: "publicity.published", channel: "SMS" } })).toBe(SIZE);
    const entry = await prisma.publicityEntry.findFirstOrThrow({ where: { batchId: result.batchId }, orderBy: { applicationNo: "asc" }, include: { application: true } });
    expect(entry.applicationNo).toBe(entry.application.applicationNo);
    expect(entry).toMatchObject({ displayName: "公**", householdSize: 1, position: 1 });
    // Each entry's place is its rank by application number, 1 to 10,000 (pages are ranges of it).
    const misplaced = await withPgClient(async (db) =>
      Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM (SELECT "position", row_number() OVER (ORDER BY "applicationNo") AS rank FROM "PublicityEntry" WHERE "batchId" = $1) e WHERE "position" <> rank`,
            [result.batchId],
          )
        ).rows[0]!.n,
      ),
    );
    expect(misplaced).toBe(0);
    expect(await prisma.publicityEntry.aggregate({ where: { batchId: result.batchId }, _max: { position: true } })).toEqual({ _max: { position: SIZE } });
    expect(await prisma.publicityBatch.findUniqueOrThrow({ where: { id: result.batchId }, select: { entryCount: true } })).toEqual({ entryCount: SIZE });
  }, 180_000);

  it("publishes nothing when what was shown has changed (one passed its review since, or one left)", async () => {
    const ids = await withPgClient((db) => createAwaitingApplications(db, { size: 3, districtCode: YUZHONG, dueDate: "2025-06-06" }));
    const shown = await listPublishable(cast.yz1, {}, { now: LATER });
    await prisma.application.update({ where: { id: ids[0]! }, data: { status: "WITHDRAWN" } });
    const input = publishBatchSchema.parse({ districtCode: YUZHONG, scope: "all", expectedCount: shown.total, asOf: shown.asOf.toISOString() });
    expect(await errorKey(() => publishBatch(cast.yz1, input, { now: LATER }))).toBe("publicity.errors.listChanged");
    expect(await prisma.publicityBatch.count()).toBe(0);
    expect(await prisma.application.count({ where: { status: "IN_PUBLICITY" } })).toBe(0);
  });

  it("moves no application when one of the chosen is no longer awaiting publicity (the update's count is checked)", async () => {
    const ids = await withPgClient((db) => createAwaitingApplications(db, { size: 3, districtCode: YUZHONG, dueDate: "2025-06-06" }));
    await prisma.application.update({ where: { id: ids[2]! }, data: { status: "WITHDRAWN" } });
    expect(await errorKey(() => publishBatch(cast.yz1, { districtCode: YUZHONG, applicationIds: ids, title: "" }, { now: NOW }))).toBe("publicity.errors.notPublishable");
    expect(await prisma.application.count({ where: { status: "IN_PUBLICITY" } })).toBe(0);
    expect(await prisma.applicationStatusEvent.count()).toBe(0);
  });
});

describe("the entries of a batch of 10,000", () => {
  it("come 50 a page in the order of application numbers, and are found by number, exact or by its beginning", async () => {
    const batch = await withPgClient((db) => createLargeBatch(db, { size: SIZE, districtCode: YUZHONG, startDate: "2025-06-09", endDate: "2025-06-16" }));
    const first = await listPublicBatchEntries(batch.batchId, {}, { now: NOW });
    expect(first).toMatchObject({ total: SIZE, page: 1, pageCount: SIZE / ENTRY_PAGE_SIZE, q: "", isPastEnd: false });
    expect(first!.items.map((e) => e.applicationNo)).toEqual(batch.applicationNos.slice(0, 50));
    expect(first!.items[0]).toMatchObject({ acceptsObjections: true, estateLevel: "DISTRICT", unitType: "ONE_BEDROOM" });

    const last = await listPublicBatchEntries(batch.batchId, { page: 200 }, { now: NOW });
    expect(last!.items.map((e) => e.applicationNo)).toEqual(batch.applicationNos.slice(9950));
    const past = await listPublicBatchEntries(batch.batchId, { page: 201 }, { now: NOW });
    expect(past).toMatchObject({ page: 200, isPastEnd: true });

    const exact = batch.applicationNos[1234]!;
    expect((await listPublicBatchEntries(batch.batchId, { q: exact }, { now: NOW }))!.items.map((e) => e.applicationNo)).toEqual([exact]);
    // Typed in lower case and full width: found all the same.
    const typed = exact.toLowerCase().replace("-", "－");
    expect((await listPublicBatchEntries(batch.batchId, { q: typed }, { now: NOW }))!.total).toBe(1);
    const prefix = exact.slice(0, -2); // …0012xx: 100 numbers
    const byPrefix = await listPublicBatchEntries(batch.batchId, { q: prefix, page: 2 }, { now: NOW });
    expect(byPrefix).toMatchObject({ total: 100, page: 2, pageCount: 2, q: prefix });
    expect(byPrefix!.items.every((e) => e.applicationNo.startsWith(prefix))).toBe(true);
    expect(await listPublicBatchEntries(batch.batchId, { q: "GZF-999999" }, { now: NOW })).toMatchObject({ total: 0, items: [] });
    expect(await listPublicBatchEntries(batch.batchId, { q: "张三" }, { now: NOW })).toMatchObject({ total: 0, items: [] });

    const staff = await listStaffBatchEntries(cast.yz1, batch.batchId, { q: exact });
    expect(staff!.items).toMatchObject([{ applicationNo: exact, objections: [] }]);
  }, 120_000);

  it("keep an objection in its entry's batch: the database refuses one filed under another batch", async () => {
    const a = await withPgClient((db) => createLargeBatch(db, { size: 3, districtCode: YUZHONG, startDate: "2025-06-09", endDate: "2025-06-16" }));
    const b = await withPgClient((db) => createLargeBatch(db, { size: 3, districtCode: YUZHONG, startDate: "2025-06-09", endDate: "2025-06-16" }));
    const entry = await prisma.publicityEntry.findFirstOrThrow({ where: { batchId: a.batchId }, select: { id: true } });
    const objection = { entryId: entry.id, contactName: "王先生", contactPhone: "13700000001", content: "请核查。" };
    await expect(prisma.objection.create({ data: { ...objection, batchId: b.batchId } })).rejects.toThrow();
    expect(await prisma.objection.count()).toBe(0);
    await prisma.objection.create({ data: { ...objection, batchId: a.batchId } });
    expect(await prisma.objection.count({ where: { batchId: a.batchId } })).toBe(1);
  });

  it("are read through the (batchId, position) index for a page and the (batchId, applicationNo) index for a search", async () => {
    const batch = await withPgClient((db) => createLargeBatch(db, { size: SIZE, districtCode: YUZHONG, startDate: "2025-06-09", endDate: "2025-06-16" }));
    // Another batch in the table, so that one batch is a part of it, as in production.
    await withPgClient((db) => createLargeBatch(db, { size: 2000, districtCode: YUZHONG, startDate: "2025-06-09", endDate: "2025-06-16" }));
    const plans = await withPgClient(async (db) => {
      await db.query(`ANALYZE "PublicityEntry"`);
      const explain = async (sql: string, values: unknown[]) =>
        (await db.query(`EXPLAIN ${sql}`, values)).rows.map((r) => String(r["QUERY PLAN"])).join("\n");
      const prefix = batch.applicationNos[1234]!.slice(0, -2);
      return {
        search: await explain(
          `SELECT "id" FROM "PublicityEntry" WHERE "batchId" = $1 AND "applicationNo" >= $2 AND "applicationNo" < $3 AND "applicationNo" LIKE $4 ORDER BY "applicationNo" LIMIT 50`,
          [batch.batchId, prefix, `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`, `${prefix}%`],
        ),
        page: await explain(`SELECT "id" FROM "PublicityEntry" WHERE "batchId" = $1 AND "position" > $2 ORDER BY "position" LIMIT 50`, [batch.batchId, 9950]),
      };
    });
    // The search reads the index's range of the numbers that begin with the query (a plain or a
    // bitmap index scan, as the planner likes), not the batch.
    expect(plans.search).toMatch(/Index (Only )?Scan (using|on) "PublicityEntry_batchId_applicationNo_key"/);
    expect(plans.search).toMatch(/Index Cond: .*"applicationNo" >= .*"applicationNo" < /);
    // Any page, the last included, is its 50 positions of the index: nothing before them is read
    // (an ordered index scan, or for the last few rows a bitmap scan of them and a sort of 50).
    expect(plans.page).toMatch(/Index Scan (using|on) "PublicityEntry_batchId_position_key"/);
    expect(plans.page).toMatch(/Index Cond: .*"position" > /);
    expect(plans.page).not.toMatch(/Seq Scan/);
  }, 120_000);
});
