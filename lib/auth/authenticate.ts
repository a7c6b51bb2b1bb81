import "server-only";
import type { Role } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { maskPhone } from "@/lib/rules/identity";
import { forgiveAttempts, minutesUntil, takeAttempt, throttleKeys } from "./login-throttle";
import { isUsablePasswordHash, verifyAgainstDummy, verifyPassword } from "./password";
import type { AccountId } from "./schemas";

export interface AuthenticatedUser {
  id: string;
  name: string;
  role: Role;
  districtCode: string | null;
  sessionVersion: number;
  mustChangePassword: boolean;
}

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "locked"; retryAfterMinutes: number };

/**
 * Checks a sign-in attempt: the attempt is counted first (atomically, so parallel guesses cannot
 * pass the limit), then the account is looked up and the password checked. Writes the audit row
 * for success and failure (with the account masked, never the password). Called by the
 * Credentials provider's authorize(), so every path into a session goes through it.
 */
export async function authenticate(
  { account, password, ip }: { account: AccountId; password: string; ip: string | null },
  now: Date = new Date(),
): Promise<AuthenticateResult> {
  const keys = throttleKeys(account, ip);
  const accountLabel = account.kind === "phone" ? maskPhone(account.value) : account.value;
  const failure = (reason: string, userId?: string) =>
    writeAudit({
      action: "auth.sign_in_failed",
      entityType: "User",
      entityId: userId ?? "unknown",
      data: { reason, accountKind: account.kind, account: accountLabel, ip },
    });

  const attempt = await takeAttempt(prisma, keys, now);
  if (!attempt.allowed) {
    await failure("locked");
    return { ok: false, reason: "locked", retryAfterMinutes: minutesUntil(attempt.lockedUntil, now) };
  }

  const user = await prisma.user.findUnique({
    where: account.kind === "phone" ? { phone: account.value } : { username: account.value },
    select: { id: true, name: true, role: true, districtCode: true, isActive: true, passwordHash: true, sessionVersion: true, mustChangePassword: true },
  });
  // No account, or one waiting for activation: the same time spent as a real check.
  const passwordOk = user && isUsablePasswordHash(user.passwordHash) ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);

  if (!user || !passwordOk) {
    await failure(user ? "bad_password" : "unknown_account", user?.id);
    // This attempt may just have reached the limit: say so now rather than on the next try.
    if (attempt.lockedUntil && attempt.lockedUntil > now) return { ok: false, reason: "locked", retryAfterMinutes: minutesUntil(attempt.lockedUntil, now) };
    return { ok: false, reason: "invalid" };
  }

  // The right password: the account's earlier attempts are forgiven; the address keeps all but this one.
  await forgiveAttempts(prisma, keys[0]!, attempt.numbers[0]!);
  if (keys[1]) await forgiveAttempts(prisma, keys[1], 1);

  if (!user.isActive) {
    // The right password for a deactivated account: tell the holder, do not count it as guessing.
    await failure("inactive", user.id);
    return { ok: false, reason: "inactive" };
  }

  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await writeAudit({
    actorId: user.id,
    actorRole: user.role,
    action: "auth.sign_in",
    entityType: "User",
    entityId: user.id,
    districtCode: user.districtCode,
    data: { ip },
  });
  return {
    ok: true,
    user: { id: user.id, name: user.name, role: user.role, districtCode: user.districtCode, sessionVersion: user.sessionVersion, mustChangePassword: user.mustChangePassword },
  };
}
