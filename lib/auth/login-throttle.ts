import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AccountId } from "./schemas";

export interface ThrottlePolicy {
  /** Failures within one window that lock the key. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const MINUTE = 60_000;

/** Per account: 5 wrong passwords within 15 minutes lock the account key for 15 minutes. */
export const accountPolicy: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/**
 * Per client address: looser, because many phones share one carrier address (CGNAT); it stops one
 * source from guessing across many accounts.
 */
export const ipPolicy: ThrottlePolicy = { maxFailures: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

/** Keys for a sign-in attempt. Unknown accounts are throttled too, so locking reveals nothing. */
export function throttleKeys(account: AccountId, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: `account:${account.kind}:${account.value}`, policy: accountPolicy }];
  if (ip) keys.push({ key: `ip:${ip}`, policy: ipPolicy });
  return keys;
}

/** Whole minutes to wait, rounded up, at least 1. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
}

type ThrottleDb = Pick<PrismaClient, "loginThrottle">;

/** The latest lock end among the keys, or null when none is locked now. */
export async function activeLockUntil(db: ThrottleDb, keys: ThrottleKey[], now: Date): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys.map((k) => k.key) }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  let latest: Date | null = null;
  for (const row of rows) {
    if (row.lockedUntil && (!latest || row.lockedUntil > latest)) latest = row.lockedUntil;
  }
  return latest;
}

/**
 * Counts one failure against a key, starting a new window when the old one has passed, and locks
 * the key when the window's count reaches the limit. Each step is a single atomic statement, so
 * parallel guesses cannot slip under the count.
 */
export async function recordFailure(db: ThrottleDb, { key, policy }: ThrottleKey, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - policy.windowMs);
  // A lock always outlives its window's start by lockMs ≥ windowMs, so an expired window is never locked.
  await db.loginThrottle.updateMany({
    where: { key, windowStartedAt: { lte: windowStart }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { failures: 0, windowStartedAt: now, lockedUntil: null },
  });
  const row = await db.loginThrottle.upsert({
    where: { key },
    create: { key, failures: 1, windowStartedAt: now },
    update: { failures: { increment: 1 } },
    select: { failures: true, lockedUntil: true },
  });
  if (row.failures >= policy.maxFailures && !(row.lockedUntil && row.lockedUntil > now)) {
    await db.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + policy.lockMs) } });
  }
}

/** A successful sign-in clears the account's count (not the address's: one good account must not unlock guessing). */
export async function clearFailures(db: ThrottleDb, key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
