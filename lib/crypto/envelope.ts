import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { keyRing, type KeyRing } from "./keys";

// Authenticated encryption of personal data at rest (decision 037): AES-256-GCM with a random
// 96-bit nonce under the key ring's current key, the key's id written in clear beside the
// ciphertext so that any key of the ring opens what it wrote, and associated data naming what the
// bytes are (a stored file's key, a column) so that a ciphertext moved elsewhere does not open.

/** The first bytes of every encrypted file: "ANJE" and the format version. */
const MAGIC = Buffer.from("ANJE\u0001", "latin1");

export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`cannot decrypt: ${reason}`);
    this.name = "DecryptionError";
  }
}

function seal(key: Buffer, plain: Uint8Array, aad: string): { iv: Buffer; sealed: Buffer; tag: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, sealed, tag: cipher.getAuthTag() };
}

function open(key: Buffer, iv: Buffer, sealed: Buffer, tag: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed), decipher.final()]);
  } catch {
    throw new DecryptionError("the data or its context was altered");
  }
}

/** Whether `bytes` are an encrypted file (else a file written before encryption). */
export function isEncryptedBytes(bytes: Uint8Array): boolean {
  return bytes.length > MAGIC.length && Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC);
}

/** The id of the key an encrypted file was written under, or null for a plain file. */
export function keyIdOfBytes(bytes: Uint8Array): string | null {
  if (!isEncryptedBytes(bytes)) return null;
  const length = bytes[MAGIC.length]!;
  return Buffer.from(bytes.subarray(MAGIC.length + 1, MAGIC.length + 1 + length)).toString("latin1");
}

/** `plain` encrypted for `aad`: MAGIC, key id length and id, nonce, ciphertext, tag. */
export function encryptBytes(plain: Uint8Array, aad: string, ring: KeyRing = keyRing()): Buffer {
  const { id, key } = ring.current;
  const { iv, sealed, tag } = seal(key, plain, aad);
  const kid = Buffer.from(id, "latin1");
  return Buffer.concat([MAGIC, Buffer.from([kid.length]), kid, iv, sealed, tag]);
}

/** The plain bytes of an encrypted file; throws DecryptionError for an unknown key, altered bytes or another `aad`. */
export function decryptBytes(bytes: Uint8Array, aad: string, ring: KeyRing = keyRing()): Buffer {
  if (!isEncryptedBytes(bytes)) throw new DecryptionError("not an encrypted file");
  const buffer = Buffer.from(bytes);
  const idLength = buffer[MAGIC.length]!;
  const start = MAGIC.length + 1 + idLength;
  if (buffer.length < start + 12 + 16) throw new DecryptionError("truncated");
  const id = buffer.subarray(MAGIC.length + 1, start).toString("latin1");
  const key = ring.byId.get(id);
  if (!key) throw new DecryptionError(`key ${id} is not in the key ring`);
  return open(key, buffer.subarray(start, start + 12), buffer.subarray(start + 12, buffer.length - 16), buffer.subarray(buffer.length - 16), aad);
}

const FIELD_PREFIX = "enc1";

/** A text value encrypted for `aad` as `enc1.<key id>.<base64url>`: what an encrypted column stores. */
export function encryptText(plain: string, aad: string, ring: KeyRing = keyRing()): string {
  const { id, key } = ring.current;
  const { iv, sealed, tag } = seal(key, Buffer.from(plain, "utf8"), aad);
  return `${FIELD_PREFIX}.${id}.${Buffer.concat([iv, sealed, tag]).toString("base64url")}`;
}

export function isEncryptedText(value: string): boolean {
  return value.startsWith(`${FIELD_PREFIX}.`);
}

/** The plain text of an encrypted value; throws DecryptionError as decryptBytes does. */
export function decryptText(value: string, aad: string, ring: KeyRing = keyRing()): string {
  const [prefix, id, body] = value.split(".");
  if (prefix !== FIELD_PREFIX || !id || !body) throw new DecryptionError("not an encrypted value");
  const key = ring.byId.get(id);
  if (!key) throw new DecryptionError(`key ${id} is not in the key ring`);
  const raw = Buffer.from(body, "base64url");
  if (raw.length < 12 + 16) throw new DecryptionError("truncated");
  return open(key, raw.subarray(0, 12), raw.subarray(12, raw.length - 16), raw.subarray(raw.length - 16), aad).toString("utf8");
}

/** The key id of an encrypted value, or null. */
export function keyIdOfText(value: string): string | null {
  return isEncryptedText(value) ? (value.split(".")[1] ?? null) : null;
}

/**
 * The blind index of a value for `purpose`: HMAC-SHA-256 under the blind index key, hex. Equal
 * values give equal indexes (that is how an encrypted column is searched), different purposes
 * different ones; nothing of the value can be read from it without the key.
 */
export function blindIndex(value: string, purpose: string, ring: KeyRing = keyRing()): string {
  return createHmac("sha256", ring.blindIndex).update(`${purpose}\u0000${value}`).digest("hex");
}
