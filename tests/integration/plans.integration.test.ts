// Allocation plans (配租方案, Art. 23): drafted by an officer who manages the estate, approved by a
// second officer, published with its units reserved (all or none, decided by the database), and
// withdrawn only with a reason. Races are fired at PostgreSQL.
import { beforeEach, describe, expect, it } from "vitest";
import { createPlanSchema, planFilterSchema, planStepSchema, withdrawPlanSchema } from "@/lib/allocation/plan-schemas";
import { approvePlan, createPlan, getPlan, listPlans, planPools, publishPlan, submitPlan, withdrawPlan } from "@/lib/allocation/plans";
import { getPublicPlan, listPublicPlans } from "@/lib/allocation/public-plans";
import { AppError } from "@/lib/errors";
import { addBuildingSchema, addUnitSchema } from "@/lib/stock/schemas";
import { addBuilding, addUnit } from "@/lib/stock/stock-service";
import { errorKey } from "../support/app-errors";
import { YUZHONG } from "../support/districts";
import { prisma, seedDistricts, truncateAll } from "./db";
import { createCast, type Cast } from "./review-fixtures";
import { createTestEstate } from "./estate-fixtures";

let cast: Cast;
let estateId: string;
let unitIds: string[];

beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  cast = await createCast();
  const estate = await createTestEstate({ code: "YZ-D1", name: "渝中公租房", districtCode: YUZHONG, level: "DISTRICT", ownerName: "业主", operatorName: "运营", address: "渝中路 1 号" });
  estateId = estate.id;
  const { buildingId } = await addBuilding(cast.yz1, addBuildingSchema.parse({ estateId, name: "1栋", floors: "10" }));
  unitIds = [];
  for (const unitNo of ["301", "302", "303", "304"]) {
    unitIds.push((await addUnit(cast.yz1, addUnitSchema.parse({ buildingId, unitNo, floor: "3", unitType: "ONE_BEDROOM", floorAreaM2: "48.6", marketRentYuan: "1458", standardRentYuan: "874.8" }))).unitId);
  }
});

/** A lottery plan's form as an officer fills it in. */
const lotteryForm = (units: string[], over: Record<string, unknown> = {}) => ({
    estateId,
    title: "渝中公租房 2026 年第一批公开摇号配租方案",
    method: "LOTTERY",
    unitIds: units,
    applicationPeriodStart: "2026-01-01",
    applicationPeriodEnd: "2026-06-30",
    prioritySharePercent: "20",
    beaconSource: "摇号当日公证员在现场宣读的六位数字",
    freezeDate: "2026-07-10",
    drawDate: "2026-07-15",
    selectionStartDate: "2026-07-20",
    selectionEndDate: "2026-07-31",
    ...over,
  });
const lotteryPlan = (units: string[], over: Record<string, unknown> = {}) => createPlanSchema.parse(lotteryForm(units, over));
const step = (planId: string) => planStepSchema.parse({ planId });

async function approved(units: string[]): Promise<string> {
  const { planId } = await createPlan(cast.yz1, lotteryPlan(units));
  await submitPlan(cast.yz1, step(planId));
  await approvePlan(cast.yz2, step(planId));
  return planId;
}

