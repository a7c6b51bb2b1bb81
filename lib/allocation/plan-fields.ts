import "server-only";
import { fromDateColumn } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import type { AllocationMethod, AllocationPlanStatus, Prisma } from "@/lib/generated/prisma/client";
import { districtNames } from "@/lib/reference/districts";
import type { ISODate } from "@/lib/rules/types";

// What a plan announces (Art. 23), and a page of plans, read alike for the officers' pages and the
// public ones.

export const announcedSelect = {
  id: true,
  title: true,
  method: true,
  status: true,
  description: true,
  districtCode: true,
  applicationPeriodStart: true,
  applicationPeriodEnd: true,
  priorityShareBp: true,
  beaconSource: true,
  freezeDate: true,
  drawDate: true,
  selectionStartDate: true,
  selectionEndDate: true,
  publishedAt: true,
  withdrawnAt: true,
  withdrawReason: true,
} satisfies Prisma.AllocationPlanSelect;

type Announced = Prisma.AllocationPlanGetPayload<{ select: typeof announcedSelect }>;

const day = (value: Date | null): ISODate | null => (value ? fromDateColumn(value) : null);

/** The plan's announced dates as calendar days. */
export function announcedDates(plan: Announced) {
  return {
    applicationPeriodStart: day(plan.applicationPeriodStart),
    applicationPeriodEnd: day(plan.applicationPeriodEnd),
    freezeDate: day(plan.freezeDate),
    drawDate: day(plan.drawDate),
    selectionStartDate: day(plan.selectionStartDate),
    selectionEndDate: day(plan.selectionEndDate),
  };
}

/** The dates a plan announces, as every view of a plan carries them. */
export type AnnouncedDates = ReturnType<typeof announcedDates>;

/** How many units each of a page's plans offers (counted for those plans only, by the plan-unit key). */
async function planUnitCounts(db: Pick<Prisma.TransactionClient, "allocationPlanUnit">, planIds: string[]): Promise<Map<string, number>> {
  if (planIds.length === 0) return new Map();
  const counts = await db.allocationPlanUnit.groupBy({ by: ["planId"], where: { planId: { in: planIds } }, _count: { _all: true } });
  return new Map(counts.map((c) => [c.planId, c._count._all]));
}

/** A listed plan: what the officers' list and the public list show. */
export interface PlanListItem {
  id: string;
  title: string;
  method: AllocationMethod;
  status: AllocationPlanStatus;
  estateCode: string;
  estateName: string;
  districtName: string;
  unitCount: number;
  createdAt: Date;
  publishedAt: Date | null;
}

/** One page of the plans `where` finds, in `orderBy` (ending with the id), with their unit counts. */
export async function pageOfPlans(
  where: Prisma.AllocationPlanWhereInput,
  orderBy: Prisma.AllocationPlanOrderByWithRelationInput[],
  pageAsked: number | undefined,
  pageSize: number,
): Promise<{ items: PlanListItem[]; total: number; page: number; pageCount: number }> {
  const { rows, total, page, pageCount } = await readPage(
    pageAsked,
    pageSize,
    () => prisma.allocationPlan.count({ where }),
    (window) =>
      prisma.allocationPlan.findMany({
        where,
        select: { id: true, title: true, method: true, status: true, districtCode: true, createdAt: true, publishedAt: true, estate: { select: { code: true, name: true } } },
        orderBy,
        ...window,
      }),
  );
  const unitsOf = await planUnitCounts(prisma, rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      method: r.method,
      status: r.status,
      estateCode: r.estate.code,
      estateName: r.estate.name,
      districtName: districtNames(r.districtCode).districtName,
      unitCount: unitsOf.get(r.id) ?? 0,
      createdAt: r.createdAt,
      publishedAt: r.publishedAt,
    })),
    total,
    page,
    pageCount,
  };
}
