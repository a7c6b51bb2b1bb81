import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { checkPhoneCode, invalidCodeError, sendPhoneCode, takeSendAttempt, usePhoneCode } from "@/lib/auth/phone-codes";
import { can, type Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { linkIntakeApplications, LINKABLE_SOURCES } from "./queries";

// Linking 渝快办 applications to the signed-in applicant (docs/decisions/005, 035) takes two proofs:
// a code sent by SMS to the account's number (purpose LINK_INTAKE) and the applicant's resident
// ID. Wrong resident IDs count against the account for good: each is counted before it is checked
// (one upsert that refuses a locked account), and the fifth wrong one locks linking until an
// officer of the applications' district lifts the lock (`liftIntakeLinkLock`).

/** Wrong resident IDs an account may give, in all; the last of them locks linking. */
export const MAX_LINK_FAILURES = 5;

function lockedError(): AppError {
  return new AppError("FORBIDDEN", { messageKey: "applicant.linkIntake.lockedForGood", status: 423 });
}

async function accountPhone(actor: Actor): Promise<string> {
  if (!can(actor, "application:link")) throw new AppError("FORBIDDEN");
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { phone: true, isActive: true } });
  if (!user?.phone || !user.isActive) throw new AppError("FORBIDDEN");
  return user.phone;
}

/** Whether linking is locked for the account (the applicant's page says whom to contact). */
export async function isIntakeLinkLocked(userId: string): Promise<boolean> {
  const guard = await prisma.intakeLinkGuard.findUnique({ where: { userId }, select: { lockedAt: true } });
  return guard?.lockedAt != null;
}

/** Sends a linking code to the account's own number (rate limited as every code). */
export async function requestIntakeLinkCode(actor: Actor, ip: string | null, now: Date = new Date()): Promise<void> {
  const phone = await accountPhone(actor);
  if (await isIntakeLinkLocked(actor.id)) throw lockedError();
  await takeSendAttempt(phone, ip, now);
  await sendPhoneCode(phone, "LINK_INTAKE", "linkCode", now);
}

/**
 * Counts one resident-ID attempt of the account, before it is checked: the attempt's number, or
 * null when linking is locked. One statement, so parallel attempts get distinct numbers.
 */
async function countLinkAttempt(userId: string, now: Date): Promise<number | null> {
  const rows = await prisma.$queryRaw<{ failures: number }[]>`
    INSERT INTO "IntakeLinkGuard" AS g ("userId", "failures", "updatedAt") VALUES (${userId}, 1, ${now})
    ON CONFLICT ("userId") DO UPDATE SET "failures" = g."failures" + 1, "updatedAt" = ${now}
     WHERE g."lockedAt" IS NULL
    RETURNING "failures"`;
  return rows[0] ? Number(rows[0].failures) : null;
}

/** Locks linking for the account (once: the audit row goes with the update that did it). */
async function lock(actor: Actor, now: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const locked = await tx.intakeLinkGuard.updateMany({ where: { userId: actor.id, lockedAt: null }, data: { lockedAt: now } });
    if (locked.count === 1) {
      await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "application.link_locked", entityType: "User", entityId: actor.id, data: { failures: MAX_LINK_FAILURES } }, tx);
    }
  });
}

/**
 * Links the 渝快办 applications that carry the account's number and name `residentId` as the
 * applicant, once the code sent to that number is given. A wrong code is the neutral code failure
 * (it counts against the code, not the lock); a wrong resident ID counts against the lock.
 */
export async function linkIntakeWithResidentId(actor: Actor, input: { residentId: string; code: string }, now: Date = new Date()): Promise<{ linked: number }> {
  const phone = await accountPhone(actor);
  if (await isIntakeLinkLocked(actor.id)) throw lockedError();
  const codeId = await checkPhoneCode(phone, "LINK_INTAKE", input.code, now);
  if (!codeId) throw invalidCodeError();
  const attempt = await countLinkAttempt(actor.id, now);
  if (attempt === null) throw lockedError();
  if (attempt > MAX_LINK_FAILURES) {
    await lock(actor, now);
    throw lockedError();
  }
  const linked = await linkIntakeApplications(actor, input.residentId, async (tx) => usePhoneCode(tx, codeId, now));
  if (linked === "code-used") throw invalidCodeError();
  if (linked === 0) {
    if (attempt >= MAX_LINK_FAILURES) {
      await lock(actor, now);
      throw lockedError();
    }
    throw new AppError("VALIDATION", {
      messageKey: "applicant.linkIntake.noMatch",
      values: { left: MAX_LINK_FAILURES - attempt },
      fieldErrors: { residentId: ["applicant.linkIntake.noMatchField"] },
    });
  }
  // A right ID is not a failure: it is not counted against the account.
  await prisma.intakeLinkGuard.updateMany({ where: { userId: actor.id, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
  return { linked };
}

export interface IntakeLinkLockRow {
  userId: string;
  name: string;
  phone: string;
  lockedAt: Date;
  /** The districts of the 渝快办 applications waiting for the account, within the officer's reach. */
  districtCodes: string[];
}

/** The districts of the applications an account is locked out of linking. */
async function lockedDistricts(phone: string): Promise<string[]> {
  const rows = await prisma.application.groupBy({
    by: ["districtCode"],
    where: { applicantUserId: null, source: { in: LINKABLE_SOURCES }, contactPhone: phone },
    orderBy: { districtCode: "asc" },
  });
  return rows.map((r) => r.districtCode);
}

/** Locked accounts whose waiting 渝快办 applications are in the officer's district. */
export async function listIntakeLinkLocks(officer: Actor): Promise<IntakeLinkLockRow[]> {
  if (!can(officer, "applicationLink:unlock")) return [];
  const guards = await prisma.intakeLinkGuard.findMany({
    where: { lockedAt: { not: null }, user: { phone: { not: null } } },
    select: { userId: true, lockedAt: true, user: { select: { name: true, phone: true } } },
    orderBy: { lockedAt: "asc" },
    take: 200,
  });
  const out: IntakeLinkLockRow[] = [];
  for (const g of guards) {
    const districtCodes = (await lockedDistricts(g.user.phone!)).filter((districtCode) => can(officer, "applicationLink:unlock", { districtCode }));
    if (districtCodes.length > 0) out.push({ userId: g.userId, name: g.user.name, phone: g.user.phone!, lockedAt: g.lockedAt!, districtCodes });
  }
  return out;
}

/**
 * An officer of a district where the account's 渝快办 applications wait lifts the lock, once
 * (a conditional update), with an audit row; the count of wrong IDs starts again.
 */
export async function liftIntakeLinkLock(officer: Actor, userId: string, now: Date = new Date()): Promise<void> {
  if (!can(officer, "applicationLink:unlock")) throw new AppError("FORBIDDEN");
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { phone: true } });
  const districtCode = user?.phone ? (await lockedDistricts(user.phone)).find((d) => can(officer, "applicationLink:unlock", { districtCode: d })) : undefined;
  if (!districtCode) throw new AppError("FORBIDDEN");
  await prisma.$transaction(async (tx) => {
    const lifted = await tx.intakeLinkGuard.updateMany({ where: { userId, lockedAt: { not: null } }, data: { lockedAt: null, failures: 0, updatedAt: now } });
    if (lifted.count !== 1) throw new AppError("CONFLICT", { messageKey: "staff.linkLocks.alreadyLifted" });
    await writeAudit({ actorId: officer.id, actorRole: officer.role, action: "application.link_unlocked", entityType: "User", entityId: userId, districtCode }, tx);
  });
}
