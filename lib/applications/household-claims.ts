import "server-only";
import { OCCUPYING_LEASE_STATUSES, OPEN_APPLICATION_STATUSES } from "@/lib/db/application-status";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromDateColumn } from "@/lib/clock";
import type { ISODate } from "@/lib/rules";

type Db = Prisma.TransactionClient;

/**
 * Art. 12: a person may be on only one application or lease at a time. Returns the resident IDs
 * among `residentIds` that another open application (OPEN_APPLICATION_STATUSES) or an occupying
 * lease already claims. `exceptApplicationId` is the application being saved.
 */
export async function findClaimedResidentIds(db: Db, residentIds: readonly string[], exceptApplicationId?: string | null): Promise<Set<string>> {
  if (residentIds.length === 0) return new Set();
  const rows = await db.householdMember.findMany({
    where: {
      residentId: { in: [...residentIds] },
      ...(exceptApplicationId ? { applicationId: { not: exceptApplicationId } } : {}),
      OR: [
        { application: { status: { in: [...OPEN_APPLICATION_STATUSES] } } },
        { application: { leases: { some: { status: { in: [...OCCUPYING_LEASE_STATUSES] } } } } },
      ],
    },
    select: { residentId: true },
  });
  return new Set(rows.map((r) => r.residentId));
}

/** Art. 40: the latest date until which any of these people is barred from applying, or null. */
export async function latestBanUntil(db: Db, residentIds: readonly string[]): Promise<ISODate | null> {
  if (residentIds.length === 0) return null;
  const ban = await db.ban.findFirst({
    where: { residentId: { in: [...residentIds] }, liftedAt: null },
    orderBy: { bannedUntil: "desc" },
    select: { bannedUntil: true },
  });
  return ban ? fromDateColumn(ban.bannedUntil) : null;
}
