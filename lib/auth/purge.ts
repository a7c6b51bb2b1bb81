import "server-only";
import { prisma } from "@/lib/db/client";

// Rows kept only for a short while: one-time SMS codes, attempt counters and the development SMS
// outbox (docs/decisions/035). Nothing reads them once they are spent, so a scheduled job deletes
// them; what is deleted could not change any answer the portal gives.

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** A code is kept a day past its expiry (it checks nothing after its 10 minutes). */
export const PHONE_CODE_RETENTION_MS = DAY;
/**
 * An attempt counter whose window began this long ago and that holds no running lock starts afresh
 * at its next attempt whether its row is there or not (the longest window is 24 hours).
 */
export const THROTTLE_RETENTION_MS = 2 * DAY;
/** The development outbox keeps a week of texts (the codes in them expired within 10 minutes). */
export const DEV_SMS_RETENTION_MS = 7 * DAY;

export interface PurgeResult {
  phoneCodes: number;
  throttles: number;
  devSms: number;
}

/** Deletes spent one-time codes, idle attempt counters and old development texts. Idempotent. */
export async function purgeSpentRecords(now: Date): Promise<PurgeResult> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const phoneCodes = await prisma.phoneCode.deleteMany({ where: { expiresAt: { lt: before(PHONE_CODE_RETENTION_MS) } } });
  const throttles = await prisma.loginThrottle.deleteMany({
    where: { windowStartedAt: { lt: before(THROTTLE_RETENTION_MS) }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
  });
  const devSms = await prisma.devSmsMessage.deleteMany({ where: { createdAt: { lt: before(DEV_SMS_RETENTION_MS) } } });
  return { phoneCodes: phoneCodes.count, throttles: throttles.count, devSms: devSms.count };
}
