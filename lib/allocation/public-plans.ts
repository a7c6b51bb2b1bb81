import "server-only";
import { prisma } from "@/lib/db/client";
import type { AllocationMethod, AllocationPlanStatus, LotteryDrawStatus, UnitOrientation, UnitType } from "@/lib/generated/prisma/client";
import { districtNames } from "@/lib/reference/districts";
import { announcedDates, announcedSelect, type AnnouncedDates, pageOfPlans, type PlanListItem } from "./plan-fields";
import { isRecordId } from "./inputs";

// Published allocation plans as the public sees them (Art. 23: the plan, its available units and
// the results are published). What a plan announces and the units it offers; never who drafted or
// approved it, nor any unit's internal status reason. A withdrawn plan stays listed with its reason.

export const PUBLIC_PLAN_PAGE_SIZE = 20;

/** The statuses a plan is public in: from its publication on. */
const PUBLIC_STATUSES: AllocationPlanStatus[] = ["PUBLISHED", "WITHDRAWN", "COMPLETED"];

/** Public plans, newest first, a page at a time, with their unit counts (for the page's plans only). */
export async function listPublicPlans(pageAsked: number | undefined): Promise<{ items: PlanListItem[]; total: number; page: number; pageCount: number }> {
  return pageOfPlans({ status: { in: PUBLIC_STATUSES } }, [{ publishedAt: "desc" }, { id: "asc" }], pageAsked, PUBLIC_PLAN_PAGE_SIZE);
}

export interface PublicPlan extends AnnouncedDates {
  id: string;
  title: string;
  method: AllocationMethod;
  status: AllocationPlanStatus;
  description: string | null;
  estate: { name: string; address: string; districtName: string };
  priorityShareBp: number;
  beaconSource: string | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  units: Array<{ id: string; building: string; unitNo: string; floor: number; unitType: UnitType; floorAreaDm2: number; orientation: UnitOrientation | null; standardRentFen: number; available: boolean }>;
  /** Each draw's pool; `winners` (min of units and entrants) once drawn, for the selection rate (中签率). */
  draws: Array<{ id: string; unitType: UnitType; status: LotteryDrawStatus; entrantCount: number; units: number; winners: number | null }>;
}

/** One public plan with the units it offers and its draws, or null (unknown, or not yet published). */
export async function getPublicPlan(planId: string): Promise<PublicPlan | null> {
  if (!isRecordId(planId)) return null;
  const plan = await prisma.allocationPlan.findUnique({
    where: { id: planId },
    select: {
      ...announcedSelect,
      estate: { select: { name: true, address: true } },
      units: { select: { unit: { select: { id: true, unitNo: true, floor: true, unitType: true, floorAreaDm2: true, orientation: true, standardRentFen: true, status: true, building: { select: { name: true } } } } } },
      lotteryDraws: { select: { id: true, unitType: true, status: true, entrantCount: true, unitsCount: true }, orderBy: { committedAt: "desc" } },
    },
  });
  if (!plan || !PUBLIC_STATUSES.includes(plan.status)) return null;
  return {
    id: plan.id,
    title: plan.title,
    method: plan.method,
    status: plan.status,
    description: plan.description,
    estate: { name: plan.estate.name, address: plan.estate.address, districtName: districtNames(plan.districtCode).districtName },
    ...announcedDates(plan),
    priorityShareBp: plan.priorityShareBp,
    beaconSource: plan.beaconSource,
    publishedAt: plan.publishedAt,
    withdrawnAt: plan.withdrawnAt,
    withdrawReason: plan.withdrawReason,
    units: plan.units
      .map(({ unit }) => ({ id: unit.id, building: unit.building.name, unitNo: unit.unitNo, floor: unit.floor, unitType: unit.unitType, floorAreaDm2: unit.floorAreaDm2, orientation: unit.orientation, standardRentFen: unit.standardRentFen, available: unit.status === "RESERVED" }))
      .sort((a, b) => a.building.localeCompare(b.building, "zh-CN", { numeric: true }) || a.unitNo.localeCompare(b.unitNo, "en", { numeric: true })),
    draws: plan.lotteryDraws.map((d) => ({ id: d.id, unitType: d.unitType, status: d.status, entrantCount: d.entrantCount, units: d.unitsCount, winners: d.status === "DRAWN" ? Math.min(d.unitsCount, d.entrantCount) : null })),
  };
}
