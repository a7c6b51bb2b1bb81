import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";

// Uploaded files on local disk, outside public/ (never served directly): UPLOAD_DIR, by default
// `.data/uploads` under the working directory. Each file gets a random storage key; its SHA-256 is
// kept with the Document row. Other storage (object stores) can replace these three functions.

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{40}$/;

export function uploadRoot(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), getEnv().UPLOAD_DIR ?? ".data/uploads");
}

function pathOf(storageKey: string): string {
  // Keys are ours, but a key read from the database is still checked before it becomes a path.
  if (!KEY_PATTERN.test(storageKey)) throw new Error("invalid storage key");
  return path.join(/* turbopackIgnore: true */ uploadRoot(), storageKey);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes the bytes under a new random key (atomically: a temporary file renamed into place). */
export async function storeObject(bytes: Uint8Array): Promise<{ storageKey: string; sha256: string }> {
  const id = randomBytes(20).toString("hex");
  const storageKey = `${id.slice(0, 2)}/${id}`;
  const target = pathOf(storageKey);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temp, bytes, { flag: "wx", mode: 0o600 });
  await rename(temp, target);
  return { storageKey, sha256: sha256Hex(bytes) };
}

export async function readObject(storageKey: string): Promise<Buffer> {
  return readFile(pathOf(storageKey));
}

/** Removes a stored file; a file already gone is not an error. */
export async function deleteObject(storageKey: string): Promise<void> {
  await rm(pathOf(storageKey), { force: true });
}