describe("a plan's life", () => {
  it("is drafted, submitted, approved by a second officer, published with its units reserved, and withdrawn with a public reason", async () => {
    const { planId } = await createPlan(cast.yz1, lotteryPlan(unitIds.slice(0, 3)));
    expect(await getPlan(cast.yz1, planId)).toMatchObject({ status: "DRAFT", priorityShareBp: 2000, applicationPeriodEnd: "2026-06-30", can: { submit: true, approve: false } });
    await submitPlan(cast.yz1, step(planId));
    // Art. 23, and the portal's rule of two: the drafter does not approve their own plan.
    expect(await errorKey(() => approvePlan(cast.yz1, step(planId)))).toBe("allocation.errors.secondOfficer");
    expect((await getPlan(cast.yz2, planId)).can.approve).toBe(true);
    await approvePlan(cast.yz2, step(planId));
    await publishPlan(cast.yz1, step(planId));

    const published = await getPlan(cast.yz1, planId);
    expect(published).toMatchObject({ status: "PUBLISHED", approvedByName: "渝中复审员", publishedByName: "渝中初审员", can: { withdraw: true } });
    expect(published.units.map((u) => [u.unitNo, u.status])).toEqual([
      ["301", "RESERVED"],
      ["302", "RESERVED"],
      ["303", "RESERVED"],
    ]);
    expect(await prisma.unit.findUniqueOrThrow({ where: { id: unitIds[3]! }, select: { status: true } })).toEqual({ status: "VACANT" });
    expect(await prisma.unitStatusEvent.count({ where: { toStatus: "RESERVED" } })).toBe(3);

    expect(withdrawPlanSchema.safeParse({ planId, reason: "" }).success).toBe(false);
    await withdrawPlan(cast.yz2, withdrawPlanSchema.parse({ planId, reason: "项目消防验收未通过，暂缓配租" }));
    const withdrawn = await getPlan(cast.yz1, planId);
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", withdrawReason: "项目消防验收未通过，暂缓配租", withdrawnByName: "渝中复审员" });
    expect(withdrawn.units.every((u) => u.status === "VACANT")).toBe(true);
    expect(await prisma.auditLog.findMany({ where: { entityId: planId }, select: { action: true }, orderBy: { id: "asc" } })).toEqual(
      ["create", "submit", "approve", "publish", "withdraw"].map((a) => ({ action: `allocation.plan.${a}` })),
    );
  });

  it("asks a lottery for its period, beacon source and dates, in order; a waiting-list plan for its selection window only", () => {
    const issues = (input: Record<string, unknown>) => {
      const parsed = createPlanSchema.safeParse(lotteryForm(unitIds, input));
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    expect(issues({ applicationPeriodStart: "" })).toContain("allocation.validation.periodRequired");
    expect(issues({ beaconSource: "" })).toContain("allocation.validation.beaconSourceRequired");
    expect(issues({ freezeDate: "2026-06-30" })).toContain("allocation.validation.freezeAfterPeriod");
    expect(issues({ drawDate: "2026-07-09" })).toContain("allocation.validation.drawAfterFreeze");
    expect(issues({ selectionEndDate: "2026-07-19" })).toContain("allocation.validation.selectionOrder");
    expect(issues({ prioritySharePercent: "120" })).toContain("allocation.validation.priorityPercentInvalid");
    expect(issues({ unitIds: [] })).toContain("allocation.validation.unitsRequired");
    expect(
      createPlanSchema.safeParse({ estateId, title: "渝中公租房轮候配租方案", method: "WAITING_LIST", unitIds, selectionStartDate: "2026-07-20", selectionEndDate: "2026-07-31" }).success,
    ).toBe(true);
  });

  it("is only drafted by the estate's managers, of its own vacant units, and seen only in reach", async () => {
    expect(await errorKey(() => createPlan(cast.city, lotteryPlan(unitIds)))).toBe("allocation.errors.notPlanManager");
    expect(await errorKey(() => createPlan(cast.spb, lotteryPlan(unitIds)))).toBe("allocation.errors.planNotFound");
    await prisma.unit.update({ where: { id: unitIds[0]! }, data: { status: "MAINTENANCE" } });
    await expect(createPlan(cast.yz1, lotteryPlan(unitIds))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { unitIds: ["allocation.validation.unitsNotVacant"] } });
    const { planId } = await createPlan(cast.yz1, lotteryPlan(unitIds.slice(1)));
    expect(await errorKey(() => getPlan(cast.spb, planId))).toBe("allocation.errors.planNotFound");
    expect((await listPlans(cast.yz2, planFilterSchema.parse({}))).items.map((p) => [p.id, p.unitCount])).toEqual([[planId, 3]]);
    expect((await listPlans(cast.spb, planFilterSchema.parse({}))).items).toEqual([]);
  });
});

