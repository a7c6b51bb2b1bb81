import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccountId } from "./schemas";

// Attempt throttling for sign-in, linking 渝快办 applications and anonymous objections. Every
// attempt is counted BEFORE it is checked, in one atomic statement per key, so parallel attempts
// cannot slip under the limit: with a limit of 5, at most 5 of any number of simultaneous
// attempts are ever checked. A successful attempt forgives itself and the attempts counted before
// it on that key (the holder got in); attempts counted after it still stand.

export interface ThrottlePolicy {
  /** Attempts within one window that may be checked; the next ones are refused until the lock ends. */
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

type RawDb = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/** An attempt taken on every key: allowed to be checked, or refused while a key is locked. */
export type Attempt =
  | { allowed: true; /** This attempt's number in each key's window, in the order of the keys. */ numbers: number[]; lockedUntil: Date | null }
  | { allowed: false; lockedUntil: Date };

/**
 * Counts one attempt against each key and says whether it may be checked. One statement per key
 * starts a new window when the old one is over (and no lock runs), increments the count, and sets
 * the lock when the count reaches the limit. The attempt numbered `maxFailures` is still checked;
 * later ones are refused. `lockedUntil` on an allowed attempt means this one reached the limit.
 */
export async function takeAttempt(db: RawDb, keys: readonly ThrottleKey[], now: Date): Promise<Attempt> {
  const numbers: number[] = [];
  let latestLock: Date | null = null;
  let refused = false;
  for (const { key, policy } of keys) {
    const windowStart = new Date(now.getTime() - policy.windowMs);
    const lockEnd = new Date(now.getTime() + policy.lockMs);
    // A lock always outlives its window's start by lockMs ≥ windowMs, so an expired window is never locked.
    const rows = await db.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
      INSERT INTO "LoginThrottle" AS t ("key", "failures", "windowStartedAt", "lockedUntil")
      VALUES (${key}, 1, ${now}, ${policy.maxFailures <= 1 ? lockEnd : null})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN t."windowStartedAt" <= ${windowStart} AND (t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now})
                          THEN 1 ELSE t."failures" + 1 END,
        "windowStartedAt" = CASE WHEN t."windowStartedAt" <= ${windowStart} AND (t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now})
                                 THEN ${now} ELSE t."windowStartedAt" END,
        "lockedUntil" = CASE
          WHEN t."lockedUntil" > ${now} THEN t."lockedUntil"
          WHEN (CASE WHEN t."windowStartedAt" <= ${windowStart} THEN 1 ELSE t."failures" + 1 END) >= ${policy.maxFailures} THEN ${lockEnd}
          ELSE NULL END
      RETURNING "failures", "lockedUntil"`;
    const row = rows[0]!;
    const n = Number(row.failures);
    numbers.push(n);
    if (row.lockedUntil && (!latestLock || row.lockedUntil > latestLock)) latestLock = row.lockedUntil;
    if (n > policy.maxFailures) refused = true;
  }
  if (refused) return { allowed: false, lockedUntil: latestLock ?? new Date(now.getTime() + MINUTE) };
  return { allowed: true, numbers, lockedUntil: latestLock };
}

/**
 * After a successful attempt numbered `number` on `key`: forgives it and the attempts counted
 * before it, and lifts the lock when what is left is below the limit. Attempts counted after it
 * (a parallel guess) stay counted.
 */
export async function forgiveAttempts(db: RawDb, { key, policy }: ThrottleKey, number: number): Promise<void> {
  await db.$executeRaw`
    UPDATE "LoginThrottle" SET
      "failures" = GREATEST("failures" - ${number}, 0),
      "lockedUntil" = CASE WHEN "failures" - ${number} < ${policy.maxFailures} THEN NULL ELSE "lockedUntil" END
    WHERE "key" = ${key}`;
}
