import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { accountPolicy, forgiveAttempts, ipPolicy, minutesUntil, takeAttempt, type ThrottleKey } from "./login-throttle";
import { hashOneTimeCode, newActivationCode, normalizeActivationCode, sameCodeHash } from "./one-time-codes";
import { hashPassword, isUsablePasswordHash, UNUSABLE_PASSWORD_HASH, verifyPassword } from "./password";
import { assertCan, type Actor } from "./permissions";
import type { ActivateAccountInput, ChangePasswordInput, StaffAccountAction } from "./schemas";

// Accounts and their sessions (decision 031). A session stands only while its cookie's session
// version equals the account's (lib/auth/session.ts): every change here that must end the
// account's sessions raises the version in the same statement as the change itself.

/** How long an activation code given to a new (or reset) staff member works. */
export const ACTIVATION_CODE_HOURS = 72;

type UserDb = Pick<Prisma.TransactionClient, "user">;

/** Ends every session of the account at once: cookies made before now no longer stand. */
export async function endAllSessions(userId: string, db: UserDb = prisma): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** The purpose an activation code is hashed for: bound to the account, so a code opens no other. */
function activationPurpose(username: string): string {
  return `staff-activation:${username}`;
}

export interface ActivationCode {
  code: string;
  expiresAt: Date;
}

/** A new activation code for `username`: the code to hand over once, and what the account stores. */
export function issueActivationCode(username: string, now: Date): ActivationCode & { codeHash: string } {
  const code = newActivationCode();
  return { code, codeHash: hashOneTimeCode(activationPurpose(username), code), expiresAt: new Date(now.getTime() + ACTIVATION_CODE_HOURS * 3_600_000) };
}

// ── A user's own password ──

/**
 * A signed-in user (also one whose administrator asked for a change) changes their password with
 * the current one. Wrong current passwords count against a lock, like sign-ins. The change ends every
 * session of the account, this one too; it applies once even when sent twice at the same moment.
 */
export async function changeOwnPassword(actor: Actor, input: ChangePasswordInput, now: Date = new Date()): Promise<void> {
  const key: ThrottleKey = { key: `password-change:${actor.id}`, policy: accountPolicy };
  const attempt = await takeAttempt(prisma, [key], now);
  if (!attempt.allowed) {
    throw new AppError("RATE_LIMITED", { messageKey: "auth.password.locked", values: { minutes: minutesUntil(attempt.lockedUntil, now) } });
  }
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, isActive: true } });
  if (!user || !user.isActive) throw new AppError("UNAUTHENTICATED");
  if (!isUsablePasswordHash(user.passwordHash) || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION", { messageKey: "auth.password.currentWrong", fieldErrors: { currentPassword: ["auth.password.currentWrong"] } });
  }
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    // Only over the hash just checked: of two changes at once, the second finds it gone.
    const changed = await tx.user.updateMany({
      where: { id: actor.id, passwordHash: user.passwordHash },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    if (changed.count !== 1) throw new AppError("CONFLICT", { messageKey: "auth.password.changedMeanwhile" });
    await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "auth.password_change", entityType: "User", entityId: actor.id, districtCode: actor.districtCode }, tx);
  });
  await forgiveAttempts(prisma, key, attempt.numbers[0]!);
}

// ── Activation of a staff account by its holder ──

/**
 * A new staff member sets their password with the code an administrator gave them, so that the
 * administrator never knows it. Attempts are counted per username and per address before the code
 * is checked; a code works once and not after it expires. Every failure gives the same answer.
 */