describe("the public's view of plans (Art. 23)", () => {
  it("shows a plan from its publication on, with its units and, once withdrawn, its reason; never before, never who handled it", async () => {
    const planId = await approved(unitIds.slice(0, 2));
    expect(await getPublicPlan(planId)).toBeNull();
    expect((await listPublicPlans(1)).items).toEqual([]);
    await publishPlan(cast.yz1, step(planId));
    const shown = await getPublicPlan(planId);
    expect(shown).toMatchObject({ status: "PUBLISHED", beaconSource: "摇号当日公证员在现场宣读的六位数字", priorityShareBp: 2000 });
    expect(shown!.units.map((u) => u.unitNo)).toEqual(["301", "302"]);
    expect(JSON.stringify(shown)).not.toMatch(/渝中初审员|渝中复审员/);
    await withdrawPlan(cast.yz1, withdrawPlanSchema.parse({ planId, reason: "项目消防验收未通过，暂缓配租" }));
    expect(await getPublicPlan(planId)).toMatchObject({ status: "WITHDRAWN", withdrawReason: "项目消防验收未通过，暂缓配租" });
    expect((await listPublicPlans(1)).items.map((p) => [p.id, p.status, p.unitCount])).toEqual([[planId, "WITHDRAWN", 2]]);
    expect(await getPublicPlan("../etc")).toBeNull();
  });
});

describe("a plan's pools", () => {
  it("are one per unit type it offers, frozen only once the plan is published, and only by its managers", async () => {
    const planId = await approved(unitIds.slice(0, 2));
    expect(await planPools(cast.yz1, planId)).toEqual([{ unitType: "ONE_BEDROOM", units: 2, live: null, cancelled: [], can: { freeze: false, draw: false, cancel: false } }]);
    await publishPlan(cast.yz1, step(planId));
    expect((await planPools(cast.yz2, planId))[0]!.can).toEqual({ freeze: true, draw: false, cancel: false });
    expect((await planPools(cast.city, planId))[0]!.can.freeze).toBe(false);
    expect(await errorKey(() => planPools(cast.spb, planId))).toBe("allocation.errors.planNotFound");
  });
});

describe("publishing, decided by the database", () => {
  it("publishes nothing when a unit was taken by another plan since the draft", async () => {
    const first = await approved(unitIds.slice(0, 2));
    const second = await approved(unitIds.slice(1, 4));
    await publishPlan(cast.yz1, step(first));
    expect(await errorKey(() => publishPlan(cast.yz1, step(second)))).toBe("allocation.errors.unitsNotVacant");
    expect((await getPlan(cast.yz1, second)).status).toBe("APPROVED");
    // The second plan's other units stay vacant: all or none.
    expect(await prisma.unit.count({ where: { id: { in: unitIds.slice(2) }, status: "VACANT" } })).toBe(2);
  });

  it("of eight publications of one plan at once, and of two plans sharing a unit at once, exactly one stands", async () => {
    const planId = await approved(unitIds.slice(0, 2));
    const warm = () => Promise.all(Array.from({ length: 5 }, () => prisma.$queryRaw`SELECT 1 AS ok FROM pg_sleep(0.05)`));
    await warm();
    const once = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => publishPlan(i % 2 ? cast.yz1 : cast.yz2, step(planId))));
    expect(once.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(once.filter((s) => s.status === "rejected").every((s) => (s as PromiseRejectedResult).reason instanceof AppError)).toBe(true);
    expect(await prisma.unitStatusEvent.count({ where: { toStatus: "RESERVED" } })).toBe(2);

    const a = await approved(unitIds.slice(2, 4));
    const b = await approved(unitIds.slice(3, 4));
    await warm();
    const both = await Promise.allSettled([publishPlan(cast.yz1, step(a)), publishPlan(cast.yz2, step(b))]);
    expect(both.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.allocationPlan.count({ where: { id: { in: [a, b] }, status: "PUBLISHED" } })).toBe(1);
    expect(await prisma.unitStatusEvent.count({ where: { unitId: unitIds[3]!, toStatus: "RESERVED" } })).toBe(1);
  });
});
