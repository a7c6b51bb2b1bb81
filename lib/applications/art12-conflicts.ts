import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { pageWindow } from "@/lib/db/paging";
import { OCCUPYING_LEASE_STATUSES, OPEN_APPLICATION_STATUSES } from "@/lib/db/application-status";
import { prisma } from "@/lib/db/client";
import { maskResidentId } from "@/lib/rules/identity";

// Art. 12 without an oracle (decision 036). The portal's household step and review step no longer
// say whether a person is on another application or lease: anyone could type a stranger's ID
// and learn whether that person lives in public housing. The full check runs at submission, under
// the per-person lock (household-store.ts claimPeople). A portal submission it refuses is told only
// that the household could not be verified; the conflict itself is kept here for the district's
// officers, who see who and what claims them. Submissions are throttled per applicant.

export interface ConflictClaim {
  kind: "application" | "lease";
  number: string;
}

export interface ConflictMember {
  path: string;
  name: string;
  maskedResidentId: string;
  claimedBy: ConflictClaim[];
}

/** What claims each of `people` apart from `exceptApplicationId`: the other open applications and occupying leases. */
export async function describeClaims(
  people: ReadonlyArray<{ path: string; residentId: string; name: string }>,
  exceptApplicationId: string,
  db: Pick<Prisma.TransactionClient, "householdMember"> = prisma,
): Promise<ConflictMember[]> {
  const ids = [...new Set(people.map((p) => p.residentId))];
  if (ids.length === 0) return [];
  const rows = await db.householdMember.findMany({
    where: {
      residentId: { in: ids },
      applicationId: { not: exceptApplicationId },
      OR: [
        { application: { status: { in: [...OPEN_APPLICATION_STATUSES] } } },
        { application: { leases: { some: { status: { in: [...OCCUPYING_LEASE_STATUSES] } } } } },
      ],
    },
    select: {
      residentId: true,
      application: {
        select: { applicationNo: true, status: true, leases: { where: { status: { in: [...OCCUPYING_LEASE_STATUSES] } }, select: { leaseNo: true } } },
      },
    },
  });
  const open = new Set<string>(OPEN_APPLICATION_STATUSES);
  return people.flatMap((person) => {
    const claims = rows
      .filter((r) => r.residentId === person.residentId)
      .flatMap((r): ConflictClaim[] => [
        ...(open.has(r.application.status) ? [{ kind: "application" as const, number: r.application.applicationNo }] : []),
        ...r.application.leases.map((l) => ({ kind: "lease" as const, number: l.leaseNo })),
      ]);
    return claims.length > 0 ? [{ path: person.path, name: person.name, maskedResidentId: maskResidentId(person.residentId), claimedBy: claims }] : [];
  });
}

/** Keeps a refused submission's conflict for the district's officers, audited (no resident ID in either). */
export async function recordArt12Conflict(
  input: { applicationId: string; districtCode: string; members: ConflictMember[]; actor: Actor },
  at: Date,
): Promise<void> {
  if (input.members.length === 0) return;
  await prisma.$transaction(async (tx) => {
    const row = await tx.art12Conflict.create({
      data: { applicationId: input.applicationId, districtCode: input.districtCode, members: input.members as unknown as Prisma.InputJsonValue, at },
      select: { id: true },
    });
    await writeAudit(
      {
        actorId: input.actor.id,
        actorRole: input.actor.role,
        action: "application.art12_conflict",
        entityType: "Application",
        entityId: input.applicationId,
        districtCode: input.districtCode,
        data: { conflictId: row.id, members: input.members.length },
      },
      tx,
    );
  });
}

export const CONFLICTS_PAGE_SIZE = 20;

export interface ConflictRow {
  id: string;
  at: Date;
  districtCode: string;
  applicantName: string | null;
  members: ConflictMember[];
}

/** The conflicts of the officer's reach, newest first, a page at a time. */
export async function listArt12Conflicts(actor: Actor, page: number): Promise<{ items: ConflictRow[]; total: number; page: number; pageCount: number }> {
  assertCan(actor, "review:read");
  const where = scopeWhere(actor, "review:read", "Art12Conflict");
  if (where === NOTHING) return { items: [], total: 0, page: 1, pageCount: 1 };
  const total = await prisma.art12Conflict.count({ where });
  const window = pageWindow(page, total, CONFLICTS_PAGE_SIZE);
  const rows = await prisma.art12Conflict.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "asc" }],
    skip: window.skip,
    take: window.take,
    select: {
      id: true,
      at: true,
      districtCode: true,
      members: true,
      application: { select: { members: { where: { relationship: "APPLICANT" }, select: { name: true }, take: 1 } } },
    },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      districtCode: r.districtCode,
      applicantName: r.application.members[0]?.name ?? null,
      members: r.members as unknown as ConflictMember[],
    })),
    total,
    page: window.page,
    pageCount: window.pageCount,
  };
}
