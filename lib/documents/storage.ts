import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { decryptBytes, encryptBytes, isEncryptedBytes } from "@/lib/crypto/envelope";
import { objectStore } from "@/lib/storage";

// Uploaded files in the server's object store (lib/storage: the local disk by default, an
// S3-compatible store in production). Each file gets a random storage key; its SHA-256 (of the
// plain bytes) is kept with the Document row. Every file is encrypted at rest (decision 037):
// AES-256-GCM under the key ring's current key, bound to its storage key; neither the disk nor the
// bucket ever holds an identity card or a household register in clear.

/** What a stored file's ciphertext is bound to: its own key, so that no file opens as another. */
export function objectAad(storageKey: string): string {
  return `document:${storageKey}`;
}

export { uploadRoot } from "@/lib/storage";

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes the bytes under a new random key. */
export async function storeObject(bytes: Uint8Array, contentType?: string): Promise<{ storageKey: string; sha256: string }> {
  const id = randomBytes(20).toString("hex");
  const storageKey = `${id.slice(0, 2)}/${id}`;
  await objectStore().put(storageKey, encryptBytes(bytes, objectAad(storageKey)), contentType);
  return { storageKey, sha256: sha256Hex(bytes) };
}

/** The stored bytes; throws when the file is gone (callers answer 404 or 500 as fits). */
export async function readObject(storageKey: string): Promise<Buffer> {
  const bytes = await objectStore().get(storageKey);
  if (!bytes) throw new Error("stored file not found");
  // A file stored before encryption is read as it is until `npm run keys:rotate` encrypts it.
  return isEncryptedBytes(bytes) ? decryptBytes(bytes, objectAad(storageKey)) : bytes;
}

/** Removes a stored file; a file already gone is not an error. */
export async function deleteObject(storageKey: string): Promise<void> {
  await objectStore().delete(storageKey);
}
