import { fromDateColumn } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ISODate } from "@/lib/rules/types";

// What a plan announces (Art. 23), read alike for its officers' page and its public page.

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

/** How many units each of a page's plans offers (counted for those plans only, by the plan-unit key). */
export async function planUnitCounts(db: Pick<Prisma.TransactionClient, "allocationPlanUnit">, planIds: string[]): Promise<Map<string, number>> {
  if (planIds.length === 0) return new Map();
  const counts = await db.allocationPlanUnit.groupBy({ by: ["planId"], where: { planId: { in: planIds } }, _count: { _all: true } });
  return new Map(counts.map((c) => [c.planId, c._count._all]));
}
