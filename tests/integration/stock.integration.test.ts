// Housing stock (Art. 6-11, 23): estates, buildings and units, who manages them (municipal
// estates the municipal agency, district estates their district), and each unit's status with
// the reason and history of every change. Status changes are conditional updates whose count is
// checked: fired at once at PostgreSQL, exactly one of several officers' changes stands.
import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { addBuildingSchema, addUnitSchema, changeUnitStatusSchema, createEstateSchema, estateFilterSchema, updateEstateSchema, updateUnitSchema } from "@/lib/stock/schemas";
import { addBuilding, addUnit, changeUnitStatus, createEstate, getBuilding, getEstate, getUnit, listEstates, updateEstate, updateUnit } from "@/lib/stock/stock-service";
import { errorKey } from "../support/app-errors";
import { SHAPINGBA, YUZHONG } from "../support/districts";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { createTestEstate } from "./estate-fixtures";

let cast: Cast;

/** The first message of `field` of the VALIDATION error a call throws ("OK" when it succeeds). */
async function fieldError(fn: () => Promise<unknown>, field: string): Promise<string> {
  try {
    await fn();
    return "OK";
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") return error.fieldErrors?.[field]?.[0] ?? error.messageKey;
    throw error;
  }
}

async function estate(code: string, districtCode: string, level: "MUNICIPAL" | "DISTRICT") {
  return createTestEstate({ code, name: `${code}公租房`, districtCode, level, ownerName: "业主", operatorName: "运营单位", address: `${code}路 1 号` });
}

const unitForm = (buildingId: string, over: Record<string, string> = {}) =>
  addUnitSchema.parse({ buildingId, unitNo: "301", floor: "3", unitType: "ONE_BEDROOM", floorAreaM2: "48.6", orientation: "SOUTH", marketRentYuan: "1458", standardRentYuan: "874", ...over });

beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  cast = await createCast();
});

describe("who manages which estate", () => {
  it("lets the municipal agency manage municipal estates and a district its own district estates, and no one else", async () => {
    const municipal = await estate("YZ-M1", YUZHONG, "MUNICIPAL");
    const district = await estate("YZ-D1", YUZHONG, "DISTRICT");
    const other = await estate("SPB-D1", SHAPINGBA, "DISTRICT");
    const add = (actorKey: keyof Cast, estateId: string, name: string) => addBuilding(cast[actorKey], addBuildingSchema.parse({ estateId, name, floors: "18" }));

    expect(await add("city", municipal.id, "1栋")).toMatchObject({ estateCode: "YZ-M1" });
    expect(await add("yz1", district.id, "1栋")).toMatchObject({ estateCode: "YZ-D1" });
    // A district officer does not manage a municipal estate in their district, nor the municipal agency a district estate.
    expect(await errorKey(() => add("yz1", municipal.id, "2栋"))).toBe("stock.errors.municipalOnly");
    expect(await errorKey(() => add("city", district.id, "2栋"))).toBe("stock.errors.districtOnly");
    // Another district's estate is not even found.
    expect(await errorKey(() => add("yz1", other.id, "1栋"))).toBe("stock.errors.notFound");
    expect(await errorKey(() => add("applicant", district.id, "2栋"))).toBe("stock.errors.notFound");
    expect(await prisma.building.count()).toBe(2);
  });

  it("lists the estates of the officer's district (both levels), the city's for the municipal agency, with units counted by status", async () => {
    const m = await estate("YZ-M1", YUZHONG, "MUNICIPAL");
    await estate("YZ-D1", YUZHONG, "DISTRICT");
    await estate("SPB-D1", SHAPINGBA, "DISTRICT");
    const b = await addBuilding(cast.city, addBuildingSchema.parse({ estateId: m.id, name: "1栋", floors: "6" }));
    await addUnit(cast.city, unitForm(b.buildingId));
    await addUnit(cast.city, unitForm(b.buildingId, { unitNo: "302" }));

    const yz = await listEstates(cast.yz1, estateFilterSchema.parse({}));
    expect(yz.items.map((e) => [e.code, e.canManage])).toEqual([
      ["YZ-D1", true],
      ["YZ-M1", false],
    ]);
    expect(yz.items[1]).toMatchObject({ buildingCount: 1, unitCount: 2, counts: { VACANT: 2, LEASED: 0 }, districtName: "渝中区" });
    const city = await listEstates(cast.city, estateFilterSchema.parse({ level: "DISTRICT" }));
    expect(city.items.map((e) => e.code)).toEqual(["SPB-D1", "YZ-D1"]);
    expect((await listEstates(cast.city, estateFilterSchema.parse({ q: "spb" }))).items.map((e) => e.code)).toEqual(["SPB-D1"]);
    // A district filter never widens a district officer's reach.
    expect((await listEstates(cast.yz1, estateFilterSchema.parse({ district: SHAPINGBA }))).items.map((e) => e.code)).toEqual(["YZ-D1", "YZ-M1"]);
    await expect(listEstates(cast.applicant, estateFilterSchema.parse({}))).rejects.toThrow(AppError);
  });
});

