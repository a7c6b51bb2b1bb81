import "server-only";
import { prisma } from "@/lib/db/client";
import type { PhoneCodePurpose, Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { catalogTranslator } from "@/lib/i18n/catalog";
import { smsProvider } from "@/lib/sms/provider";
import { generateCode, hashCode, sameHash } from "./code-hash";
import { minutesUntil, takeAttempt, type ThrottleKey, type ThrottlePolicy } from "./login-throttle";

// One-time codes by SMS prove a mobile number (docs/decisions/035): at registration, at password
// reset and when linking 渝快办 applications. A code is six digits, lives 10 minutes, and only the
// latest code of a number and purpose counts. The database keeps an HMAC of it, never the code.
// Every check is counted before it is compared by one conditional update (fewer than 5 attempts,
// unused, unexpired), so parallel guesses cannot pass the limit; a code is used by a conditional
// update of `usedAt`, so it works once however many requests race with it.

export { generateCode, hashCode } from "./code-hash";

export const CODE_TTL_MS = 10 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;
const MINUTE = 60_000;

/** Codes to one number: one a minute, 5 an hour. */
export const phoneMinutePolicy: ThrottlePolicy = { maxFailures: 1, windowMs: MINUTE, lockMs: MINUTE };
export const phoneHourPolicy: ThrottlePolicy = { maxFailures: 5, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE };
/** Codes asked from one client address: 20 an hour (many phones share a carrier's address). */
export const ipHourPolicy: ThrottlePolicy = { maxFailures: 20, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE };

/** The throttle keys of sending a code: the number (whatever the purpose) and the client's address. */
export function sendThrottleKeys(phone: string, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [
    { key: `sms:phone-minute:${phone}`, policy: phoneMinutePolicy },
    { key: `sms:phone:${phone}`, policy: phoneHourPolicy },
  ];
  if (ip) keys.push({ key: `sms:ip:${ip}`, policy: ipHourPolicy });
  return keys;
}

type Db = Prisma.TransactionClient | typeof prisma;

/** Stores a new code for the number and purpose and returns it (to be sent, never logged). */
export async function issuePhoneCode(db: Db, phone: string, purpose: PhoneCodePurpose, now: Date): Promise<string> {
  const code = generateCode();
  await db.phoneCode.create({ data: { phone, purpose, codeHash: hashCode(phone, purpose, code), expiresAt: new Date(now.getTime() + CODE_TTL_MS), createdAt: now } });
  return code;
}

/**
 * Counts one sending against the number and the client address; RATE_LIMITED when either is
 * spent. Counted before anything is looked up, so the answer is the same for every number.
 */
export async function takeSendAttempt(phone: string, ip: string | null, now: Date): Promise<void> {
  const attempt = await takeAttempt(prisma, sendThrottleKeys(phone, ip), now);
  if (!attempt.allowed) {
    throw new AppError("RATE_LIMITED", { messageKey: "auth.code.rateLimited", values: { minutes: minutesUntil(attempt.lockedUntil, now) } });
  }
}

/** Issues a code and sends it by SMS with the text of `template` (messages `auth.sms`). */
export async function sendPhoneCode(phone: string, purpose: PhoneCodePurpose, template: string, now: Date): Promise<void> {
  const code = await issuePhoneCode(prisma, phone, purpose, now);
  const t = catalogTranslator("zh-CN", "auth.sms");
  await smsProvider().send({ to: phone, text: t(template, { code, minutes: CODE_TTL_MS / MINUTE }), secret: true });
}

/** Sends a text without a code (for example "this number already has an account"). */
export async function sendPhoneNotice(phone: string, template: string): Promise<void> {
  const t = catalogTranslator("zh-CN", "auth.sms");
  await smsProvider().send({ to: phone, text: t(template) });
}

/**
 * Checks a code against the latest one of the number and purpose. The attempt is counted first,
 * in one conditional update that refuses a used, expired or spent code; then the code is compared.
 * Returns the code's id when it matches (still to be used with `usePhoneCode`), else null.
 */
export async function checkPhoneCode(phone: string, purpose: PhoneCodePurpose, code: string, now: Date): Promise<string | null> {
  const rows = await prisma.$queryRaw<{ id: string; codeHash: string }[]>`
    UPDATE "PhoneCode" SET "attempts" = "attempts" + 1
     WHERE "id" = (SELECT "id" FROM "PhoneCode" WHERE "phone" = ${phone} AND "purpose" = ${purpose}::"PhoneCodePurpose"
                    ORDER BY "createdAt" DESC, "id" DESC LIMIT 1)
       AND "attempts" < ${MAX_CODE_ATTEMPTS} AND "usedAt" IS NULL AND "expiresAt" > ${now}
    RETURNING "id", "codeHash"`;
  const row = rows[0];
  if (!row) return null;
  return sameHash(row.codeHash, hashCode(phone, purpose, code)) ? row.id : null;
}

/** Uses a checked code, once: true for the one caller whose update took it. */
export async function usePhoneCode(db: Db, codeId: string, now: Date): Promise<boolean> {
  const used = await db.phoneCode.updateMany({ where: { id: codeId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return used.count === 1;
}

/** The neutral failure of a code: wrong, expired, used or tried too often are one answer. */
export function invalidCodeError(field = "code"): AppError {
  return new AppError("VALIDATION", { messageKey: "auth.code.invalid", fieldErrors: { [field]: ["auth.code.invalid"] } });
}
