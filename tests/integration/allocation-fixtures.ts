// The allocation tests' fixtures (lottery, selection): an estate with units by type, a published
// plan, qualified households that chose the estate, and the race and failure helpers.
import type { UnitType } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { cstInstant, dateColumn } from "../support/clock";
import { YUZHONG } from "../support/districts";
import { prisma } from "./db";
import { createTestEstate } from "./estate-fixtures";
import { createApplication, type Cast } from "./review-fixtures";

export const PERIOD = { start: "2025-01-01", end: "2025-06-30" } as const;
export const BEACON_SOURCE = "摇号当日公证员在现场宣读的六位随机数字";

/** Runs them all at once (after opening the pool's connections); which succeeded, and the others' codes. */
export async function race(fns: Array<() => Promise<unknown>>): Promise<{ ok: number[]; errors: string[] }> {
  await Promise.all(Array.from({ length: 5 }, () => prisma.$queryRaw`SELECT 1 AS ok FROM pg_sleep(0.05)`));
  const settled = await Promise.allSettled(fns.map((fn) => fn()));
  return {
    ok: settled.flatMap((s, i) => (s.status === "fulfilled" ? [i] : [])),
    errors: settled.flatMap((s) => (s.status === "rejected" ? [s.reason instanceof AppError ? s.reason.code : String(s.reason)] : [])),
  };
}

/** The AppError a call fails with (code and message key). */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; messageKey: string; fieldErrors?: Record<string, string[]> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, messageKey: error.messageKey, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected the call to fail");
}

export async function createEstate(code: string, units: Partial<Record<UnitType, number>>): Promise<{ id: string; unitIds: Record<UnitType, string[]> }> {
  const estate = await createTestEstate({ code, name: `摇号测试小区 ${code}`, districtCode: YUZHONG, level: "MUNICIPAL" });
  const building = await prisma.building.create({ data: { estateId: estate.id, name: "1栋", floors: 30 } });
  const unitIds: Record<UnitType, string[]> = { STUDIO: [], ONE_BEDROOM: [], TWO_BEDROOM: [], THREE_BEDROOM: [] };
  let n = 0;
  for (const [unitType, count] of Object.entries(units) as Array<[UnitType, number]>) {
    for (let i = 0; i < count; i++) {
      n++;
      const unit = await prisma.unit.create({
        data: { estateId: estate.id, buildingId: building.id, unitNo: String(100 + n), floor: 1 + Math.floor(n / 10), unitType, floorAreaDm2: 6000, marketRentFen: 200000, standardRentFen: 120000 },
        select: { id: true },
      });
      unitIds[unitType].push(unit.id);
    }
  }
  return { id: estate.id, unitIds };
}

export async function createPlan(
  cast: Cast,
  estate: { id: string; unitIds: Record<UnitType, string[]> },
  options: { method?: "LOTTERY" | "WAITING_LIST"; status?: "DRAFT" | "PUBLISHED"; period?: { start: string; end: string } | null; reserveUnits?: boolean } = {},
): Promise<string> {
  const period = options.period === undefined ? PERIOD : options.period;
  const plan = await prisma.allocationPlan.create({
    data: {
      districtCode: YUZHONG,
      estateId: estate.id,
      title: "2025年上半年公租房摇号配租方案",
      method: options.method ?? "LOTTERY",
      status: options.status ?? "PUBLISHED",
      applicationPeriodStart: period ? dateColumn(period.start) : null,
      applicationPeriodEnd: period ? dateColumn(period.end) : null,
      createdById: cast.city.id,
      publishedAt: cstInstant("2025-07-01"),
      publishedById: cast.city.id,
      units: { create: Object.values(estate.unitIds).flat().map((unitId) => ({ unitId })) },
    },
    select: { id: true },
  });
  // As publishing does (lib/allocation/plans.ts publishPlan): the plan's units are reserved for it.
  if (options.reserveUnits) await prisma.unit.updateMany({ where: { planUnits: { some: { planId: plan.id } } }, data: { status: "RESERVED" } });
  return plan.id;
}

/** A qualified household (or not) with its qualification and its choice of estate. */
export async function household(options: {
  estateId: string;
  entitled?: UnitType;
  acceptedAt?: Date;
  priority?: boolean;
  status?: "QUALIFIED" | "ALLOCATED";
  qualification?: "ACTIVE" | "CANCELLED";
  /** The household's portal account (to pick a unit, answer an offer). */
  applicantUserId?: string;
  /** The unit type it asked for (the waiting list it joins, Art. 23). */
  preferred?: UnitType;
}): Promise<{ id: string; applicationNo: string }> {
  const app = await createApplication({
    status: options.status ?? "QUALIFIED",
    applicantUserId: options.applicantUserId ?? null,
    data: {
      acceptedAt: options.acceptedAt ?? cstInstant("2025-03-03"),
      isPriority: options.priority ?? false,
      qualifiedAt: cstInstant("2025-04-01"),
      ...(options.preferred ? { preferredUnitType: options.preferred } : {}),
    },
  });
  await prisma.qualification.create({
    data: {
      applicationId: app.id,
      qualifiedOn: dateColumn("2025-04-01"),
      entitledUnitType: options.entitled ?? "TWO_BEDROOM",
      isPriority: options.priority ?? false,
      status: options.qualification ?? "ACTIVE",
    },
  });
  await prisma.applicationEstatePreference.create({ data: { applicationId: app.id, estateId: options.estateId, rank: 1 } });
  return { id: app.id, applicationNo: app.applicationNo };
}