describe("estates", () => {
  const form = (code: string, districtCode: string) =>
    createEstateSchema.parse({ code, districtCode, name: "安居·新苑", stockSource: "NEW_CONSTRUCTION", investment: "GOVERNMENT", ownerName: "产权单位", operatorName: "运营单位", address: "安居路 8 号" });

  it("are added at the level the officer manages, in a district in their reach, with a code unique in the city", async () => {
    expect(await createEstate(cast.city, form("yz-m9", YUZHONG))).toEqual({ estateCode: "YZ-M9" });
    expect(await prisma.estate.findUniqueOrThrow({ where: { code: "YZ-M9" } })).toMatchObject({ level: "MUNICIPAL", districtCode: YUZHONG });
    expect(await createEstate(cast.yz1, form("YZ-D9", YUZHONG))).toEqual({ estateCode: "YZ-D9" });
    expect(await prisma.estate.findUniqueOrThrow({ where: { code: "YZ-D9" } })).toMatchObject({ level: "DISTRICT" });
    // A district officer adds no estate in another district; an applicant none at all.
    expect(await errorKey(() => createEstate(cast.yz1, form("SPB-D9", SHAPINGBA)))).toBe("stock.errors.districtOnly");
    expect(await errorKey(() => createEstate(cast.applicant, form("X-1", YUZHONG)))).toBe("errors.forbidden");
    expect(await fieldError(() => createEstate(cast.spb, form("YZ-D9", SHAPINGBA)), "code")).toBe("stock.validation.estateCodeTaken");
    expect(createEstateSchema.safeParse({ ...form("OK-1", YUZHONG), code: "中文" }).success).toBe(false);
    expect(await prisma.auditLog.count({ where: { action: "stock.estate.create" } })).toBe(2);
  });

  it("are corrected by those who manage them, audited with what they were", async () => {
    const e = await estate("SPB-D1", SHAPINGBA, "DISTRICT");
    const changes = updateEstateSchema.parse({ estateId: e.id, name: "安居·梧桐苑二期", stockSource: "PURCHASE", investment: "PRIVATE", ownerName: "新产权单位", operatorName: "新运营单位", address: "梧桐路 2 号", childCareServices: "普惠托育点" });
    expect(await errorKey(() => updateEstate(cast.city, changes))).toBe("stock.errors.districtOnly");
    await updateEstate(cast.spb, changes);
    expect(await prisma.estate.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ name: "安居·梧桐苑二期", stockSource: "PURCHASE", childCareServices: "普惠托育点", elderlyCareServices: null, code: "SPB-D1" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "stock.estate.update", entityId: e.id } });
    expect(audit.data).toMatchObject({ before: { name: "SPB-D1公租房", stockSource: "NEW_CONSTRUCTION" }, after: { name: "安居·梧桐苑二期" } });
  });
});

describe("buildings and units", () => {
  it("shows a building floor by floor, top floor first, and refuses a duplicate number, a floor above the building and a standard rent above 60 % of the market rent", async () => {
    const e = await estate("YZ-D1", YUZHONG, "DISTRICT");
    const { buildingId } = await addBuilding(cast.yz1, addBuildingSchema.parse({ estateId: e.id, name: "2栋", floors: "5" }));
    expect(await fieldError(() => addBuilding(cast.yz1, addBuildingSchema.parse({ estateId: e.id, name: "2栋", floors: "5" })), "name")).toBe("stock.validation.buildingNameTaken");
    for (const [unitNo, floor] of [["201", "2"], ["502", "5"], ["501", "5"]] as const) await addUnit(cast.yz1, unitForm(buildingId, { unitNo, floor }));
    expect(await fieldError(() => addUnit(cast.yz1, unitForm(buildingId, { unitNo: "201", floor: "2" })), "unitNo")).toBe("stock.validation.unitNoTaken");
    expect(await fieldError(() => addUnit(cast.yz1, unitForm(buildingId, { unitNo: "601", floor: "6" })), "floor")).toBe("stock.validation.floorAboveBuilding");
    // Art. 27: at most 60 % of the market rent (1,458 yuan: 874.80 at most).
    expect(addUnitSchema.safeParse({ ...unitForm(buildingId), floorAreaM2: "48.6", marketRentYuan: "1458", standardRentYuan: "874.81" }).success).toBe(false);
    expect(addUnitSchema.safeParse({ buildingId, unitNo: "302", floor: "3", unitType: "ONE_BEDROOM", floorAreaM2: "48.6", marketRentYuan: "1458", standardRentYuan: "874.80" }).success).toBe(true);

    const view = await getBuilding(cast.yz1, buildingId);
    expect(view.floors.map((f) => [f.floor, f.units.map((u) => u.unitNo)])).toEqual([
      [5, ["501", "502"]],
      [2, ["201"]],
    ]);
    expect(view).toMatchObject({ canManage: true, counts: { VACANT: 3 } });
    expect((await getBuilding(cast.city, buildingId)).canManage).toBe(false);
    expect(await errorKey(() => getBuilding(cast.spb, buildingId))).toBe("stock.errors.notFound");

    const detail = await getEstate(cast.yz1, "YZ-D1");
    expect(detail.buildings).toMatchObject([{ name: "2栋", unitCount: 3 }]);
    const unit = view.floors[0]!.units[0]!;
    await updateUnit(cast.yz1, updateUnitSchema.parse({ unitId: unit.id, unitNo: "501", floor: "5", unitType: "TWO_BEDROOM", floorAreaM2: "62.4", orientation: "NORTH_SOUTH", marketRentYuan: "1872", standardRentYuan: "1123.2" }));
    expect(await prisma.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ unitType: "TWO_BEDROOM", floorAreaDm2: 6240, marketRentFen: 187200, standardRentFen: 112320, orientation: "NORTH_SOUTH" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "stock.unit.update", entityId: unit.id } });
    expect(audit.data).toMatchObject({ before: { unitType: "ONE_BEDROOM", floorAreaDm2: 4860 }, after: { unitType: "TWO_BEDROOM" } });
  });
});

