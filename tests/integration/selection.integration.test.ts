// Unit selection (选房, Art. 23) and offers (Art. 25) against PostgreSQL: turns in rank order, a
// pick within one's window, turns passed on by declining or missing them, offers accepted, declined
// or expired, an officer's direct assignment, and the database deciding "one live offer per unit"
// and "one per household" under 100 and 20 concurrent picks.
import { beforeEach, describe, expect, it } from "vitest";
import { drawPool, freezePool } from "@/lib/allocation/lottery";
import { acceptOffer, assignUnit, declineOffer, declineTurn, openSelection, pickUnit, sweepSelections } from "@/lib/allocation/selection";
import { getMySelection, listMyPools } from "@/lib/allocation/selection-reads";
import type { Actor } from "@/lib/auth/permissions";
import type { UnitType } from "@/lib/generated/prisma/client";
import { addWorkingDays } from "@/lib/rules/working-days";
import { cstInstant, dateColumn, todayCST } from "../support/clock";
import { createUser } from "../support/users";
import { BEACON_SOURCE, createEstate, createPlan, failure, household, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";

const FROZEN = cstInstant("2025-07-10", "09:00");
const DRAWN = cstInstant("2025-07-10", "10:00");
/** Selection opens on a Monday morning; windows of 24 hours. */
const OPENED = cstInstant("2025-07-14", "09:00");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(OPENED.getTime() + hours * HOUR);

interface Pool {
  planId: string;
  drawId: string;
  unitIds: string[];
  /** The entrants in rank order, each with their account. */
  ranked: Array<{ entrantId: string; applicationId: string; user: Actor }>;
}

/** A drawn TWO_BEDROOM pool of `units` units and `households` households, each with a portal account. */
async function drawnPool(cast: Cast, code: string, units: number, households: number, options: { unitType?: UnitType; users?: Actor[] } = {}): Promise<Pool> {
  const unitType = options.unitType ?? "TWO_BEDROOM";
  const estate = await createEstate(code, { [unitType]: units });
  const planId = await createPlan(cast, estate, { reserveUnits: true });
  const users = options.users ?? (await Promise.all(Array.from({ length: households }, () => createUser("APPLICANT"))));
  for (const user of users) await household({ estateId: estate.id, applicantUserId: user.id });
  const frozen = await freezePool(cast.city, { planId, unitType, beaconSource: BEACON_SOURCE }, { now: FROZEN });
  await drawPool(cast.city, { drawId: frozen.drawId, beacon: "483920" }, { now: DRAWN });
  const entrants = await prisma.lotteryEntrant.findMany({
    where: { drawId: frozen.drawId },
    orderBy: { rank: "asc" },
    select: { id: true, applicationId: true, application: { select: { applicantUserId: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    planId,
    drawId: frozen.drawId,
    unitIds: estate.unitIds[unitType],
    ranked: entrants.map((e) => ({ entrantId: e.id, applicationId: e.applicationId, user: byId.get(e.application.applicantUserId!)! })),
  };
}

async function turns(drawId: string): Promise<Array<string | null>> {
  const rows = await prisma.lotteryEntrant.findMany({ where: { drawId }, orderBy: { rank: "asc" }, select: { turnStatus: true } });
  return rows.map((r) => r.turnStatus);
}

async function unitStatus(unitId: string): Promise<string> {
  return (await prisma.unit.findUniqueOrThrow({ where: { id: unitId }, select: { status: true } })).status;
}

describe("unit selection and offers", () => {
  let cast: Cast;

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
  });

  it("shows a household its pools: frozen (from the published entrants file) before the draw, with rank and ticket after it", async () => {
    const user = await createUser("APPLICANT");
    const other = await createUser("APPLICANT");
    const estate = await createEstate("SEL-MINE", { TWO_BEDROOM: 1 });
    const planId = await createPlan(cast, estate, { reserveUnits: true });
    const mine = await household({ estateId: estate.id, applicantUserId: user.id });
    await household({ estateId: estate.id, applicantUserId: other.id });
    // A household of the estate accepted outside the period is not in the pool.
    const late = await createUser("APPLICANT");
    await household({ estateId: estate.id, applicantUserId: late.id, acceptedAt: cstInstant("2025-08-01") });
    const frozen = await freezePool(cast.city, { planId, unitType: "TWO_BEDROOM", beaconSource: BEACON_SOURCE }, { now: FROZEN });
    expect(await listMyPools(user)).toEqual([expect.objectContaining({ applicationNo: mine.applicationNo, rank: null, ticket: null, draw: expect.objectContaining({ drawId: frozen.drawId, drawn: false }) })]);
    expect(await getMySelection(user, frozen.drawId)).toMatchObject({ rank: null, buildings: [], available: 0 });
    expect(await listMyPools(late)).toEqual([]);
    expect(await getMySelection(late, frozen.drawId)).toBeNull();
    await drawPool(cast.city, { drawId: frozen.drawId, beacon: "9" }, { now: DRAWN });
    const [after] = await listMyPools(user);
    expect(after).toMatchObject({ applicationNo: mine.applicationNo, draw: { drawn: true } });
    expect(after!.rank).toBeGreaterThanOrEqual(1);
    expect(after!.ticket).toMatch(/^[0-9a-f]{64}$/);
    expect(await listMyPools(late)).toEqual([]);
  });

  it("opens turns in rank order, as many at once as set and never more than the units left", async () => {
    const pool = await drawnPool(cast, "SEL-A", 3, 6);
    expect(await failure(openSelection(cast.spb, { drawId: pool.drawId, windowHours: 24, parallel: 2, acceptDays: 5 }, { now: OPENED }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(openSelection(cast.yz1, { drawId: pool.drawId, windowHours: 0, parallel: 2, acceptDays: 5 }, { now: OPENED }))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { windowHours: ["allocation.validation.windowHoursInvalid"] },
    });
    const opened = await openSelection(cast.yz1, { drawId: pool.drawId, windowHours: 24, parallel: 2, acceptDays: 5 }, { now: OPENED });
    expect(opened.opened).toBe(2);
    expect(await turns(pool.drawId)).toEqual(["OPEN", "OPEN", null, null, null, null]);
    expect(await failure(openSelection(cast.yz1, { drawId: pool.drawId, windowHours: 24, parallel: 2, acceptDays: 5 }, { now: OPENED }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "allocation.errors.selectionAlreadyOpen",
    });
    // Each opened turn is told in the portal and by SMS, with the window's end and nothing personal.
    const notices = await prisma.notification.findMany({ where: { templateKey: "selection.turnOpened" }, select: { applicationId: true, channel: true, params: true } });
    expect(notices).toHaveLength(4);
    expect(new Set(notices.map((n) => n.applicationId))).toEqual(new Set([pool.ranked[0]!.applicationId, pool.ranked[1]!.applicationId]));
    expect(notices[0]!.params).toMatchObject({ closesAt: "2025-07-15 09:00" });

    // Rank 1 picks: an offer to accept within 5 working days; the next turn opens (2 units, 1 open turn).
    const offer = await pickUnit(pool.ranked[0]!.user, { drawId: pool.drawId, unitId: pool.unitIds[0]! }, { now: at(1) });
    expect(offer.responseDueDate).toBe(addWorkingDays(todayCST(at(1)), 5));
    expect(await unitStatus(pool.unitIds[0]!)).toBe("OFFERED");
    expect(await turns(pool.drawId)).toEqual(["PICKED", "OPEN", "OPEN", null, null, null]);
    const audit = await prisma.auditLog.findFirst({ where: { action: "selection.pick", entityId: offer.offerId }, select: { actorId: true } });
    expect(audit?.actorId).toBe(pool.ranked[0]!.user.id);

    // Rank 2 picks the same unit: taken. Rank 4 has no turn yet. Rank 2 picks a unit of no pool.
    expect(await failure(pickUnit(pool.ranked[1]!.user, { drawId: pool.drawId, unitId: pool.unitIds[0]! }, { now: at(2) }))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.unitTaken" });
    expect(await failure(pickUnit(pool.ranked[3]!.user, { drawId: pool.drawId, unitId: pool.unitIds[1]! }, { now: at(2) }))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.notYourTurn" });
    const other = await createEstate("SEL-OTHER", { TWO_BEDROOM: 1 });
    expect(await failure(pickUnit(pool.ranked[1]!.user, { drawId: pool.drawId, unitId: other.unitIds.TWO_BEDROOM[0]! }, { now: at(2) }))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { unitId: ["allocation.validation.unitNotInPool"] },
    });
    expect(await failure(pickUnit(pool.ranked[1]!.user, { drawId: pool.drawId, unitId: " " }, { now: at(2) }))).toMatchObject({ code: "VALIDATION" });
    // None of those changed anything.
    expect(await prisma.offer.count()).toBe(1);
    expect(await turns(pool.drawId)).toEqual(["PICKED", "OPEN", "OPEN", null, null, null]);
    // Someone outside the pool is not in it.
    expect(await failure(pickUnit(cast.otherApplicant, { drawId: pool.drawId, unitId: pool.unitIds[1]! }, { now: at(2) }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("passes the turn on when a household declines it or lets its window close, down into the waitlist", async () => {
    const pool = await drawnPool(cast, "SEL-B", 2, 4);
    await openSelection(cast.yz1, { drawId: pool.drawId, windowHours: 24, parallel: 2, acceptDays: 5 }, { now: OPENED });
    await declineTurn(pool.ranked[0]!.user, { drawId: pool.drawId }, { now: at(1) });
    // The first waitlisted household (rank 3) moves up.
    expect(await turns(pool.drawId)).toEqual(["DECLINED", "OPEN", "OPEN", null]);
    expect(await failure(pickUnit(pool.ranked[0]!.user, { drawId: pool.drawId, unitId: pool.unitIds[0]! }, { now: at(2) }))).toMatchObject({ messageKey: "allocation.errors.turnDeclined" });
    // Rank 2's window closes unused: a pick after it fails and the sweep passes the turn to rank 4.
    expect(await failure(pickUnit(pool.ranked[1]!.user, { drawId: pool.drawId, unitId: pool.unitIds[0]! }, { now: at(25) }))).toMatchObject({ code: "CONFLICT", messageKey: "allocation.errors.turnClosed" });
    expect(await prisma.offer.count()).toBe(0);
    const swept = await sweepSelections(at(26));
    // Rank 3 (opened an hour later) has closed too; only rank 4 is left.
    expect(swept).toMatchObject({ pools: 1, missed: 2, opened: 1 });
    expect(await turns(pool.drawId)).toEqual(["DECLINED", "MISSED", "MISSED", "OPEN"]);
    expect(await sweepSelections(at(26))).toMatchObject({ pools: 0 });
  });

  it("accepts an offer by its deadline (allocating the application), declines one back into the pool, and expires one", async () => {
    const pool = await drawnPool(cast, "SEL-C", 3, 4);
    await openSelection(cast.yz1, { drawId: pool.drawId, windowHours: 24, parallel: 3, acceptDays: 2 }, { now: OPENED });
    const [a, b, c] = pool.ranked;
    const offerA = await pickUnit(a!.user, { drawId: pool.drawId, unitId: pool.unitIds[0]! }, { now: at(1) });
    const offerB = await pickUnit(b!.user, { drawId: pool.drawId, unitId: pool.unitIds[1]! }, { now: at(1) });
    const offerC = await pickUnit(c!.user, { drawId: pool.drawId, unitId: pool.unitIds[2]! }, { now: at(1) });
    // Someone else's offer is not theirs to answer.
    expect(await failure(acceptOffer(b!.user, { offerId: offerA.offerId }, { now: at(2) }))).toMatchObject({ code: "NOT_FOUND" });

    await acceptOffer(a!.user, { offerId: offerA.offerId }, { now: at(2) });
    expect(await prisma.offer.findUniqueOrThrow({ where: { id: offerA.offerId }, select: { status: true } })).toEqual({ status: "ACCEPTED" });
    expect(await prisma.application.findUniqueOrThrow({ where: { id: a!.applicationId }, select: { status: true } })).toEqual({ status: "ALLOCATED" });
    expect(await failure(declineOffer(a!.user, { offerId: offerA.offerId }, { now: at(3) }))).toMatchObject({ messageKey: "allocation.errors.offerAnswered" });

    // B declines: the unit is reserved again and the waitlisted D gets a turn.
    await declineOffer(b!.user, { offerId: offerB.offerId, reason: "离工作单位太远" }, { now: at(3) });
    expect(await unitStatus(pool.unitIds[1]!)).toBe("RESERVED");
    expect(await turns(pool.drawId)).toEqual(["PICKED", "DECLINED", "PICKED", "OPEN"]);

    // C lets the offer run past its 2 working days: accepting fails, the sweep expires it.
    const late = new Date(dateColumn(addWorkingDays(todayCST(at(1)), 3)).getTime());
    expect(await failure(acceptOffer(c!.user, { offerId: offerC.offerId }, { now: late }))).toMatchObject({ messageKey: "allocation.errors.offerExpired" });
    await sweepSelections(late);
    expect(await prisma.offer.findUniqueOrThrow({ where: { id: offerC.offerId }, select: { status: true } })).toEqual({ status: "EXPIRED" });
    expect(await unitStatus(pool.unitIds[2]!)).toBe("RESERVED");
  });

  it("lets an officer of the district assign a unit to a household whose turn is open, with the reason", async () => {
    const pool = await drawnPool(cast, "SEL-D", 2, 3);
    await openSelection(cast.yz1, { drawId: pool.drawId, windowHours: 24, parallel: 1, acceptDays: 5 }, { now: OPENED });
    const input = { drawId: pool.drawId, entrantId: pool.ranked[0]!.entrantId, unitId: pool.unitIds[1]!, reason: "家中有行动不便的老人，分配一层房源" };
    expect(await failure(assignUnit(cast.spb, input, { now: at(1) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(assignUnit(cast.yz1, { ...input, reason: "" }, { now: at(1) }))).toMatchObject({ code: "VALIDATION", fieldErrors: { reason: ["allocation.validation.reasonRequired"] } });
    expect(await failure(assignUnit(cast.yz1, { ...input, entrantId: pool.ranked[2]!.entrantId }, { now: at(1) }))).toMatchObject({ messageKey: "allocation.errors.notYourTurn" });
    const made = await assignUnit(cast.yz1, input, { now: at(1) });
    expect(await prisma.offer.findUniqueOrThrow({ where: { id: made.offerId }, select: { offeredById: true, assignReason: true } })).toEqual({ offeredById: cast.yz1.id, assignReason: input.reason });
    expect(await turns(pool.drawId)).toEqual(["PICKED", "OPEN", null]);
  });

  it("offers one unit to one household when 100 households with open turns pick it at once", async () => {
    const pool = await drawnPool(cast, "SEL-RACE", 100, 100);
    await openSelection(cast.yz1, { drawId: pool.drawId, windowHours: 24, parallel: 100, acceptDays: 5 }, { now: OPENED });
    expect((await turns(pool.drawId)).filter((t) => t === "OPEN")).toHaveLength(100);
    const unitId = pool.unitIds[0]!;
    const result = await race(pool.ranked.map((e) => () => pickUnit(e.user, { drawId: pool.drawId, unitId }, { now: at(1) })));
    expect(result.ok).toHaveLength(1);
    expect(result.errors).toEqual(Array.from({ length: 99 }, () => "CONFLICT"));
    expect(await prisma.offer.count({ where: { unitId } })).toBe(1);
    expect(await unitStatus(unitId)).toBe("OFFERED");
    expect(await prisma.unitStatusEvent.count({ where: { unitId, toStatus: "OFFERED" } })).toBe(1);
    // The 99 others still hold their turns.
    expect((await turns(pool.drawId)).filter((t) => t === "OPEN")).toHaveLength(99);
  });

  it("gives a household one live offer when it fires 20 picks at once across two pools", async () => {
    const user = await createUser("APPLICANT");
    // The household is in a TWO_BEDROOM pool and a ONE_BEDROOM pool (Art. 21: a smaller type too).
    const estate = await createEstate("SEL-TWO", { TWO_BEDROOM: 10, ONE_BEDROOM: 10 });
    const planId = await createPlan(cast, estate, { reserveUnits: true });
    await household({ estateId: estate.id, applicantUserId: user.id });
    const draws: string[] = [];
    for (const unitType of ["TWO_BEDROOM", "ONE_BEDROOM"] as const) {
      const frozen = await freezePool(cast.city, { planId, unitType, beaconSource: BEACON_SOURCE }, { now: FROZEN });
      await drawPool(cast.city, { drawId: frozen.drawId, beacon: "1" }, { now: DRAWN });
      await openSelection(cast.yz1, { drawId: frozen.drawId, windowHours: 24, parallel: 5, acceptDays: 5 }, { now: OPENED });
      draws.push(frozen.drawId);
    }
    const picks = [
      ...estate.unitIds.TWO_BEDROOM.map((unitId) => () => pickUnit(user, { drawId: draws[0]!, unitId }, { now: at(1) })),
      ...estate.unitIds.ONE_BEDROOM.map((unitId) => () => pickUnit(user, { drawId: draws[1]!, unitId }, { now: at(1) })),
    ];
    const result = await race(picks);
    expect(result.ok).toHaveLength(1);
    expect(result.errors).toEqual(Array.from({ length: 19 }, () => "CONFLICT"));
    expect(await prisma.offer.count()).toBe(1);
    expect(await prisma.unit.count({ where: { estateId: estate.id, status: "OFFERED" } })).toBe(1);
  });

  it("refuses in the database a second live offer of a unit or to a household, and keeps ended ones", async () => {
    const pool = await drawnPool(cast, "SEL-DB", 2, 2);
    const [a, b] = pool.ranked;
    const base = { planId: pool.planId, responseDueDate: dateColumn("2025-07-21") };
    await prisma.offer.create({ data: { ...base, applicationId: a!.applicationId, unitId: pool.unitIds[0]! } });
    await expect(prisma.offer.create({ data: { ...base, applicationId: b!.applicationId, unitId: pool.unitIds[0]! } })).rejects.toThrow();
    await expect(prisma.offer.create({ data: { ...base, applicationId: a!.applicationId, unitId: pool.unitIds[1]!, status: "ACCEPTED" } })).rejects.toThrow();
    // Declined and expired offers do not hold the unit or the household.
    await prisma.offer.create({ data: { ...base, applicationId: b!.applicationId, unitId: pool.unitIds[0]!, status: "DECLINED" } });
    await prisma.offer.create({ data: { ...base, applicationId: a!.applicationId, unitId: pool.unitIds[1]!, status: "EXPIRED" } });
    expect(await prisma.offer.count()).toBe(3);
  });
});
