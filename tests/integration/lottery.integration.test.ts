// The public lottery (Art. 21-23) against PostgreSQL: freezing a pool, drawing it once with a
// beacon, cancelling, and the public files and JSON exactly as shared/docs/lottery-publication.md
// fixes them, checked by the same verifyDraw that `npm run lottery:verify` runs.
import { beforeEach, describe, expect, it } from "vitest";
import { GET as getDrawRoute } from "@/app/api/v1/lotteries/[drawId]/route";
import { GET as getEntrantsRoute } from "@/app/api/v1/lotteries/[drawId]/entrants.txt/route";
import { GET as getResultRoute } from "@/app/api/v1/lotteries/[drawId]/result.txt/route";
import { GET as listDrawsRoute } from "@/app/api/v1/lotteries/route";
import { findDrawResult, listDrawResults } from "@/lib/allocation/draw-results";
import { cancelDraw, drawPool, drawWitnesses, entrantsText, freezePool, getPublicDraw, listPublicDraws, resultText } from "@/lib/allocation/lottery";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { UnitType } from "@/lib/generated/prisma/client";
import { compareByteOrder, drawSeed, resultFile, resultLines, sha256Hex } from "@/lib/lottery/publication";
import { drawJsonSchema, verifyDraw, type DrawJson } from "@/lib/lottery/verify";
import { drawLottery, seedCommitment } from "@/lib/rules/lottery";
import { cstInstant, dateColumn } from "../support/clock";
import { YUZHONG } from "../support/districts";
import { prisma, seedDistricts, truncateAll } from "./db";
import { BEACON_SOURCE, createEstate, createPlan, failure, household, PERIOD, race } from "./allocation-fixtures";
import { createCast, type Cast } from "./review-fixtures";

/** The public files and JSON of a draw, through the route handlers as a visitor gets them. */
async function published(drawId: string): Promise<{ draw: DrawJson; entrantsText: string; resultText: string | null }> {
  const params = Promise.resolve({ drawId });
  const base = `http://localhost/api/v1/lotteries/${drawId}`;
  const drawResponse = await getDrawRoute(new Request(base), { params });
  expect(drawResponse.status).toBe(200);
  const entrantsResponse = await getEntrantsRoute(new Request(`${base}/entrants.txt`), { params });
  expect(entrantsResponse.status).toBe(200);
  const resultResponse = await getResultRoute(new Request(`${base}/result.txt`), { params });
  expect([200, 404]).toContain(resultResponse.status);
  return {
    draw: drawJsonSchema.parse(await drawResponse.json()),
    entrantsText: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await entrantsResponse.arrayBuffer()),
    resultText: resultResponse.status === 200 ? await resultResponse.text() : null,
  };
}