describe("a unit's status", () => {
  async function vacantUnit() {
    const e = await estate("YZ-D1", YUZHONG, "DISTRICT");
    const { buildingId } = await addBuilding(cast.yz1, addBuildingSchema.parse({ estateId: e.id, name: "1栋", floors: "10" }));
    return (await addUnit(cast.yz1, unitForm(buildingId))).unitId;
  }
  const change = (unitId: string, fromStatus: string, toStatus: string, reason = "卫生间漏水，需更换防水层") => changeUnitStatusSchema.parse({ unitId, fromStatus, toStatus, reason });

  it("is changed by hand with a reason, and every change is in its history with who made it", async () => {
    const unitId = await vacantUnit();
    await changeUnitStatus(cast.yz1, change(unitId, "VACANT", "MAINTENANCE"));
    await changeUnitStatus(cast.yz2, change(unitId, "MAINTENANCE", "VACANT", "维修完成，验收合格"));
    const unit = await getUnit(cast.yz1, unitId);
    expect(unit).toMatchObject({ status: "VACANT", statusReason: "维修完成，验收合格", manualTargets: ["MAINTENANCE", "WITHDRAWN"] });
    expect(unit.history.map((h) => [h.fromStatus, h.toStatus, h.reason, h.actorName])).toEqual([
      ["MAINTENANCE", "VACANT", "维修完成，验收合格", "渝中复审员"],
      ["VACANT", "MAINTENANCE", "卫生间漏水，需更换防水层", "渝中初审员"],
      [null, "VACANT", null, "渝中初审员"],
    ]);
    expect(await prisma.auditLog.count({ where: { action: "stock.unit.status", entityId: unitId } })).toBe(2);
  });

  it("refuses what cannot be changed by hand, a change made since the officer looked, and an empty reason, changing nothing", async () => {
    const unitId = await vacantUnit();
    expect(changeUnitStatusSchema.safeParse({ unitId, fromStatus: "VACANT", toStatus: "MAINTENANCE", reason: " " }).success).toBe(false);
    expect(changeUnitStatusSchema.safeParse({ unitId, fromStatus: "VACANT", toStatus: "LEASED", reason: "直接出租" }).success).toBe(false);
    expect(await fieldError(() => changeUnitStatus(cast.yz1, change(unitId, "VACANT", "VACANT")), "toStatus")).toBe("stock.validation.sameStatus");
    // The officer saw it under repair; it is vacant now.
    expect(await errorKey(() => changeUnitStatus(cast.yz1, change(unitId, "MAINTENANCE", "WITHDRAWN")))).toBe("stock.errors.statusChanged");
    await prisma.unit.update({ where: { id: unitId }, data: { status: "RESERVED" } });
    expect(await errorKey(() => changeUnitStatus(cast.yz1, change(unitId, "RESERVED", "VACANT")))).toBe("stock.errors.heldByAllocation");
    expect((await getUnit(cast.yz1, unitId)).manualTargets).toEqual([]);
    expect(await errorKey(() => changeUnitStatus(cast.city, change(unitId, "RESERVED", "VACANT")))).toBe("stock.errors.districtOnly");
    expect(await prisma.unitStatusEvent.count({ where: { unitId } })).toBe(1);
  });

  it("takes exactly one of eight officers' changes made at the same moment", async () => {
    const unitId = await vacantUnit();
    await Promise.all(Array.from({ length: 5 }, () => prisma.$queryRaw`SELECT 1 AS ok FROM pg_sleep(0.05)`));
    const targets = ["MAINTENANCE", "WITHDRAWN"] as const;
    const settled = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => changeUnitStatus(i % 2 ? cast.yz1 : cast.yz2, change(unitId, "VACANT", targets[i % 2]!, `第 ${i + 1} 位经办员的原因`))),
    );
    const ok = settled.filter((s) => s.status === "fulfilled");
    expect(ok).toHaveLength(1);
    expect(settled.filter((s) => s.status === "rejected").map((s) => ((s as PromiseRejectedResult).reason as AppError).messageKey)).toEqual(Array(7).fill("stock.errors.statusChanged"));
    expect(await prisma.unitStatusEvent.count({ where: { unitId, fromStatus: "VACANT" } })).toBe(1);
  });
});
