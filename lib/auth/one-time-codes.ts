import "server-only";
import { createHmac, hkdfSync, randomInt, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

// One-time codes handed to a person to prove they hold something (a new staff account's activation,
// decision 031). Only an HMAC-SHA-256 of a code is stored, under a key derived (HKDF-SHA-256) from
// the portal's AUTH_SECRET, so a copy of the database gives no usable code.

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const GROUP = 5;

let processKey: Buffer | null = null;

function key(): Buffer {
  const env = getEnv();
  if (env.AUTH_SECRET) return Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "anju", "anju/one-time-codes/v1", 32));
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET must be set in production.");
  processKey ??= Buffer.from(hkdfSync("sha256", `anju-process-${process.pid}-${Date.now()}`, "anju", "anju/one-time-codes/v1", 32));
  return processKey;
}

/** A fresh code of two groups of five (about 49 bits), e.g. `K7QPM-2XW9D`. */
export function newActivationCode(): string {
  let code = "";
  for (let i = 0; i < GROUP * 2; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, GROUP)}-${code.slice(GROUP)}`;
}

/** A code as typed (spaces, dashes, lower case, full-width forms) in its stored form, or null if it cannot be one. */
export function normalizeActivationCode(typed: string): string | null {
  const plain = typed
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-_]/g, "");
  if (plain.length !== GROUP * 2 || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return `${plain.slice(0, GROUP)}-${plain.slice(GROUP)}`;
}

/** The stored form of a code for `purpose` (the same code for another purpose hashes differently). */
export function hashOneTimeCode(purpose: string, code: string): string {
  return createHmac("sha256", key()).update(`${purpose}\u0000${code}`).digest("hex");
}

/** Whether two stored hashes are equal, in constant time. */
export function sameCodeHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
