import { createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import type { PhoneCodePurpose } from "@/lib/generated/prisma/enums";

// The one-time codes' digits and their stored form (docs/decisions/035): HMAC-SHA-256 under a key
// derived (HKDF-SHA-256) from the portal's AUTH_SECRET, so that a copy of the table gives no code.

let processKey: Buffer | null = null;

function hmacKey(): Buffer {
  const env = getEnv();
  if (env.AUTH_SECRET) return Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "anju", "anju/phone-code/v1", 32));
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET must be set in production.");
  // Without a configured secret (tests): a key of this process alone.
  processKey ??= randomBytes(32);
  return processKey;
}

/** Six random digits, from the operating system's generator. */
export function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** The stored form of a code: HMAC-SHA-256 (hex) of purpose, number and code, under the portal's key. */
export function hashCode(phone: string, purpose: PhoneCodePurpose, code: string): string {
  return createHmac("sha256", hmacKey()).update(`${purpose}\n${phone}\n${code}`).digest("hex");
}

/** Compares two stored forms in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
