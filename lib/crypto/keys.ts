import { hkdfSync } from "node:crypto";
import { getEnv } from "../env";

// The keys of personal data at rest (decision 037). DATA_KEYS is a key ring: `id:base64` entries,
// comma-separated, each a 32-byte AES-256-GCM key; the first encrypts, every one decrypts what was
// written under it, so a new key goes first and an old one is dropped after `npm run keys:rotate`
// has re-encrypted everything. BLIND_INDEX_KEY (32 bytes, base64) keys the HMAC-SHA-256 by which
// encrypted values are found. Production must set both; the quick start generates local ones in
// .data (scripts/start.ts); without them a development or test process derives fixed development
// keys, which protect nothing and are refused in production.

export interface DataKey {
  id: string;
  key: Buffer;
}

export interface KeyRing {
  /** The key new data is encrypted under. */
  current: DataKey;
  /** Every key, by id, the current one included. */
  byId: ReadonlyMap<string, Buffer>;
  /** The blind index key. */
  blindIndex: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

/** Parses a DATA_KEYS value; throws with the entry's position (never the key) when one is malformed. */
export function parseDataKeys(value: string): DataKey[] {
  const entries = value.split(",").map((e) => e.trim()).filter((e) => e !== "");
  if (entries.length === 0) throw new Error("DATA_KEYS holds no key");
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const colon = entry.indexOf(":");
    const id = colon > 0 ? entry.slice(0, colon) : "";
    const key = Buffer.from(colon > 0 ? entry.slice(colon + 1) : "", "base64");
    if (!KEY_ID.test(id) || key.length !== 32) throw new Error(`DATA_KEYS entry ${i + 1} must be <id>:<32 bytes in base64>`);
    if (seen.has(id)) throw new Error(`DATA_KEYS names key ${id} twice`);
    seen.add(id);
    return { id, key };
  });
}

function parseBlindIndexKey(value: string): Buffer {
  const key = Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error("BLIND_INDEX_KEY must be 32 bytes in base64");
  return key;
}

const DEVELOPMENT_SEED = "anju-development-only-data-keys";

let cached: { signature: string; ring: KeyRing } | null = null;

/** The key ring of this process, from its environment (re-read when the environment changes). */
export function keyRing(): KeyRing {
  const env = getEnv();
  const signature = `${env.NODE_ENV}|${env.DATA_KEYS ?? ""}|${env.BLIND_INDEX_KEY ?? ""}`;
  if (cached?.signature === signature) return cached.ring;
  if (env.NODE_ENV === "production" && (!env.DATA_KEYS || !env.BLIND_INDEX_KEY)) {
    throw new Error("DATA_KEYS and BLIND_INDEX_KEY must be set in production.");
  }
  const keys = env.DATA_KEYS
    ? parseDataKeys(env.DATA_KEYS)
    : [{ id: "dev", key: Buffer.from(hkdfSync("sha256", DEVELOPMENT_SEED, "anju", "anju/data-key/dev", 32)) }];
  const blindIndex = env.BLIND_INDEX_KEY
    ? parseBlindIndexKey(env.BLIND_INDEX_KEY)
    : Buffer.from(hkdfSync("sha256", DEVELOPMENT_SEED, "anju", "anju/blind-index/dev", 32));
  const ring: KeyRing = { current: keys[0]!, byId: new Map(keys.map((k) => [k.id, k.key])), blindIndex };
  cached = { signature, ring };
  return ring;
}