export async function activateStaffAccount(input: ActivateAccountInput, ip: string | null, now: Date = new Date()): Promise<{ username: string }> {
  const keys: ThrottleKey[] = [{ key: `activate:${input.username}`, policy: accountPolicy }];
  if (ip) keys.push({ key: `ip:${ip}`, policy: ipPolicy });
  const attempt = await takeAttempt(prisma, keys, now);
  if (!attempt.allowed) {
    throw new AppError("RATE_LIMITED", { messageKey: "auth.activate.locked", values: { minutes: minutesUntil(attempt.lockedUntil, now) } });
  }
  const refused = () => new AppError("VALIDATION", { messageKey: "auth.activate.refused", fieldErrors: { code: ["auth.activate.refused"] } });
  const code = normalizeActivationCode(input.code);
  const user = await prisma.user.findUnique({
    where: { username: input.username },
    select: { id: true, role: true, districtCode: true, isActive: true, activationCodeHash: true, activationExpiresAt: true },
  });
  const stored = user?.activationCodeHash;
  if (!code || !user || !stored || !user.isActive || !user.activationExpiresAt || user.activationExpiresAt <= now) throw refused();
  if (!sameCodeHash(stored, hashOneTimeCode(activationPurpose(input.username), code))) throw refused();

  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    // The code is taken once: of two activations at once, one finds it gone.
    const activated = await tx.user.updateMany({
      where: { id: user.id, activationCodeHash: stored, activationExpiresAt: { gt: now } },
      data: { passwordHash, activationCodeHash: null, activationExpiresAt: null, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    if (activated.count !== 1) throw refused();
    await writeAudit({ actorId: user.id, actorRole: user.role, action: "user.activate", entityType: "User", entityId: user.id, districtCode: user.districtCode, data: { ip } }, tx);
  });
  await forgiveAttempts(prisma, keys[0]!, attempt.numbers[0]!);
  return { username: input.username };
}

// ── An administrator's actions on staff accounts ──

export type StaffAccountResult = { action: StaffAccountAction; username: string } & ({ activation: ActivationCode } | { activation?: undefined });

/**
 * Deactivate or reactivate a staff account, issue a new activation code (a reset: the old password
 * stops working) or require a new password at the next sign-in. Deactivation and a reset end every
 * session of the account. Administrators act on other accounts only, never on their own (that is
 * the password change page), and never on applicants'. Each takes effect once: a repeated request
 * finds the account already changed and says so.
 */
export async function manageStaffAccount(
  actor: Actor,
  { userId, action }: { userId: string; action: StaffAccountAction },
  now: Date = new Date(),
): Promise<StaffAccountResult> {
  assertCan(actor, "user:manage");
  if (userId === actor.id) throw new AppError("VALIDATION", { messageKey: "admin.users.notYourself" });
  const target = await prisma.user.findUnique({ where: { id: userId }, select: { username: true, role: true, districtCode: true } });
  if (!target || target.role === "APPLICANT" || !target.username) throw new AppError("NOT_FOUND", { messageKey: "admin.users.notFound" });
  const username = target.username;
  const staff = { id: userId, role: { not: "APPLICANT" as const } };

  return prisma.$transaction(async (tx) => {
    let changed: Prisma.BatchPayload;
    let activation: (ActivationCode & { codeHash: string }) | undefined;
    switch (action) {
      case "deactivate":
        changed = await tx.user.updateMany({ where: { ...staff, isActive: true }, data: { isActive: false, sessionVersion: { increment: 1 } } });
        break;
      case "reactivate":
        changed = await tx.user.updateMany({ where: { ...staff, isActive: false }, data: { isActive: true } });
        break;
      case "reset":
        activation = issueActivationCode(username, now);
        changed = await tx.user.updateMany({
          where: { ...staff, isActive: true },
          data: {
            passwordHash: UNUSABLE_PASSWORD_HASH,
            activationCodeHash: activation.codeHash,
            activationExpiresAt: activation.expiresAt,
            mustChangePassword: false,
            sessionVersion: { increment: 1 },
          },
        });
        break;
      case "forceChange":
        changed = await tx.user.updateMany({ where: { ...staff, isActive: true, mustChangePassword: false, activationCodeHash: null }, data: { mustChangePassword: true } });
        break;
    }
    if (changed.count !== 1) throw new AppError("CONFLICT", { messageKey: `admin.users.already.${action}` });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: `user.${action === "forceChange" ? "force_password_change" : action}`,
        entityType: "User",
        entityId: userId,
        districtCode: target.districtCode,
        data: activation ? { username, activationExpiresAt: activation.expiresAt.toISOString() } : { username },
      },
      tx,
    );
    return activation ? { action, username, activation: { code: activation.code, expiresAt: activation.expiresAt } } : { action, username };
  });
}
