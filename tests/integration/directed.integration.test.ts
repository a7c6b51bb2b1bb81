// Directed allocation (定向配租, Art. 24) against PostgreSQL: created by the officers who manage the
// estate with its quota reserved, nominees checked against its rules (Art. 12, 13, 24, 40), units
// assigned within its period, the public notice masked, and the database deciding "a unit to one
// nominee" and "a person to one directed unit" when assignments race.
import { beforeEach, describe, expect, it } from "vitest";
import { addNominee, assignNominee, closeDirected, createDirected, getPublicDirected, listDirected } from "@/lib/allocation/directed";
import type { CreateDirectedInput } from "@/lib/allocation/directed-schemas";
import type { UnitType } from "@/lib/generated/prisma/client";
import { cstInstant, dateColumn } from "../support/clock";
import { freshResidentId } from "../support/resident-id";
import { createEstate, failure, race } from "./allocation-fixtures";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createApplication, createCast, type Cast } from "./review-fixtures";

const NOW = cstInstant("2026-03-02", "10:00");

describe("directed allocation", () => {
  let cast: Cast;
  let estate: { id: string; unitIds: Record<UnitType, string[]> };
  let input: CreateDirectedInput;

  beforeEach(async () => {
    await truncateAll();
    await seedDistricts();
    cast = await createCast();
    estate = await createEstate("DIR-001", { ONE_BEDROOM: 4, TWO_BEDROOM: 1 });
    input = {
      estateId: estate.id,
      kind: "ENTERPRISE",
      recipientName: "重庆某智能制造有限公司",
      recipientCreditCode: "91500000MA5U000000",
      basis: "渝中府复〔2026〕12号 关于园区企业员工定向配租公租房的批复",
      unitType: "ONE_BEDROOM",
      quota: "3",
      requireNoHome: "on",
      startDate: "2026-03-01",
      endDate: "2026-05-31",
    };
  });

  it("is created by the officers who manage the estate, reserving its quota of vacant units, all or none", async () => {
    // A municipal estate: the municipal agency manages it, a district officer does not.
    expect(await failure(createDirected(cast.yz1, input, { now: NOW }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(createDirected(cast.city, { ...input, quota: "5" }, { now: NOW }))).toMatchObject({ code: "VALIDATION", fieldErrors: { quota: ["allocation.validation.quotaAboveVacant"] } });
    expect(await failure(createDirected(cast.city, { ...input, endDate: "2026-02-01" }, { now: NOW }))).toMatchObject({ code: "VALIDATION", fieldErrors: { endDate: ["allocation.validation.periodOrder"] } });
    expect(await failure(createDirected(cast.city, { ...input, recipientCreditCode: "123" }, { now: NOW }))).toMatchObject({ code: "VALIDATION", fieldErrors: { recipientCreditCode: ["allocation.validation.creditCodeInvalid"] } });
    expect(await prisma.directedAllocation.count()).toBe(0);
    const { allocationId } = await createDirected(cast.city, input, { now: NOW });
    const units = await prisma.unit.findMany({ where: { directedUnits: { some: { allocationId } } }, select: { status: true, statusReason: true } });
    expect(units).toHaveLength(3);
    expect(units.every((u) => u.status === "RESERVED" && u.statusReason === "定向配租：重庆某智能制造有限公司")).toBe(true);
    expect(await prisma.unit.count({ where: { estateId: estate.id, unitType: "ONE_BEDROOM", status: "VACANT" } })).toBe(1);
    // It is public at once; officers of another district do not see it in their list.
    expect((await listDirected(null)).items.map((d) => [d.recipientName, d.quota, d.assigned])).toEqual([["重庆某智能制造有限公司", 3, 0]]);
    expect((await listDirected(cast.spb)).items).toEqual([]);
  });

  it("checks each nominee against the allocation's rules and assigns eligible ones a unit within its period", async () => {
    const { allocationId } = await createDirected(cast.city, input, { now: NOW });
    const ok = await addNominee(cast.city, { allocationId, name: "陈晓东", residentId: freshResidentId({ birthDate: "1995-05-05", sex: "M" }), householdSize: "1", employmentConfirmed: "on" }, { now: NOW });
    expect(ok).toMatchObject({ status: "ELIGIBLE", problems: [] });

    // Art. 12: on another open application.
    const claimedId = freshResidentId({ birthDate: "1990-01-01", sex: "M" });
    const app = await createApplication({ status: "SUBMITTED" });
    await prisma.householdMember.updateMany({ where: { applicationId: app.id }, data: { residentId: claimedId } });
    // Art. 40: barred; Art. 13: a home held in the city (shared data).
    const bannedId = freshResidentId({ birthDate: "1991-02-02", sex: "F" });
    await prisma.ban.create({ data: { residentId: bannedId, bannedFrom: dateColumn("2025-06-01"), bannedUntil: dateColumn("2030-06-01"), reason: "转租公租房" } });
    const ownerId = freshResidentId({ birthDate: "1992-03-03", sex: "M" });
    const batch = await prisma.sharedDataImportBatch.create({ data: { source: "REAL_ESTATE", fileName: "不动产.csv", sha256: "0".repeat(64), importedById: cast.city.id, status: "COMPLETED" } });
    await prisma.sharedDataRecord.create({ data: { batchId: batch.id, source: "REAL_ESTATE", rowNo: 1, residentId: ownerId, fields: { status: "HELD", areaDm2: 9000 } } });
    const add = (name: string, residentId: string, employed = true) => addNominee(cast.city, { allocationId, name, residentId, householdSize: "2", employmentConfirmed: employed ? "on" : "" }, { now: NOW });
    expect(await add("甲一", claimedId)).toMatchObject({ status: "INELIGIBLE", problems: ["CLAIMED"] });
    expect(await add("乙二", bannedId)).toMatchObject({ status: "INELIGIBLE", problems: ["BANNED"] });
    expect(await add("丙三", ownerId)).toMatchObject({ status: "INELIGIBLE", problems: ["HAS_HOME"] });
    const unemployed = await add("丁四", freshResidentId({ birthDate: "1993-04-04", sex: "F" }), false);
    expect(unemployed).toMatchObject({ status: "INELIGIBLE", problems: ["NOT_EMPLOYED"] });
    // Bad input changes nothing.
    expect(await failure(add("戊五", "500103199001011234"))).toMatchObject({ code: "VALIDATION", fieldErrors: { residentId: ["allocation.validation.residentIdInvalid"] } });
    expect(await failure(add("陈晓东", (await prisma.directedNominee.findUniqueOrThrow({ where: { id: ok.nomineeId } })).residentId))).toMatchObject({ fieldErrors: { residentId: ["allocation.validation.nomineeTwice"] } });
    expect(await prisma.directedNominee.count()).toBe(5);

    const [unitId] = (await prisma.directedAllocationUnit.findMany({ where: { allocationId }, select: { unitId: true } })).map((u) => u.unitId);
    expect(await failure(assignNominee(cast.city, { allocationId, nomineeId: unemployed.nomineeId, unitId: unitId! }, { now: NOW }))).toMatchObject({ messageKey: "allocation.errors.nomineeIneligible" });
    expect(await failure(assignNominee(cast.city, { allocationId, nomineeId: ok.nomineeId, unitId: estate.unitIds.TWO_BEDROOM[0]! }, { now: NOW }))).toMatchObject({ fieldErrors: { unitId: ["allocation.validation.unitNotInAllocation"] } });
    expect(await failure(assignNominee(cast.city, { allocationId, nomineeId: ok.nomineeId, unitId: unitId! }, { now: cstInstant("2026-06-01") }))).toMatchObject({ messageKey: "allocation.errors.directedPeriodOver" });
    await assignNominee(cast.city, { allocationId, nomineeId: ok.nomineeId, unitId: unitId! }, { now: NOW });
    expect(await prisma.unit.findUniqueOrThrow({ where: { id: unitId! }, select: { status: true } })).toEqual({ status: "OFFERED" });

    // The public notice: masked name and number, the unit; nothing of the refused nominees.
    const notice = await getPublicDirected(allocationId);
    expect(notice!.assignedNominees).toEqual([{ name: "陈**", residentIdMasked: expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/), unit: expect.any(String) }]);
    expect(JSON.stringify(notice)).not.toContain("乙二");

    // Closing frees the units not assigned.
    expect(await closeDirected(cast.city, { allocationId }, { now: NOW })).toMatchObject({ released: 2 });
    expect(await failure(addNominee(cast.city, { allocationId, name: "己六", residentId: freshResidentId({ birthDate: "1994-01-01", sex: "M" }), householdSize: "1", employmentConfirmed: "on" }, { now: NOW }))).toMatchObject({ messageKey: "allocation.errors.directedClosed" });
  });

  it("assigns a unit to one nominee when ten race for it, and a person one directed unit across allocations", async () => {
    const { allocationId } = await createDirected(cast.city, input, { now: NOW });
    const nominees = [];
    for (let i = 0; i < 10; i++) {
      nominees.push(await addNominee(cast.city, { allocationId, name: `员工${i}`, residentId: freshResidentId({ birthDate: "1996-06-06", sex: i % 2 ? "M" : "F" }), householdSize: "1", employmentConfirmed: "on" }, { now: NOW }));
    }
    const [unitId] = (await prisma.directedAllocationUnit.findMany({ where: { allocationId }, select: { unitId: true } })).map((u) => u.unitId);
    const result = await race(nominees.map((n) => () => assignNominee(cast.city, { allocationId, nomineeId: n.nomineeId, unitId: unitId! }, { now: NOW })));
    expect(result.ok).toHaveLength(1);
    expect(result.errors).toEqual(Array.from({ length: 9 }, () => "CONFLICT"));
    expect(await prisma.directedNominee.count({ where: { unitId, status: "ASSIGNED" } })).toBe(1);

    // One person nominated by two allocations: assigned by both at once, one stands.
    const second = await createDirected(cast.city, { ...input, quota: "1", recipientName: "重庆某物流有限公司" }, { now: NOW });
    const person = freshResidentId({ birthDate: "1997-07-07", sex: "M" });
    const a = await addNominee(cast.city, { allocationId, name: "两边", residentId: person, householdSize: "1", employmentConfirmed: "on" }, { now: NOW });
    const b = await addNominee(cast.city, { allocationId: second.allocationId, name: "两边", residentId: person, householdSize: "1", employmentConfirmed: "on" }, { now: NOW });
    const freeA = (await prisma.unit.findFirstOrThrow({ where: { status: "RESERVED", directedUnits: { some: { allocationId } } }, select: { id: true } })).id;
    const freeB = (await prisma.directedAllocationUnit.findFirstOrThrow({ where: { allocationId: second.allocationId }, select: { unitId: true } })).unitId;
    const both = await race([
      () => assignNominee(cast.city, { allocationId, nomineeId: a.nomineeId, unitId: freeA }, { now: NOW }),
      () => assignNominee(cast.city, { allocationId: second.allocationId, nomineeId: b.nomineeId, unitId: freeB }, { now: NOW }),
    ]);
    expect(both.ok).toHaveLength(1);
    expect(await prisma.directedNominee.count({ where: { residentId: person, status: "ASSIGNED" } })).toBe(1);
  });
});
