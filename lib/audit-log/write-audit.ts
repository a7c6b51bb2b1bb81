import "server-only";
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";

export interface AuditEntry {
  actorId?: string | null;
  actorRole?: Role | null;
  action: string;
  entityType: string;
  entityId: string;
  districtCode?: string | null;
  reason?: string | null;
  /** Never passwords, resident ID numbers or incomes. */
  data?: Prisma.InputJsonValue;
}

type AuditDb = Pick<Prisma.TransactionClient, "auditLog">;

/** Appends one audit row (inside the caller's transaction when `db` is one). */
export async function writeAudit(entry: AuditEntry, db: AuditDb = prisma): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      actorRole: entry.actorRole ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      districtCode: entry.districtCode ?? null,
      reason: entry.reason ?? null,
      data: entry.data,
    },
  });
}