describe("the public lottery", () => {
  let cast: Cast;
  let estate: { id: string; unitIds: Record<UnitType, string[]> };
  let planId: string;
  /** The households of the TWO_BEDROOM pool, and those that must stay out of it. */
  let inPool: Array<{ id: string; applicationNo: string; priority: boolean }>;
  let outOfPool: Record<string, { id: string; applicationNo: string }>;

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    estate = await createEstate("YZ-LOT", { TWO_BEDROOM: 5, ONE_BEDROOM: 2 });
    const otherEstate = await createEstate("YZ-OTHER", { TWO_BEDROOM: 1 });
    planId = await createPlan(cast, estate);
    inPool = [];
    for (let i = 0; i < 12; i++) {
      const priority = i % 3 === 0;
      // Both ends of the period count (Art. 23: the application period), and a larger entitlement may take a smaller unit (Art. 21).
      const acceptedAt = i === 0 ? cstInstant("2025-01-01", "00:00") : i === 1 ? cstInstant("2025-06-30", "23:59:59") : cstInstant("2025-03-03");
      const h = await household({ estateId: estate.id, entitled: i === 2 ? "THREE_BEDROOM" : "TWO_BEDROOM", acceptedAt, priority });
      inPool.push({ ...h, priority });
    }
    outOfPool = {
      beforePeriod: await household({ estateId: estate.id, acceptedAt: cstInstant("2024-12-31", "23:59:59") }),
      afterPeriod: await household({ estateId: estate.id, acceptedAt: cstInstant("2025-07-01", "00:00") }),
      otherEstate: await household({ estateId: otherEstate.id }),
      smallerEntitlement: await household({ estateId: estate.id, entitled: "ONE_BEDROOM" }),
      alreadyAllocated: await household({ estateId: estate.id, status: "ALLOCATED" }),
      cancelledQualification: await household({ estateId: estate.id, qualification: "CANCELLED" }),
    };
  });

  const freeze = (actor: Actor = cast.yz1, unitType: UnitType = "TWO_BEDROOM") =>
    freezePool(actor, { planId, unitType, beaconSource: BEACON_SOURCE, priorityShareBp: 4000 });

  it("freezes a pool: the entrants file in byte order with P and G, its hash and the commitment published, the secret kept back", async () => {
    const frozen = await freeze();
    expect(frozen).toMatchObject({ units: 5, entrantCount: 12, priorityEntrantCount: 4 });
    expect(JSON.stringify(frozen)).not.toMatch(/seedSecret/);

    const expected = [...inPool].sort((a, b) => compareByteOrder(a.applicationNo, b.applicationNo)).map((h) => `${h.applicationNo},${h.priority ? "P" : "G"}\n`).join("");
    const text = await entrantsText(frozen.drawId);
    expect(text).toBe(expected);
    for (const excluded of Object.values(outOfPool)) expect(text).not.toContain(excluded.applicationNo);
    expect(sha256Hex(text!)).toBe(frozen.entrantsSha256);

    const stored = await prisma.lotteryDraw.findUniqueOrThrow({ where: { id: frozen.drawId } });
    expect(stored.seedSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(seedCommitment(stored.seedSecret!)).toBe(frozen.seedCommitment);
    expect([stored.status, stored.unitsCount, stored.priorityShareBp, stored.beaconSource]).toEqual(["COMMITTED", 5, 4000, BEACON_SOURCE]);

    const draw = await getPublicDraw(frozen.drawId);
    expect(draw).toMatchObject({
      drawId: frozen.drawId,
      planId,
      estateName: "摇号测试小区 YZ-LOT",
      districtCode: YUZHONG,
      unitType: "TWO_BEDROOM",
      units: 5,
      priorityShare: 0.4,
      status: "COMMITTED",
      entrantCount: 12,
      priorityEntrantCount: 4,
      entrantsSha256: frozen.entrantsSha256,
      seedCommitment: frozen.seedCommitment,
      beaconSource: BEACON_SOURCE,
      drawnAt: null,
      seedSecret: null,
      beacon: null,
      seed: null,
      cancelledAt: null,
      cancelReason: null,
    });
    expect(draw!.committedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
    // The secret appears nowhere public before the draw: not the JSON, the list, the audit log.
    expect(JSON.stringify(await listPublicDraws())).not.toContain(stored.seedSecret!);
    const audit = await prisma.auditLog.findMany({ where: { entityId: frozen.drawId } });
    expect(audit.map((a) => a.action)).toEqual(["lottery.freeze"]);
    expect(JSON.stringify(audit.map((a) => [a.data, a.reason]))).not.toContain(stored.seedSecret!);
    expect(await resultText(frozen.drawId)).toBeNull();

    // Entrant rows are written at the draw, with their results; until then the file is the pool.
    expect(await prisma.lotteryEntrant.count({ where: { drawId: frozen.drawId } })).toBe(0);
  });

  it("draws once: the public files verify, and the rows hold drawLottery's ranks and outcomes", async () => {
    const { drawId } = await freeze();
    const beacon = "  482913  ";
    const outcome = await drawPool(cast.yz1, { drawId, beacon });
    expect(outcome).toMatchObject({ drawId, winners: 5, waitlisted: 7 });

    const files = await published(drawId);
    const verdict = verifyDraw(files);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(files.draw.status).toBe("DRAWN");
    expect(files.draw.beacon).toBe("482913");
    expect(files.draw.seed).toBe(drawSeed(files.draw.seedSecret!, "482913"));
    expect(Date.parse(files.draw.drawnAt!)).toBeGreaterThan(Date.parse(files.draw.committedAt));

    const pool = inPool.map((h) => ({ applicationNo: h.applicationNo, priority: h.priority }));
    const expected = drawLottery({ seed: files.draw.seed!, entrants: pool, units: 5, priorityShare: 0.4 });
    const rows = await prisma.lotteryEntrant.findMany({ where: { drawId }, orderBy: { rank: "asc" }, select: { applicationNo: true, applicationId: true, isPriority: true, rank: true, ticket: true, outcome: true, round: true } });
    // Each row names its application and its priority, as the entrants file has them.
    const household = new Map(inPool.map((h) => [h.applicationNo, h]));
    expect(rows.map((r) => [r.applicationId, r.isPriority])).toEqual(rows.map((r) => [household.get(r.applicationNo)!.id, household.get(r.applicationNo)!.priority]));
    expect(rows.map((r) => r.rank)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(rows.map((r) => [r.applicationNo, r.outcome, r.round])).toEqual([
      ...expected.winners.map((w) => [w.applicationNo, "WON", w.round]),
      ...expected.waitlist.map((no) => [no, "WAITLISTED", null]),
    ]);
    expect(expected.winners.filter((w) => w.round === "PRIORITY")).toHaveLength(2); // floor(5 x 0.4)
    // result.txt is the rows, byte for byte.
    const fromRows = resultFile(rows.map((r) => ({ rank: r.rank!, applicationNo: r.applicationNo, ticket: r.ticket!, outcome: r.outcome === "WAITLISTED" ? "WAITLIST" : r.round! })));
    expect(files.resultText).toBe(fromRows);
    expect(files.resultText).toBe(resultFile(resultLines(files.draw.seed!, pool, 5, 0.4)));

    expect(await failure(drawPool(cast.yz1, { drawId, beacon: "000000" }))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.alreadyDrawn" });
    expect(await failure(cancelDraw(cast.yz1, { drawId, reason: "重复组织" }))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.alreadyDrawn" });
    expect(await prisma.auditLog.count({ where: { entityId: drawId, action: "lottery.draw" } })).toBe(1);
  });

  it("reads a drawn result 50 a page in rank order, searched by application number, and one number's line, as result.txt has them", async () => {
    const { drawId } = await freeze();
    expect(await findDrawResult(drawId, inPool[0]!.applicationNo)).toBeNull(); // not drawn yet
    expect(await failure(drawPool(cast.yz1, { drawId, beacon: "1", witnesses: "证".repeat(501) }))).toMatchObject({ code: "VALIDATION", fieldErrors: { witnesses: ["allocation.validation.witnessesTooLong"] } });
    await drawPool(cast.yz1, { drawId, beacon: "1", witnesses: "重庆市渝中区公证处 王公证员；监督员 李某" });
    // Who witnessed it is on the public record (the verification page), not in the fixed JSON.
    expect(await drawWitnesses(drawId)).toBe("重庆市渝中区公证处 王公证员；监督员 李某");
    const lines = (await resultText(drawId))!.trimEnd().split("\n").map((l) => l.split(","));
    const page = await listDrawResults(drawId, 12);
    expect(page).toMatchObject({ total: 12, page: 1, pageCount: 1, q: "" });
    expect(page.items.map((r) => [String(r.rank), r.applicationNo, r.ticket, r.outcome])).toEqual(lines);
    // Past the end: the last page. A search: the numbers beginning with it, in number order.
    expect((await listDrawResults(drawId, 12, { page: 9 })).isPastEnd).toBe(true);
    const one = inPool[3]!.applicationNo;
    const found = await listDrawResults(drawId, 12, { q: ` ${one.toLowerCase()} ` });
    expect(found.items.map((r) => r.applicationNo)).toEqual([one]);
    const prefix = one.slice(0, -1);
    expect((await listDrawResults(drawId, 12, { q: prefix })).items.every((r) => r.applicationNo.startsWith(prefix))).toBe(true);
    expect(await listDrawResults(drawId, 12, { q: "不是编号" })).toMatchObject({ items: [], total: 0 });
    const line = lines.find((l) => l[1] === one)!;
    expect(await findDrawResult(drawId, one)).toEqual({ rank: Number(line[0]), applicationNo: one, ticket: line[2], outcome: line[3] });
    expect(await findDrawResult(drawId, "NO-SUCH")).toBeNull();
    expect(await findDrawResult("bad id!", one)).toBeNull();
  });

  it("twenty draws of one pool at once: exactly one runs, with its own beacon", async () => {
    const { drawId } = await freeze();
    const result = await race(Array.from({ length: 20 }, (_, i) => () => drawPool(i % 2 === 0 ? cast.yz1 : cast.city, { drawId, beacon: `beacon-${i}` })));
    expect(result.ok).toHaveLength(1);
    expect(result.errors).toEqual(Array(19).fill("CONFLICT"));
    const files = await published(drawId);
    expect(files.draw.beacon).toBe(`beacon-${result.ok[0]}`);
    expect(verifyDraw(files).ok).toBe(true);
    expect(await prisma.auditLog.count({ where: { entityId: drawId, action: "lottery.draw" } })).toBe(1);
    expect(await prisma.lotteryEntrant.count({ where: { drawId, rank: { not: null } } })).toBe(12);
  });

  it("refuses a second live draw of the pool, also when frozen at once", async () => {
    const first = await freeze();
    expect(await failure(freeze(cast.city))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.liveDrawExists" });
    await drawPool(cast.yz1, { drawId: first.drawId, beacon: "1" });
    expect(await failure(freeze())).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.liveDrawExists" });
    // Another unit type of the same plan is another pool.
    const oneBedroom = await freeze(cast.yz1, "ONE_BEDROOM");
    expect(oneBedroom).toMatchObject({ units: 2, entrantCount: 13 }); // the ONE_BEDROOM entitlement joins (Art. 21)

    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    estate = await createEstate("YZ-RACE", { TWO_BEDROOM: 1 });
    planId = await createPlan(cast, estate);
    await household({ estateId: estate.id });
    const result = await race(Array.from({ length: 6 }, () => () => freeze()));
    expect(result.ok).toHaveLength(1);
    expect(result.errors).toEqual(Array(5).fill("CONFLICT"));
    expect(await prisma.lotteryDraw.count()).toBe(1);
    expect(await prisma.lotteryDraw.findFirstOrThrow({ select: { entrantCount: true } })).toEqual({ entrantCount: 1 });
  });

  it("cancels a frozen draw: its record and reason stay, it is never drawn, and a new freeze gets a new id and commitment", async () => {
    const first = await freeze();
    expect(await failure(cancelDraw(cast.yz1, { drawId: first.drawId, reason: "  房 " }))).toMatchObject({ code: "VALIDATION" });
    await cancelDraw(cast.yz1, { drawId: first.drawId, reason: "  房源信息有误，需重新核定  " });
    const second = await freeze();
    expect(second.drawId).not.toBe(first.drawId);
    expect(second.seedCommitment).not.toBe(first.seedCommitment);
    expect(second.entrantsSha256).toBe(first.entrantsSha256); // the same households: the same file

    const cancelled = await getPublicDraw(first.drawId);
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: "房源信息有误，需重新核定", seedSecret: null, beacon: null, seed: null, drawnAt: null });
    expect(cancelled!.cancelledAt).toMatch(/\+08:00$/);
    expect(await failure(drawPool(cast.yz1, { drawId: first.drawId, beacon: "123456" }))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.drawCancelled" });
    expect(await failure(cancelDraw(cast.city, { drawId: first.drawId, reason: "再次取消" }))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.drawCancelled" });
    const row = await prisma.lotteryDraw.findUniqueOrThrow({ where: { id: first.drawId } });
    expect([row.status, row.cancelledById, row.beacon, row.seed, row.resultFile, row.drawnAt]).toEqual(["CANCELLED", cast.yz1.id, null, null, null, null]);
    expect(await prisma.lotteryEntrant.count({ where: { drawId: first.drawId, rank: { not: null } } })).toBe(0);
    // Its files: entrants.txt stays; result.txt never comes.
    expect(await entrantsText(first.drawId)).toBe(await entrantsText(second.drawId));
    const response = await getResultRoute(new Request("http://localhost/x"), { params: Promise.resolve({ drawId: first.drawId }) });
    expect(response.status).toBe(404);
    expect(verifyDraw({ draw: cancelled!, entrantsText: (await entrantsText(first.drawId))!, resultText: null }).ok).toBe(false);

    await drawPool(cast.yz1, { drawId: second.drawId, beacon: "654321" });
    expect(verifyDraw(await published(second.drawId)).ok).toBe(true);
    expect((await listPublicDraws()).map((d) => [d.drawId, d.status])).toEqual([
      [second.drawId, "DRAWN"],
      [first.drawId, "CANCELLED"],
    ]);
  });

  it("refuses an empty or overlong beacon, or a draw not after the freeze, and changes nothing", async () => {
    const { drawId } = await freeze();
    const before = await prisma.lotteryDraw.findUniqueOrThrow({ where: { id: drawId } });
    for (const beacon of ["", "   ", "x".repeat(201), "12\n34"]) {
      const refused = await failure(drawPool(cast.yz1, { drawId, beacon }));
      expect(refused.code).toBe("VALIDATION");
      expect(Object.keys(refused.fieldErrors ?? {})).toEqual(["beacon"]);
    }
    expect(await failure(drawPool(cast.yz1, { drawId } as never))).toMatchObject({ code: "VALIDATION" });
    // drawnAt must come after committedAt (a clock set back): refused, nothing written.
    expect(await failure(drawPool(cast.yz1, { drawId, beacon: "1" }, { now: before.committedAt }))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.drawTooEarly" });
    expect(await prisma.lotteryDraw.findUniqueOrThrow({ where: { id: drawId } })).toEqual(before);
    expect(await prisma.lotteryEntrant.count({ where: { drawId, rank: { not: null } } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityId: drawId } })).toBe(1); // the freeze only
    expect(await failure(freezePool(cast.yz1, { planId, unitType: "TWO_BEDROOM", beaconSource: " " }))).toMatchObject({ code: "VALIDATION" });
    expect(await failure(freezePool(cast.yz1, { planId, unitType: "TWO_BEDROOM", beaconSource: BEACON_SOURCE, priorityShareBp: 10_001 }))).toMatchObject({ code: "VALIDATION" });
  });

  it("keeps officers to their own district (the municipal agency city-wide) and applicants out", async () => {
    expect(await failure(freeze(cast.spb))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(freeze(cast.applicant))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(freeze(cast.admin))).toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.lotteryDraw.count()).toBe(0);
    const { drawId } = await freeze(cast.city);
    expect(await failure(drawPool(cast.spb, { drawId, beacon: "1" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(cancelDraw(cast.spb, { drawId, reason: "越权取消" }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await prisma.lotteryDraw.findUniqueOrThrow({ where: { id: drawId } })).status).toBe("COMMITTED");
    expect(await failure(drawPool(cast.spb, { drawId: "no-such-draw", beacon: "1" }))).toMatchObject({ code: "NOT_FOUND" });
    await drawPool(cast.yz2, { drawId, beacon: "1" });
  });

  it("refuses plans and pools that cannot be drawn", async () => {
    const none = (id: string) => freezePool(cast.yz1, { planId: id, unitType: "TWO_BEDROOM", beaconSource: BEACON_SOURCE });
    expect(await failure(none("no-such-plan"))).toMatchObject({ code: "NOT_FOUND", messageKey: "allocation.errors.planNotFound" });
    const waiting = await createPlan(cast, estate, { method: "WAITING_LIST" });
    expect(await failure(none(waiting))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.planNotLottery" });
    const draft = await createPlan(cast, estate, { status: "DRAFT" });
    expect(await failure(none(draft))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.planNotPublished" });
    const noPeriod = await createPlan(cast, estate, { period: null });
    expect(await failure(none(noPeriod))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.planHasNoPeriod" });
    const later = await createPlan(cast, estate, { period: { start: "2026-01-01", end: "2026-06-30" } });
    expect(await failure(none(later))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.noEntrants" });
    expect(await failure(freeze(cast.yz1, "THREE_BEDROOM"))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.noUnits" });
    expect(await prisma.lotteryDraw.count()).toBe(0);
  });

  it("serves the public routes: JSON and exact files, 404 in Chinese for unknown, malformed and undrawn", async () => {
    const { drawId, entrantsSha256 } = await freeze();
    const params = (id: string) => ({ params: Promise.resolve({ drawId: id }) });
    const request = (path: string) => new Request(`http://localhost/api/v1/lotteries${path}`);

    const list = await listDrawsRoute();
    expect(list.status).toBe(200);
    expect(list.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await list.json()) as { draws: DrawJson[] };
    expect(body.draws.map((d) => d.drawId)).toEqual([drawId]);
    expect(drawJsonSchema.parse(body.draws[0])).toEqual(await getPublicDraw(drawId));

    const one = await getDrawRoute(request(`/${drawId}`), params(drawId));
    expect([one.status, one.headers.get("content-type")]).toEqual([200, expect.stringMatching(/^application\/json/)]);
    expect((await one.json()) as DrawJson).toMatchObject({ drawId, status: "COMMITTED", seedSecret: null });

    const entrants = await getEntrantsRoute(request(`/${drawId}/entrants.txt`), params(drawId));
    expect([entrants.status, entrants.headers.get("content-type")]).toEqual([200, "text/plain; charset=utf-8"]);
    const bytes = new Uint8Array(await entrants.arrayBuffer());
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(entrantsSha256);
    expect(new TextDecoder().decode(bytes)).toBe(await entrantsText(drawId));

    const early = await getResultRoute(request(`/${drawId}/result.txt`), params(drawId));
    expect([early.status, early.headers.get("content-type")]).toEqual([404, expect.stringMatching(/^application\/json/)]);
    expect(((await early.json()) as { error: string }).error).toMatch(/尚未摇号/);

    for (const bad of ["no-such-draw", "../../etc/passwd", "x".repeat(65), "", "%00", "抽签"]) {
      for (const [route, path] of [[getDrawRoute, ""], [getEntrantsRoute, "/entrants.txt"], [getResultRoute, "/result.txt"]] as const) {
        const response = await route(request(`/${encodeURIComponent(bad)}${path}`), params(bad));
        expect(response.status).toBe(404);
        expect(((await response.json()) as { error: string }).error).toMatch(/[\u4e00-\u9fff]/);
      }
    }

    await drawPool(cast.yz1, { drawId, beacon: "20250708" });
    const result = await getResultRoute(request(`/${drawId}/result.txt`), params(drawId));
    expect([result.status, result.headers.get("content-type")]).toEqual([200, "text/plain; charset=utf-8"]);
    const text = await result.text();
    expect(text).toBe(await resultText(drawId));
    expect(text.split("\n")).toHaveLength(13); // 12 lines, each ending with "\n"
    expect(text).toMatch(/^1,[^,]+,[0-9a-f]{64},PRIORITY\n/);
  });
});

describe("a large pool", () => {
  // LOTTERY_LARGE_POOL=200000 measures the size the service is built for; the default keeps the run short.
  const SIZE = Number(process.env.LOTTERY_LARGE_POOL ?? 25_000);

  it(`freezes and draws ${SIZE} entrants in bulk statements, and the files verify`, { timeout: 600_000 }, async () => {
    await truncateAll();
    await seedDistricts();
    const cast = await createCast();
    const estate = await createEstate("YZ-BIG", { TWO_BEDROOM: 40 });
    const planId = await createPlan(cast, estate);
    // Households written by SQL: the fixtures' one-by-one inserts would take minutes.
    await prisma.$executeRaw`
      INSERT INTO "Application" ("id", "applicationNo", "source", "districtCode", "estateLevel", "status", "isPriority", "acceptedAt", "updatedAt")
      SELECT 'big-' || n, 'GZF' || lpad(n::text, 7, '0'), 'PORTAL', ${YUZHONG}, 'MUNICIPAL', 'QUALIFIED', n % 7 = 0, ${cstInstant("2025-03-03")}, now()
        FROM generate_series(1, ${SIZE}::int) AS n`;
    await prisma.$executeRaw`
      INSERT INTO "Qualification" ("id", "applicationId", "qualifiedOn", "entitledUnitType")
      SELECT 'q-' || "id", "id", DATE '2025-04-01', 'TWO_BEDROOM' FROM "Application" WHERE "id" LIKE 'big-%'`;
    await prisma.$executeRaw`
      INSERT INTO "ApplicationEstatePreference" ("applicationId", "estateId", "rank")
      SELECT "id", ${estate.id}, 1 FROM "Application" WHERE "id" LIKE 'big-%'`;

    let started = performance.now();
    const frozen = await freezePool(cast.yz1, { planId, unitType: "TWO_BEDROOM", beaconSource: BEACON_SOURCE, priorityShareBp: 2500 });
    const freezeMs = performance.now() - started;
    expect(frozen).toMatchObject({ units: 40, entrantCount: SIZE, priorityEntrantCount: Math.floor(SIZE / 7) });
    started = performance.now();
    await drawPool(cast.yz1, { drawId: frozen.drawId, beacon: "973105" });
    const drawMs = performance.now() - started;
    console.info(`[lottery] ${SIZE} entrants: freeze ${Math.round(freezeMs)} ms, draw ${Math.round(drawMs)} ms`);

    const files = await published(frozen.drawId);
    expect(verifyDraw(files).ok).toBe(true);
    expect(await prisma.lotteryEntrant.count({ where: { drawId: frozen.drawId, rank: { not: null }, ticket: { not: null }, outcome: { not: null } } })).toBe(SIZE);
    const last = await prisma.lotteryEntrant.findFirstOrThrow({ where: { drawId: frozen.drawId, rank: SIZE }, select: { applicationNo: true, outcome: true, round: true } });
    const text = files.resultText!;
    expect(text.slice(text.lastIndexOf("\n", text.length - 2) + 1)).toMatch(new RegExp(`^${SIZE},${last.applicationNo},[0-9a-f]{64},WAITLIST\n$`));
    expect([last.outcome, last.round]).toEqual(["WAITLISTED", null]);
    expect(await prisma.lotteryEntrant.count({ where: { drawId: frozen.drawId, outcome: "WON", round: "PRIORITY" } })).toBe(10); // floor(40 x 0.25)
  });
});
