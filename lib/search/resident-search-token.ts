import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";
import { isValidResidentId } from "@/lib/rules/identity";

// A search by resident ID never puts the number in an address (issue: production hardening, part 2):
// the search form posts it, the server seals it into an opaque token for this officer and a short
// while, and the list's address carries the token (`?idq=…`). The address bar, the browser's history
// and the access logs see only ciphertext. AES-256-GCM under a key derived (HKDF-SHA-256) from the
// portal's AUTH_SECRET; the token names the officer it was made for and its expiry, both sealed.

const INFO = "anju/resident-search/v1";
const AAD = Buffer.from(INFO);
/** How long a token reads: long enough to page through the results, short enough to be useless later. */
export const RESIDENT_SEARCH_TTL_MS = 60 * 60 * 1000;

let processKey: Buffer | null = null;

function key(): Buffer {
  const env = getEnv();
  if (env.AUTH_SECRET) return Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "anju", INFO, 32));
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET must be set in production.");
  // Without a configured secret (unit tests): a key of this process alone.
  processKey ??= randomBytes(32);
  return processKey;
}

/** The token of a search for `residentId` by `userId`, valid for an hour from `now`. */
export function sealResidentSearch(userId: string, residentId: string, now: Date): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(AAD);
  const body = JSON.stringify({ r: residentId.toUpperCase(), u: userId, e: now.getTime() + RESIDENT_SEARCH_TTL_MS });
  const sealed = Buffer.concat([cipher.update(body, "utf8"), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
}

export type OpenedSearch = { ok: true; residentId: string } | { ok: false };

/** The resident ID a token searches for, when it was made for `userId` and has not expired; else not ok. */
export function openResidentSearch(token: string, userId: string, now: Date): OpenedSearch {
  const raw = Buffer.from(token, "base64url");
  if (raw.length < 12 + 16 + 2) return { ok: false };
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
    decipher.setAAD(AAD);
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const body = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString("utf8");
    const parsed = JSON.parse(body) as { r?: unknown; u?: unknown; e?: unknown };
    if (typeof parsed.r !== "string" || typeof parsed.u !== "string" || typeof parsed.e !== "number") return { ok: false };
    if (parsed.u !== userId || parsed.e <= now.getTime() || !isValidResidentId(parsed.r)) return { ok: false };
    return { ok: true, residentId: parsed.r };
  } catch {
    return { ok: false };
  }
}

/** The form of a token in an address: base64url, of a plausible length. */
export const RESIDENT_SEARCH_TOKEN = /^[A-Za-z0-9_-]{40,200}$/;
