// The ordered waiting list (轮候, Art. 23) against PostgreSQL: enrolment of qualified households by
// the estate and unit type they chose, the order of rankWaitingList, ranking.txt and the lists'
// JSON as shared/docs/lottery-publication.md fixes them, a vacated unit offered to the head of its
// list (and passed on when declined or let lapse), the applicant's position and estimated wait.
import { beforeEach, describe, expect, it } from "vitest";
import { GET as rankingRoute } from "@/app/api/v1/waiting-lists/[listId]/ranking.txt/route";
import { GET as listsRoute } from "@/app/api/v1/waiting-lists/route";
import { acceptOffer, declineOffer } from "@/lib/allocation/selection";
import { enrolWaitingLists, estimatedWaitMonths, expireWaitingListOffers, getPublicRanking, listMyWaitingEntries, listWaitingLists, offerVacatedUnit, rankingText } from "@/lib/allocation/waiting-list";
import type { Actor } from "@/lib/auth/permissions";
import type { UnitType } from "@/lib/generated/prisma/client";
import { addWorkingDays } from "@/lib/rules/working-days";
import { cstInstant, dateColumn, todayCST } from "../support/clock";
import { createUser } from "../support/users";
import { createEstate, failure, household, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";

const NOW = cstInstant("2026-03-02", "10:00");

interface Waiting {
  id: string;
  applicationNo: string;
  user: Actor;
}

describe("the ordered waiting list", () => {
  let cast: Cast;
  let estate: { id: string; unitIds: Record<UnitType, string[]> };
  /** In the order rankWaitingList gives: 2024 first, then 2025's priority household, then 2025 by acceptance. */
  let ranked: Waiting[];

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    estate = await createEstate("WL-001", { TWO_BEDROOM: 3, ONE_BEDROOM: 1 });
    const make = async (acceptedAt: Date, priority: boolean): Promise<Waiting> => {
      const user = await createUser("APPLICANT");
      const app = await household({ estateId: estate.id, applicantUserId: user.id, acceptedAt, priority, preferred: "TWO_BEDROOM" });
      return { ...app, user };
    };
    const late2025 = await make(cstInstant("2025-09-01"), false);
    const priority2025 = await make(cstInstant("2025-10-01"), true);
    const early2025 = await make(cstInstant("2025-02-01"), false);
    const y2024 = await make(cstInstant("2024-12-31", "23:00"), false);
    ranked = [y2024, priority2025, early2025, late2025];
  });

  it("enrols each qualified household once, by the type it asked for within its entitlement, even when enrolled from several servers at once", async () => {
    // One household asks for more than it may take (Art. 21): it waits for its entitled type.
    const big = await household({ estateId: estate.id, entitled: "ONE_BEDROOM", preferred: "THREE_BEDROOM" });
    // A household not qualified any more does not wait.
    await household({ estateId: estate.id, status: "ALLOCATED" });
    const result = await race(Array.from({ length: 5 }, () => () => enrolWaitingLists(NOW)));
    expect(result.ok).toHaveLength(5);
    expect(await prisma.waitingListEntry.count()).toBe(5);
    expect(await prisma.waitingListEntry.findFirst({ where: { applicationId: big.id }, select: { unitType: true } })).toEqual({ unitType: "ONE_BEDROOM" });
    expect(await enrolWaitingLists(NOW)).toEqual({ enrolled: 0, retired: 0 });
    // A household that leaves QUALIFIED leaves the list at the next run.
    await prisma.application.update({ where: { id: ranked[3]!.id }, data: { status: "CANCELLED" } });
    expect(await enrolWaitingLists(NOW)).toEqual({ enrolled: 0, retired: 1 });
  });

  it("publishes the order of rankWaitingList in ranking.txt and counts each list", async () => {
    await enrolWaitingLists(NOW);
    const text = await rankingText("WL-001.TWO_BEDROOM");
    expect(text).toBe(ranked.map((w, i) => `${i + 1},${w.applicationNo},${i === 0 ? 2024 : 2025},${i === 1 ? "P" : "G"}\n`).join(""));
    expect(await listWaitingLists()).toEqual([{ listId: "WL-001.TWO_BEDROOM", estateName: "摇号测试小区 WL-001", districtCode: "500103", unitType: "TWO_BEDROOM", entryCount: 4 }]);

    const params = (listId: string) => ({ params: Promise.resolve({ listId }) });
    const response = await rankingRoute(new Request("http://localhost/api/v1/waiting-lists/WL-001.TWO_BEDROOM/ranking.txt"), params("WL-001.TWO_BEDROOM"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe(text);
    for (const bad of ["WL-001.PALACE", "NOPE.TWO_BEDROOM", "x", "../etc"]) {
      expect((await rankingRoute(new Request("http://localhost/x"), params(bad))).status).toBe(404);
    }
    // The public page's reading of the same order: 50 a page, or searched by number.
    const ranking = await getPublicRanking("WL-001.TWO_BEDROOM", {}, NOW);
    expect(ranking).toMatchObject({ total: 4, page: 1, pageCount: 1, q: "" });
    expect(ranking!.items.map((e) => `${e.position},${e.applicationNo},${e.acceptedYear},${e.priority ? "P" : "G"}\n`).join("")).toBe(text);
    expect((await getPublicRanking("WL-001.TWO_BEDROOM", { q: ranked[2]!.applicationNo }, NOW))!.items).toEqual([{ position: 3, applicationNo: ranked[2]!.applicationNo, acceptedYear: "2025", priority: false }]);
    expect(await getPublicRanking("WL-001.PALACE")).toBeNull();
    const lists = await (await listsRoute()).json();
    expect(lists).toEqual({ lists: [{ listId: "WL-001.TWO_BEDROOM", estateName: "摇号测试小区 WL-001", districtCode: "500103", unitType: "TWO_BEDROOM", entryCount: 4 }] });
  });

  it("offers a vacated unit to the head of its list, and two vacated at once to the first two", async () => {
    await enrolWaitingLists(NOW);
    // Another district's officer does not even see the unit.
    expect(await failure(offerVacatedUnit(cast.spb, { unitId: estate.unitIds.TWO_BEDROOM[0]! }, { now: NOW }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(offerVacatedUnit(cast.yz1, { unitId: "no-such-unit" }, { now: NOW }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(offerVacatedUnit(cast.yz1, { unitId: estate.unitIds.TWO_BEDROOM[0]!, acceptDays: 0 }, { now: NOW }))).toMatchObject({ code: "VALIDATION" });
    // The one-bedroom list is empty.
    expect(await failure(offerVacatedUnit(cast.yz1, { unitId: estate.unitIds.ONE_BEDROOM[0]! }, { now: NOW }))).toMatchObject({ messageKey: "allocation.errors.waitingListEmpty" });
    expect(await prisma.offer.count()).toBe(0);

    const result = await race(estate.unitIds.TWO_BEDROOM.slice(0, 2).map((unitId) => () => offerVacatedUnit(cast.yz1, { unitId }, { now: NOW })));
    expect(result.ok).toHaveLength(2);
    const offers = await prisma.offer.findMany({ select: { applicationId: true, responseDueDate: true, waitingListEntryId: true } });
    expect(new Set(offers.map((o) => o.applicationId))).toEqual(new Set([ranked[0]!.id, ranked[1]!.id]));
    expect(offers[0]!.responseDueDate).toEqual(dateColumn(addWorkingDays(todayCST(NOW), 5)));
    expect(await prisma.unit.count({ where: { id: { in: estate.unitIds.TWO_BEDROOM.slice(0, 2) }, status: "OFFERED" } })).toBe(2);
    // Offered households no longer count among those waiting; the third is now first.
    expect((await rankingText("WL-001.TWO_BEDROOM"))!.split("\n")[0]).toBe(`1,${ranked[2]!.applicationNo},2025,G`);
    expect(await failure(offerVacatedUnit(cast.yz1, { unitId: estate.unitIds.TWO_BEDROOM[0]! }, { now: NOW }))).toMatchObject({ messageKey: "allocation.errors.unitNotVacant" });
  });

  it("passes a declined or lapsed offer to the next head, keeps the decliner's place, and houses whoever accepts", async () => {
    await enrolWaitingLists(NOW);
    const unitId = estate.unitIds.TWO_BEDROOM[0]!;
    const first = await offerVacatedUnit(cast.yz1, { unitId }, { now: NOW });
    await declineOffer(ranked[0]!.user, { offerId: first.offerId, reason: "离工作单位太远" }, { now: NOW });
    // The unit went on to the second; the first waits again, first in line for the next unit.
    const second = await prisma.offer.findFirstOrThrow({ where: { unitId, status: "PENDING" }, select: { id: true, applicationId: true } });
    expect(second.applicationId).toBe(ranked[1]!.id);
    expect((await rankingText("WL-001.TWO_BEDROOM"))!.split("\n")[0]).toBe(`1,${ranked[0]!.applicationNo},2024,G`);

    // The second lets it lapse: the job passes it to the third (not back to the first, who declined it).
    const late = new Date(dateColumn(addWorkingDays(todayCST(NOW), 6)).getTime());
    expect(await expireWaitingListOffers(late)).toBe(1);
    const third = await prisma.offer.findFirstOrThrow({ where: { unitId, status: "PENDING" }, select: { id: true, applicationId: true } });
    expect(third.applicationId).toBe(ranked[2]!.id);

    await acceptOffer(ranked[2]!.user, { offerId: third.id }, { now: late });
    expect(await prisma.waitingListEntry.findFirst({ where: { applicationId: ranked[2]!.id }, select: { status: true } })).toEqual({ status: "HOUSED" });
    expect(await prisma.application.findUniqueOrThrow({ where: { id: ranked[2]!.id }, select: { status: true } })).toEqual({ status: "ALLOCATED" });

    // The applicant sees their place, the list's length and an estimated wait from the last 12 months.
    const mine = await listMyWaitingEntries(ranked[3]!.user, late);
    expect(mine).toEqual([expect.objectContaining({ listId: "WL-001.TWO_BEDROOM", position: 3, length: 3, housedLastYear: 1, estimatedMonths: 36 })]);
    expect(await listMyWaitingEntries(cast.yz1, late)).toEqual([]);
  });

  it("estimates the wait from the households housed in the last 12 months", () => {
    expect(estimatedWaitMonths(1, 0)).toBeNull();
    expect(estimatedWaitMonths(1, 24)).toBe(1);
    expect(estimatedWaitMonths(10, 12)).toBe(10);
    expect(estimatedWaitMonths(7, 5)).toBe(17);
  });
});
