import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";

// Files of shared data on local disk while they are uploaded and imported. An upload arrives in
// chunks (server actions take at most 1 MB a request) into staging/<uploadId>.part, with its owner
// and declared size in staging/<uploadId>.json. A confirmed file moves to batches/<batchId>.<ext>
// and is deleted once its rows are in the database: the records are what is kept (data minimisation).

let overrideRoot: string | null = null;

/** For tests: keep files under `dir` instead of UPLOAD_DIR (or .data/uploads). */
export function configureSharedDataStorage(dir: string | null): void {
  overrideRoot = dir;
}

// The directory is configuration, not a module path: tell the bundler's file tracer not to follow it.
function root(): string {
  return overrideRoot ?? path.resolve(/*turbopackIgnore: true*/ getEnv().UPLOAD_DIR ?? path.join(".data", "uploads"), "shared-data");
}

function stagingDir(): string {
  return path.join(/*turbopackIgnore: true*/ root(), "staging");
}

function batchesDir(): string {
  return path.join(/*turbopackIgnore: true*/ root(), "batches");
}

const UPLOAD_ID = /^[a-f0-9]{32}$/;

export interface StagedUploadMeta {
  uploadId: string;
  userId: string;
  source: string;
  fileName: string;
  size: number;
  createdAt: string;
}

export function isUploadId(value: string): boolean {
  return UPLOAD_ID.test(value);
}

function stagedPaths(uploadId: string): { part: string; meta: string } {
  if (!isUploadId(uploadId)) throw new RangeError("invalid upload id");
  return { part: path.join(stagingDir(), `${uploadId}.part`), meta: path.join(stagingDir(), `${uploadId}.json`) };
}

export async function createStagedUpload(meta: Omit<StagedUploadMeta, "uploadId" | "createdAt">, now: Date): Promise<StagedUploadMeta> {
  await mkdir(stagingDir(), { recursive: true });
  const uploadId = randomBytes(16).toString("hex");
  const full: StagedUploadMeta = { ...meta, uploadId, createdAt: now.toISOString() };
  const paths = stagedPaths(uploadId);
  await writeFile(paths.part, new Uint8Array(0));
  await writeFile(paths.meta, JSON.stringify(full));
  return full;
}

export async function readStagedMeta(uploadId: string): Promise<StagedUploadMeta | null> {
  if (!isUploadId(uploadId)) return null;
  try {
    return JSON.parse(await readFile(/*turbopackIgnore: true*/ stagedPaths(uploadId).meta, "utf8")) as StagedUploadMeta;
  } catch {
    return null;
  }
}

export async function stagedSize(uploadId: string): Promise<number> {
  try {
    return (await stat(/*turbopackIgnore: true*/ stagedPaths(uploadId).part)).size;
  } catch {
    return -1;
  }
}

/** Writes `bytes` at `offset` (an append, or a retried chunk written again at the same place). */
export async function writeStagedChunk(uploadId: string, offset: number, bytes: Uint8Array): Promise<void> {
  const handle = await open(/*turbopackIgnore: true*/ stagedPaths(uploadId).part, "r+");
  try {
    await handle.write(bytes, 0, bytes.length, offset);
  } finally {
    await handle.close();
  }
}

export async function readStagedFile(uploadId: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(/*turbopackIgnore: true*/ stagedPaths(uploadId).part));
  } catch {
    return null;
  }
}

export async function deleteStagedUpload(uploadId: string): Promise<void> {
  const paths = stagedPaths(uploadId);
  await rm(paths.part, { force: true });
  await rm(paths.meta, { force: true });
}

/**
 * Takes the staged file for a batch: moves it aside atomically, so that a second confirmation of
 * the same upload finds nothing. Returns the claimed path, or null when already claimed or gone.
 */
export async function claimStagedFile(uploadId: string): Promise<string | null> {
  await mkdir(batchesDir(), { recursive: true });
  const claimed = path.join(/*turbopackIgnore: true*/ batchesDir(), `claim-${uploadId}`);
  try {
    await rename(stagedPaths(uploadId).part, claimed);
  } catch {
    return null;
  }
  await rm(stagedPaths(uploadId).meta, { force: true });
  return claimed;
}

export function batchFilePath(batchId: string, ext: string): string {
  if (!/^[a-z0-9]+$/i.test(batchId)) throw new RangeError("invalid batch id");
  return path.join(/*turbopackIgnore: true*/ batchesDir(), `${batchId}.${ext}`);
}

export async function moveFile(from: string, to: string): Promise<void> {
  await rename(from, to);
}

export async function readBatchFile(batchId: string): Promise<{ bytes: Uint8Array; fileName: string } | null> {
  for (const ext of ["csv", "xlsx"]) {
    const file = batchFilePath(batchId, ext);
    try {
      return { bytes: new Uint8Array(await readFile(/*turbopackIgnore: true*/ file)), fileName: path.basename(file) };
    } catch {
      // try the next extension
    }
  }
  return null;
}

export async function deleteBatchFile(batchId: string): Promise<void> {
  for (const ext of ["csv", "xlsx"]) await rm(batchFilePath(batchId, ext), { force: true });
}

export async function deleteFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** Deletes staged uploads older than `maxAgeMs` (abandoned previews). Returns how many. */
export async function purgeStaleUploads(now: Date, maxAgeMs: number): Promise<number> {
  let names: string[];
  try {
    names = await readdir(/*turbopackIgnore: true*/ stagingDir());
  } catch {
    return 0;
  }
  let purged = 0;
  for (const name of names) {
    if (!name.endsWith(".json")) continue;
    const uploadId = name.slice(0, -5);
    const meta = await readStagedMeta(uploadId);
    if (!meta || now.getTime() - Date.parse(meta.createdAt) > maxAgeMs) {
      await deleteStagedUpload(uploadId).catch(() => {});
      purged++;
    }
  }
  return purged;
}
