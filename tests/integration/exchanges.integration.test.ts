// Exchanges against PostgreSQL (第三十三条): a household that grew asks for a larger unit type its
// size allows (a bad request changes nothing), once per form and one open request per lease however
// often it is sent; an officer of the district decides once; approval puts the household on the
// estate's EXCHANGE list, which the published allocation ranking never shows; a vacant unit offered
// from the exchange list, accepted, leased anew (origin EXCHANGE, the standard rent) and
// countersigned with the old unit's move-out check ends the old lease and returns its unit to
// stock, offered on to the head of its own list. A household shrunk below its unit type is put on
// the list when its 1.5 x renewal comes into force.
import { beforeEach, describe, expect, it } from "vitest";
import { acceptOffer } from "@/lib/allocation/selection";
import { enrolWaitingLists, listWaitingLists, offerVacatedUnit, rankingText } from "@/lib/allocation/waiting-list";
import {
  countersignExchangeLease,
  decideExchange,
  getExchange,
  leaseExchanges,
  listExchanges,
  offerFromExchangeList,
  openMandatoryExchange,
  requestExchange,
  withdrawExchange,
} from "@/lib/tenancy/exchanges";
import { addDays } from "@/lib/rules/dates";
import { lapseUnsignedLeases } from "@/lib/tenancy/lease-lapse";
import { countersignLease, draftLease, signLease } from "@/lib/tenancy/leases";
import { decideRenewal, requestRenewal } from "@/lib/tenancy/renewals";
import { cstInstant, fromDateColumn } from "../support/clock";
import { freshResidentId, memberIdentity } from "../support/resident-id";
import { createEstate, failure, household, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { acceptedOffer, leaseInForce, TENANT_PASSWORD, type AcceptedOffer } from "./tenancy-fixtures";

const START = "2026-03-02";
const ASKED = cstInstant("2026-06-01", "10:00");
const DECIDED = cstInstant("2026-06-03", "10:00");
const OFFERED = cstInstant("2026-06-10", "10:00");
const ACCEPTED = cstInstant("2026-06-11", "10:00");

describe("exchanges (第三十三条)", () => {
  let cast: Cast;
  let estate: { id: string; unitIds: Record<string, string[]> };
  let offer: AcceptedOffer;
  let lease: { leaseId: string; leaseNo: string };
  let form = 0;

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    for (const year of [2024, 2025, 2026]) await prisma.referenceIncome.create({ data: { year, perCapitaDisposableIncomeFen: 5_238_400 } });
    cast = await createCast();
    estate = await createEstate("EX-001", { ONE_BEDROOM: 2, TWO_BEDROOM: 2, THREE_BEDROOM: 1 });
    // A couple in a one-bedroom (their type, Art. 21).
    offer = await acceptedOffer(estate.id, estate.unitIds.ONE_BEDROOM![0]!);
    await prisma.householdMember.create({ data: { applicationId: offer.applicationId, relationship: "SPOUSE", name: "王芳", ...memberIdentity(freshResidentId({ birthDate: "1992-02-02", sex: "F" })), fullCivilCapacity: true, annualIncomeFen: 2_000_000 } });
    lease = await leaseInForce(cast.yz1, offer, { startDate: START, termMonths: 36, at: cstInstant(START, "10:00") });
  });

  const formKey = () => `exchange-form-${++form}`;
  const ask = (input: Partial<Parameters<typeof requestExchange>[1]> = {}, actor = offer.tenant) =>
    requestExchange(actor, { leaseId: lease.leaseId, reason: "HOUSEHOLD_GREW", requestedUnitType: "TWO_BEDROOM", addedMembers: 1, description: "2026年5月女儿出生，家庭增至3人。", formKey: formKey(), ...input }, { now: ASKED });

  it("refuses a type the household's size does not allow, with the article, changing nothing", async () => {
    const tooLarge = await failure(ask({ requestedUnitType: "THREE_BEDROOM" }));
    expect([tooLarge.code, tooLarge.messageKey, tooLarge.fieldErrors]).toEqual(["VALIDATION", "exchanges.errors.typeTooLarge", { requestedUnitType: ["exchanges.validation.typeTooLarge"] }]);
    expect((await failure(ask({ addedMembers: 0 }))).fieldErrors).toEqual({ addedMembers: ["exchanges.validation.noneAdded"] });
    expect((await failure(ask({ requestedUnitType: "ONE_BEDROOM" }))).messageKey).toBe("exchanges.errors.typeNotLarger");
    expect((await failure(ask({ requestedUnitType: "PENTHOUSE" as never }))).code).toBe("VALIDATION");
    expect((await failure(ask({ formKey: "x" }))).code).toBe("VALIDATION");
    // Someone else's lease is "not found".
    expect((await failure(ask({}, cast.applicant))).code).toBe("NOT_FOUND");
    expect(await prisma.exchangeRequest.count()).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "exchange.request" } })).toBe(0);
  });

  it("records a form once, and one open request per lease however often it is sent", async () => {
    const key = formKey();
    const same = await race(Array.from({ length: 3 }, () => () => ask({ formKey: key })));
    expect(same.ok).toHaveLength(3);
    expect(await prisma.exchangeRequest.count()).toBe(1);
    const others = await race(Array.from({ length: 4 }, () => () => ask()));
    expect(others.errors).toEqual(["CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT"]);
    const rows = await prisma.exchangeRequest.findMany();
    expect(rows.map((r) => [r.status, r.reason, r.requestedUnitType, r.addedMembers, r.isMandatory])).toEqual([["SUBMITTED", "HOUSEHOLD_GREW", "TWO_BEDROOM", 1, false]]);
    expect((await leaseExchanges(lease.leaseId)).canRequest).toBe(false);
    // Withdrawn while it waits, the lease may ask again.
    await withdrawExchange(offer.tenant, { requestId: rows[0]!.id }, { now: ASKED });
    expect((await failure(withdrawExchange(offer.tenant, { requestId: rows[0]!.id }, { now: ASKED }))).messageKey).toBe("exchanges.errors.notWaiting");
    expect((await leaseExchanges(lease.leaseId)).canRequest).toBe(true);
    expect((await ask()).created).toBe(true);
  });

  it("a new race of fresh requests from the tenant: exactly one is recorded", async () => {
    const sent = await race(Array.from({ length: 5 }, () => () => ask()));
    expect(sent.ok).toHaveLength(1);
    expect(await prisma.exchangeRequest.count({ where: { status: "SUBMITTED" } })).toBe(1);
  });

  it("decided once by an officer of the district; a refusal tells the household, the internal note stays with the officers", async () => {
    const { requestId } = await ask();
    expect((await failure(decideExchange(cast.spb, { requestId, decision: "REJECT", reason: "x" }, { now: DECIDED }))).code).toBe("NOT_FOUND");
    expect(await getExchange(cast.spb, requestId)).toBeNull();
    const decisions = await race([
      () => decideExchange(cast.yz1, { requestId, decision: "REJECT", reason: "未提供出生医学证明（第三十三条）", internalNote: "电话核实未接通" }, { now: DECIDED }),
      () => decideExchange(cast.yz1, { requestId, decision: "APPROVE", reason: "同意" }, { now: DECIDED }),
      () => decideExchange(cast.yz1, { requestId, decision: "REJECT", reason: "重复" }, { now: DECIDED }),
    ]);
    expect(decisions.ok).toHaveLength(1);
    expect(decisions.errors).toEqual(["CONFLICT", "CONFLICT"]);
    const row = await prisma.exchangeRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(await prisma.waitingListEntry.count({ where: { purpose: "EXCHANGE" } })).toBe(row.status === "APPROVED" ? 1 : 0);
    if (row.status === "REJECTED") {
      const tenantView = (await leaseExchanges(lease.leaseId)).requests[0]!;
      // Either refusal may win the race; the household reads the winner's reason.
      expect(["未提供出生医学证明（第三十三条）", "重复"]).toContain(tenantView.decisionReason);
      expect(JSON.stringify(tenantView)).not.toContain("电话核实");
      const notices = await prisma.notification.findMany({ where: { templateKey: "exchanges.rejected" } });
      expect(notices.length).toBeGreaterThan(0);
      expect(JSON.stringify(notices)).not.toContain("电话核实");
      expect((await getExchange(cast.yz1, requestId))!.internalNote).toBe(tenantView.decisionReason === "重复" ? null : "电话核实未接通");
    }
  });

  it("approved: on the exchange list; a unit offered from it, accepted, leased anew; the old lease ended and its unit offered on; the allocation ranking unaffected", async () => {
    // Households waiting for allocation in the estate: one for a two-bedroom, one for a one-bedroom.
    const waiting2 = await household({ estateId: estate.id, entitled: "TWO_BEDROOM", preferred: "TWO_BEDROOM", acceptedAt: cstInstant("2025-01-06") });
    const waiting1 = await household({ estateId: estate.id, entitled: "ONE_BEDROOM", preferred: "ONE_BEDROOM", acceptedAt: cstInstant("2025-01-07") });
    await enrolWaitingLists(cstInstant("2026-05-01"));
    const listId = "EX-001.TWO_BEDROOM";
    const before = { ranking: await rankingText(listId), lists: await listWaitingLists() };

    const { requestId } = await ask();
    const { waitingListEntryId } = await decideExchange(cast.yz1, { requestId, decision: "APPROVE", reason: "经核实，家庭新增1人，同意换租两室一厅。", internalNote: "出生证明已核" }, { now: DECIDED });
    const entry = await prisma.waitingListEntry.findUniqueOrThrow({ where: { id: waitingListEntryId! } });
    expect([entry.purpose, entry.unitType, entry.estateId, entry.status, entry.applicationId]).toEqual(["EXCHANGE", "TWO_BEDROOM", estate.id, "WAITING", offer.applicationId]);
    expect((await leaseExchanges(lease.leaseId)).requests[0]!.list).toMatchObject({ position: 1, length: 1, unitType: "TWO_BEDROOM" });
    // The published allocation list and its ranking are the same as before.
    expect(await rankingText(listId)).toBe(before.ranking);
    expect(await listWaitingLists()).toEqual(before.lists);
    expect(before.ranking).toBe(`1,${waiting2.applicationNo},2025,G\n`);
    expect((await listExchanges(cast.yz1, { status: "APPROVED" })).total).toBe(1);
    expect((await listExchanges(cast.spb, {})).total).toBe(0);

    // The officer offers a vacant two-bedroom from the exchange list; the allocation head is not touched.
    const newUnit = estate.unitIds.TWO_BEDROOM![0]!;
    const offers = await race([
      () => offerFromExchangeList(cast.yz1, { unitId: newUnit, acceptDays: 5 }, { now: OFFERED }),
      () => offerFromExchangeList(cast.yz1, { unitId: newUnit, acceptDays: 5 }, { now: OFFERED }),
    ]);
    expect(offers.ok).toHaveLength(1);
    const exchangeOffer = await prisma.offer.findFirstOrThrow({ where: { unitId: newUnit, status: "PENDING" } });
    expect([exchangeOffer.applicationId, exchangeOffer.waitingListEntryId]).toEqual([offer.applicationId, entry.id]);
    expect(await rankingText(listId)).toBe(before.ranking);
    // The list is empty now for the other two-bedroom.
    expect((await failure(offerFromExchangeList(cast.yz1, { unitId: estate.unitIds.TWO_BEDROOM![1]!, acceptDays: 5 }, { now: OFFERED }))).messageKey).toBe("exchanges.errors.exchangeListEmpty");

    await acceptOffer(offer.tenant, { offerId: exchangeOffer.id }, { now: ACCEPTED });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: offer.applicationId } })).status).toBe("HOUSED");
    expect((await prisma.waitingListEntry.findUniqueOrThrow({ where: { id: entry.id } })).status).toBe("HOUSED");

    const drafted = await draftLease(cast.yz1, { offerId: exchangeOffer.id, startDate: "2026-06-15", termMonths: 36 }, { now: ACCEPTED });
    const next = await prisma.lease.findUniqueOrThrow({ where: { id: drafted.leaseId } });
    expect([next.origin, next.previousLeaseId, next.unitId, next.rentBasis, next.monthlyRentFen, next.status]).toEqual(["EXCHANGE", lease.leaseId, newUnit, "STANDARD", 120000, "PENDING_SIGNATURE"]);
    await signLease(offer.tenant, { leaseId: next.id, password: TENANT_PASSWORD, agree: "on" }, { now: ACCEPTED });
    // Not without the old unit's move-out check.
    expect((await failure(countersignLease(cast.yz1, { leaseId: next.id }, { now: ACCEPTED }))).messageKey).toBe("exchanges.errors.handBackNeeded");
    const bad = await failure(countersignExchangeLease(cast.yz1, { leaseId: next.id, vacatedOn: "2026-06-12", findings: "" }, { now: ACCEPTED }));
    expect(bad.code).toBe("VALIDATION");

    const done = await race(Array.from({ length: 3 }, () => () => countersignExchangeLease(cast.yz1, { leaseId: next.id, vacatedOn: "2026-06-11", findings: "房屋及设施完好，钥匙已交回。" }, { now: ACCEPTED })));
    expect(done.ok).toHaveLength(1);
    const [newLease, oldLease] = await Promise.all([prisma.lease.findUniqueOrThrow({ where: { id: next.id } }), prisma.lease.findUniqueOrThrow({ where: { id: lease.leaseId } })]);
    expect([newLease.status, oldLease.status]).toEqual(["ACTIVE", "ENDED"]);
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: newUnit } })).status).toBe("LEASED");
    expect((await prisma.exchangeRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("COMPLETED");
    expect(await prisma.inspection.count({ where: { unitId: offer.unitId, kind: "MOVE_OUT" } })).toBe(1);
    // The old one-bedroom is back in stock and offered to the head of its own (allocation) list.
    const oldUnit = await prisma.unit.findUniqueOrThrow({ where: { id: offer.unitId } });
    expect(oldUnit.status).toBe("OFFERED");
    expect((await prisma.offer.findFirstOrThrow({ where: { unitId: offer.unitId, status: "PENDING" } })).applicationId).toBe(waiting1.id);
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: exchangeOffer.id } })).status).toBe("LEASED");
    // Still the same allocation ranking for two-bedrooms.
    expect(await rankingText(listId)).toBe(before.ranking);
    expect((await leaseExchanges(lease.leaseId)).requests[0]!.newLease).toEqual({ leaseNo: newLease.leaseNo, status: "ACTIVE" });
  });

  it("an exchange lease not signed in time lapses: the household waits again on the exchange list, its lease in force goes on", async () => {
    const { requestId } = await ask();
    const { waitingListEntryId } = await decideExchange(cast.yz1, { requestId, decision: "APPROVE", reason: "同意换租" }, { now: DECIDED });
    const newUnit = estate.unitIds.TWO_BEDROOM![0]!;
    await offerFromExchangeList(cast.yz1, { unitId: newUnit, acceptDays: 5 }, { now: OFFERED });
    const exchangeOffer = await prisma.offer.findFirstOrThrow({ where: { unitId: newUnit, status: "PENDING" } });
    await acceptOffer(offer.tenant, { offerId: exchangeOffer.id }, { now: ACCEPTED });
    const drafted = await draftLease(cast.yz1, { offerId: exchangeOffer.id, startDate: "2026-06-15", termMonths: 36 }, { now: ACCEPTED });
    const due = fromDateColumn((await prisma.lease.findUniqueOrThrow({ where: { id: drafted.leaseId } })).signDueDate!);

    expect(await lapseUnsignedLeases(cstInstant(due, "23:00"))).toEqual({ lapsed: 0 });
    const after = cstInstant(addDays(due, 1), "01:00");
    expect(await lapseUnsignedLeases(after)).toEqual({ lapsed: 1 });
    expect((await prisma.lease.findUniqueOrThrow({ where: { id: drafted.leaseId } })).status).toBe("LAPSED");
    expect((await prisma.lease.findUniqueOrThrow({ where: { id: lease.leaseId } })).status).toBe("ACTIVE");
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: exchangeOffer.id } })).status).toBe("EXPIRED");
    expect((await prisma.waitingListEntry.findUniqueOrThrow({ where: { id: waitingListEntryId! } })).status).toBe("WAITING");
    // Nobody else waits on the exchange list: the unit is vacant again; the household stays housed.
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: newUnit } })).status).toBe("VACANT");
    expect((await prisma.application.findUniqueOrThrow({ where: { id: offer.applicationId } })).status).toBe("HOUSED");
    expect(await prisma.notification.count({ where: { templateKey: "tenancy.exchangeLapsed", applicationId: offer.applicationId } })).toBeGreaterThan(0);
  });

  it("a vacant unit offered the ordinary way still goes to the allocation list, not the exchange list", async () => {
    const waiting2 = await household({ estateId: estate.id, entitled: "TWO_BEDROOM", preferred: "TWO_BEDROOM" });
    await enrolWaitingLists(cstInstant("2026-05-01"));
    const { requestId } = await ask();
    await decideExchange(cast.yz1, { requestId, decision: "APPROVE", reason: "同意" }, { now: DECIDED });
    const made = await offerVacatedUnit(cast.yz1, { unitId: estate.unitIds.TWO_BEDROOM![0]!, acceptDays: 5 }, { now: OFFERED });
    expect(made.applicationNo).toBe(waiting2.applicationNo);
  });

  it("a household shrunk below its unit type: put on the exchange list when its 1.5 x renewal comes into force", async () => {
    // One person in a two-bedroom at the end of a 12-month term.
    const two = estate.unitIds.TWO_BEDROOM![1]!;
    const single = await acceptedOffer(estate.id, two);
    const at = cstInstant("2026-03-02", "10:00");
    const l = await leaseInForce(cast.yz1, single, { startDate: "2026-03-02", termMonths: 12, at });
    const onTime = cstInstant("2026-11-20", "10:00");
    // Not a request the tenant can make.
    expect((await failure(requestExchange(single.tenant, { leaseId: l.leaseId, reason: "HOUSEHOLD_SHRANK" as never, requestedUnitType: "STUDIO", addedMembers: 0, description: "x", formKey: formKey() }, { now: onTime }))).code).toBe("VALIDATION");
    const { requestId } = await requestRenewal(single.tenant, { leaseId: l.leaseId, termMonths: 12 }, { now: onTime });
    await decideRenewal(cast.yz1, { requestId, decision: "APPROVE", reason: "复核符合条件" }, { now: onTime });
    const renewal = await prisma.lease.findUniqueOrThrow({ where: { previousLeaseId: l.leaseId } });
    expect(renewal.rentBasis).toBe("UNIT_MISMATCH_150_PERCENT");
    await signLease(single.tenant, { leaseId: renewal.id, password: TENANT_PASSWORD, agree: "on" }, { now: onTime });
    await countersignLease(cast.yz1, { leaseId: renewal.id }, { now: onTime });
    const mandatory = await prisma.exchangeRequest.findFirstOrThrow({ where: { leaseId: renewal.id } });
    expect([mandatory.isMandatory, mandatory.reason, mandatory.status, mandatory.requestedUnitType]).toEqual([true, "HOUSEHOLD_SHRANK", "APPROVED", "STUDIO"]);
    expect(mandatory.decisionReason).toContain("第三十三条");
    expect((await prisma.waitingListEntry.findUniqueOrThrow({ where: { id: mandatory.waitingListEntryId! } })).purpose).toBe("EXCHANGE");
    // Once: the officer cannot open a second, nor the tenant withdraw it.
    expect((await failure(openMandatoryExchange(cast.yz1, { leaseId: renewal.id }, { now: onTime }))).code).toBe("CONFLICT");
    expect((await failure(withdrawExchange(single.tenant, { requestId: mandatory.id }, { now: onTime }))).messageKey).toBe("exchanges.errors.mandatoryNotWithdrawn");
    // A couple in its own type is never obliged.
    expect((await failure(openMandatoryExchange(cast.yz1, { leaseId: lease.leaseId }, { now: onTime }))).messageKey).toBe("exchanges.errors.notDue");
    expect(fromDateColumn(renewal.startDate)).toBe("2027-03-02");
  });
});
