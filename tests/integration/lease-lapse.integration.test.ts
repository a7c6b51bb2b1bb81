// Leases not signed in time (Art. 25) against PostgreSQL: past its date to sign a lease lapses once
// however often, and from however many servers, the job runs; the household keeps its qualification;
// a unit from the waiting list goes to the next household at the head, the household that let it
// lapse waiting again in its place; a lapsed renewal leaves the old lease to run to its end.
import { beforeEach, describe, expect, it } from "vitest";
import { lapseUnsignedLeases } from "@/lib/tenancy/lease-lapse";
import { draftLease, signLease } from "@/lib/tenancy/leases";
import { cstInstant, dateColumn } from "../support/clock";
import { failure, household, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { acceptedOffer, tenancyEstate, TENANT_PASSWORD, type AcceptedOffer } from "./tenancy-fixtures";

// Drawn up on Monday 2026-03-02: 10 working days to sign, to 2026-03-16.
const DRAWN = cstInstant("2026-03-02", "10:00");
const LAST_DAY = cstInstant("2026-03-16", "22:00");
const AFTER = cstInstant("2026-03-17", "00:10");

describe("leases not signed in time (Art. 25)", () => {
  let cast: Cast;
  let estate: { id: string; unitIds: string[] };
  let offer: AcceptedOffer;

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    estate = await tenancyEstate("LP-001");
    offer = await acceptedOffer(estate.id, estate.unitIds[0]!);
  });

  it("lapses once past the date to sign, however often the job runs at once; the unit is vacant again and the household qualified", async () => {
    const { leaseId } = await draftLease(cast.yz1, { offerId: offer.offerId, startDate: "2026-03-20", termMonths: 12 }, { now: DRAWN });
    expect(await lapseUnsignedLeases(LAST_DAY)).toEqual({ lapsed: 0 });
    const runs = await race(Array.from({ length: 3 }, () => () => lapseUnsignedLeases(AFTER)));
    expect(runs.ok).toHaveLength(3);
    expect(await lapseUnsignedLeases(AFTER)).toEqual({ lapsed: 0 });

    const lease = await prisma.lease.findUniqueOrThrow({ where: { id: leaseId } });
    expect([lease.status, lease.terminationReason]).toEqual(["LAPSED", "未在规定时间内签订租赁合同（第二十五条）"]);
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: offer.offerId } })).status).toBe("EXPIRED");
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: offer.unitId } })).status).toBe("VACANT");
    const app = await prisma.application.findUniqueOrThrow({ where: { id: offer.applicationId }, include: { statusEvents: { orderBy: { at: "desc" }, take: 1 } } });
    expect([app.status, app.statusEvents[0]?.reasonKey]).toEqual(["QUALIFIED", "leaseLapsed"]);
    expect(await prisma.notification.count({ where: { templateKey: "tenancy.leaseLapsed", applicationId: offer.applicationId, channel: "SMS" } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "lease.lapse", entityId: leaseId } })).toBe(1);
    // Too late to sign: the lease says so.
    expect((await failure(signLease(offer.tenant, { leaseId, password: TENANT_PASSWORD, agree: "on" }, { now: AFTER }))).messageKey).toBe("tenancy.errors.leaseIs.LAPSED");
    // The unit may be let again: a new lease draws up for another household.
    const next = await acceptedOffer(estate.id, offer.unitId);
    await expect(draftLease(cast.yz1, { offerId: next.offerId, startDate: "2026-03-25", termMonths: 12 }, { now: AFTER })).resolves.toMatchObject({ leaseNo: expect.any(String) });
  });

  it("from the waiting list: the household waits again in its place and the unit goes to the next at the head", async () => {
    const other = await household({ estateId: estate.id, acceptedAt: cstInstant("2025-06-02") });
    const entry = await prisma.waitingListEntry.create({ data: { applicationId: offer.applicationId, estateId: estate.id, unitType: "TWO_BEDROOM", acceptedAt: cstInstant("2025-03-03"), status: "HOUSED", removedAt: DRAWN, removedReason: "已接受配租房源" } });
    await prisma.waitingListEntry.create({ data: { applicationId: other.id, estateId: estate.id, unitType: "TWO_BEDROOM", acceptedAt: cstInstant("2025-06-02") } });
    await prisma.offer.update({ where: { id: offer.offerId }, data: { waitingListEntryId: entry.id } });
    await draftLease(cast.yz1, { offerId: offer.offerId, startDate: "2026-03-20", termMonths: 12 }, { now: DRAWN });

    expect(await lapseUnsignedLeases(AFTER)).toEqual({ lapsed: 1 });
    expect((await prisma.waitingListEntry.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe("WAITING");
    const offered = await prisma.offer.findMany({ where: { unitId: offer.unitId, status: "PENDING" }, select: { applicationId: true } });
    expect(offered).toEqual([{ applicationId: other.id }]);
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: offer.unitId } })).status).toBe("OFFERED");
  });

  it("a lapsed renewal leaves the lease in force to run to its end", async () => {
    const unitId = estate.unitIds[1]!;
    await prisma.unit.update({ where: { id: unitId }, data: { status: "LEASED" } });
    const old = await prisma.lease.create({
      data: { leaseNo: "ZL-500103-2025-900001", applicationId: offer.applicationId, unitId, tenantUserId: offer.tenant.id, termMonths: 12, startDate: dateColumn("2025-06-01"), endDate: dateColumn("2026-05-31"), monthlyRentFen: 120_000, status: "ACTIVE" },
    });
    const renewal = await prisma.lease.create({
      data: { leaseNo: "ZL-500103-2026-900002", applicationId: offer.applicationId, unitId, tenantUserId: offer.tenant.id, origin: "RENEWAL", previousLeaseId: old.id, termMonths: 12, startDate: dateColumn("2026-06-01"), endDate: dateColumn("2027-05-31"), monthlyRentFen: 120_000, signDueDate: dateColumn("2026-03-16") },
    });
    expect(await lapseUnsignedLeases(AFTER)).toEqual({ lapsed: 1 });
    expect((await prisma.lease.findUniqueOrThrow({ where: { id: renewal.id } })).status).toBe("LAPSED");
    expect((await prisma.lease.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("ACTIVE");
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: unitId } })).status).toBe("LEASED");
    expect(await prisma.notification.count({ where: { templateKey: "tenancy.renewalLapsed", applicationId: offer.applicationId } })).toBeGreaterThan(0);
    // The household's accepted offer of another unit is untouched by the renewal's lapse.
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: offer.offerId } })).status).toBe("ACCEPTED");
  });
});
