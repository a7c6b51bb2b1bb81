// Resident IDs encrypted at rest, transparently (decision 037). Every query of the portal's Prisma
// client passes through here (lib/db/client.ts): a resident ID written (`residentId` in a
// create's or update's data, nested writes and JSON values included) is stored as its AES-256-GCM
// ciphertext with its blind index beside it (`residentIdIndex`); a filter on `residentId` becomes a
// filter on the blind index (whole numbers only: equals, in, notIn, not); and every `residentId`
// read back is decrypted, with the index left out. Services keep writing and reading numbers in
// clear; the database only ever holds ciphertext. Raw SQL bypasses this and must use the index.
// No "server-only" here: the end-to-end fixtures' client uses it too (tests/e2e/db.ts).
import { blindIndex, decryptText, encryptText, isEncryptedText } from "../crypto/envelope";
import type { KeyRing } from "../crypto/keys";
import { keyRing } from "../crypto/keys";

export const RESIDENT_ID_FIELD = "residentId";
export const RESIDENT_ID_INDEX = "residentIdIndex";
export const RESIDENT_ID_MASKED = "residentIdMasked";
/** The models whose rows keep the masked number beside the ciphertext, and the relations that lead to them. */
const MASKED_MODELS = new Set(["HouseholdMember"]);
const RELATIONS_TO: Record<string, Record<string, string>> = { Application: { members: "HouseholdMember" } };

/** First six and last four, as the officers' lists show a resident ID. */
export function maskForLists(residentId: string): string {
  return `${residentId.slice(0, 6)}${"*".repeat(Math.max(0, residentId.length - 10))}${residentId.slice(-4)}`;
}
/** What every resident ID ciphertext is bound to. */
export const RESIDENT_ID_AAD = "resident-id";
const PURPOSE = "resident-id";

/** The blind index of a resident ID as stored (upper-case check character). */
export function residentIdIndexOf(residentId: string, ring: KeyRing = keyRing()): string {
  return blindIndex(residentId.trim().toUpperCase(), PURPOSE, ring);
}

export function encryptResidentId(residentId: string, ring: KeyRing = keyRing()): string {
  return encryptText(residentId, RESIDENT_ID_AAD, ring);
}

/** The keys to use: a ring, or a function giving it (resolved only when a resident ID is met). */
export type RingSource = KeyRing | (() => KeyRing) | undefined;

function ringOf(source: RingSource): KeyRing {
  return typeof source === "function" ? source() : (source ?? keyRing());
}

/** A stored resident ID in clear; one stored in clear is returned as it is, without the keys. */
export function decryptResidentId(stored: string, ring?: RingSource): string {
  return isEncryptedText(stored) ? decryptText(stored, RESIDENT_ID_AAD, ringOf(ring)) : stored;
}

type Mode = "data" | "where" | "other";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function indexFilter(value: unknown, ring: KeyRing): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === "string") return residentIdIndexOf(value, ring);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [op, operand] of Object.entries(value)) {
      if (operand === undefined) continue;
      if (op === "equals") out.equals = indexFilter(operand, ring);
      else if (op === "in" || op === "notIn") out[op] = (operand as unknown[]).map((v) => indexFilter(v, ring));
      else if (op === "not") out.not = indexFilter(operand, ring);
      else throw new Error(`resident IDs are encrypted and matched whole: the filter "${op}" cannot apply`);
    }
    return out;
  }
  throw new Error("unexpected resident ID filter");
}

const DATA_KEYS = new Set(["data", "create", "update"]);
const WHERE_KEYS = new Set(["where", "cursor"]);

/**
 * The arguments of a query on `model` with every resident ID written encrypted and every filter on
 * one moved to its index.
 */
export function transformArgs(node: unknown, ring?: RingSource, mode: Mode = "other", model?: string): unknown {
  if (Array.isArray(node)) return node.map((item) => transformArgs(item, ring, mode, model));
  if (!isPlainObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === RESIDENT_ID_FIELD && mode === "where") {
      out[RESIDENT_ID_INDEX] = indexFilter(value, ringOf(ring));
    } else if (key === RESIDENT_ID_FIELD && mode === "data") {
      const plain = isPlainObject(value) && "set" in value ? value.set : value;
      const masked = model !== undefined && MASKED_MODELS.has(model);
      if (typeof plain === "string" && !isEncryptedText(plain)) {
        const keys = ringOf(ring);
        out[key] = encryptResidentId(plain, keys);
        out[RESIDENT_ID_INDEX] = residentIdIndexOf(plain, keys);
        if (masked) out[RESIDENT_ID_MASKED] = maskForLists(plain.trim().toUpperCase());
      } else {
        out[key] = plain;
        if (plain === null) out[RESIDENT_ID_INDEX] = null;
        if (plain === null && masked) out[RESIDENT_ID_MASKED] = null;
      }
    } else if (WHERE_KEYS.has(key)) {
      out[key] = transformArgs(value, ring, "where", model);
    } else if (DATA_KEYS.has(key) && mode !== "where") {
      out[key] = transformArgs(value, ring, "data", model);
    } else {
      const related = model !== undefined ? RELATIONS_TO[model]?.[key] : undefined;
      out[key] = transformArgs(value, ring, mode, related ?? model);
    }
  }
  return out;
}

/** A query's result with every resident ID decrypted and the blind indexes left out (in place). */
export function transformResult<T>(node: T, ring?: RingSource): T {
  if (Array.isArray(node)) {
    for (const item of node) transformResult(item, ring);
    return node;
  }
  if (!isPlainObject(node)) return node;
  const record: Record<string, unknown> = node;
  for (const [key, value] of Object.entries(record)) {
    if (key === RESIDENT_ID_FIELD && typeof value === "string") record[key] = decryptResidentId(value, ring);
    else if (key === RESIDENT_ID_INDEX) delete record[key];
    else if (value !== null && typeof value === "object") transformResult(value, ring);
  }
  return node;
}
