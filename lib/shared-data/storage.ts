import "server-only";
import { randomBytes } from "node:crypto";
import { decryptBytes, encryptBytes, isEncryptedBytes } from "@/lib/crypto/envelope";
import { prisma } from "@/lib/db/client";
import type { Prisma, SharedDataSource } from "@/lib/generated/prisma/client";

// Files of shared data while they are uploaded and imported, in the database rather than on a
// server's disk, so that the chunks of one upload may reach different portal servers
// (docs/decisions/034). An upload arrives in chunks (server actions take at most 1 MB a request),
// each kept at its byte offset. A confirmed file becomes the batch's file, in the transaction that
// creates the batch, and is deleted once its rows are in the database: the records are what is
// kept (data minimisation). Chunks and files are encrypted while they wait (decision 037).

type Db = Prisma.TransactionClient | typeof prisma;

export interface StagedUploadMeta {
  uploadId: string;
  userId: string;
  source: string;
  fileName: string;
  size: number;
  createdAt: string;
}

const UPLOAD_ID = /^[a-f0-9]{32}$/;

export function isUploadId(value: string): boolean {
  return UPLOAD_ID.test(value);
}

export async function createStagedUpload(meta: Omit<StagedUploadMeta, "uploadId" | "createdAt">, now: Date): Promise<StagedUploadMeta> {
  const uploadId = randomBytes(16).toString("hex");
  await prisma.sharedDataUpload.create({
    data: { id: uploadId, userId: meta.userId, source: meta.source as SharedDataSource, fileName: meta.fileName, size: meta.size, createdAt: now },
  });
  return { ...meta, uploadId, createdAt: now.toISOString() };
}

export async function readStagedMeta(uploadId: string): Promise<StagedUploadMeta | null> {
  if (!isUploadId(uploadId)) return null;
  const row = await prisma.sharedDataUpload.findUnique({ where: { id: uploadId }, select: { userId: true, source: true, fileName: true, size: true, createdAt: true } });
  return row ? { uploadId, userId: row.userId, source: row.source, fileName: row.fileName, size: row.size, createdAt: row.createdAt.toISOString() } : null;
}

/** The bytes received so far (the end of the furthest chunk), or -1 when there is no such upload. */
export async function stagedSize(uploadId: string): Promise<number> {
  if (!isUploadId(uploadId)) return -1;
  const [row] = await prisma.$queryRaw<Array<{ exists: boolean; size: number | null }>>`
    SELECT EXISTS (SELECT 1 FROM "SharedDataUpload" WHERE "id" = ${uploadId}) AS "exists",
           (SELECT max("offset" + coalesce("size", octet_length("bytes")))::int FROM "SharedDataUploadChunk" WHERE "uploadId" = ${uploadId}) AS "size"`;
  if (!row?.exists) return -1;
  return row.size ?? 0;
}

const chunkAad = (uploadId: string, offset: number) => `shared-data-upload:${uploadId}:${offset}`;

/** Writes `bytes` at `offset`, encrypted (an append, or a retried chunk written again at the same place). */
export async function writeStagedChunk(uploadId: string, offset: number, bytes: Uint8Array): Promise<void> {
  const data = new Uint8Array(encryptBytes(bytes, chunkAad(uploadId, offset)));
  await prisma.sharedDataUploadChunk.upsert({
    where: { uploadId_offset: { uploadId, offset } },
    create: { uploadId, offset, bytes: data, size: bytes.length },
    update: { bytes: data, size: bytes.length },
  });
}

/** The whole file as received: the chunks laid at their offsets, or null when there is no such upload. */
export async function readStagedFile(uploadId: string): Promise<Uint8Array | null> {
  if (!isUploadId(uploadId)) return null;
  const upload = await prisma.sharedDataUpload.findUnique({
    where: { id: uploadId },
    select: { chunks: { select: { offset: true, bytes: true }, orderBy: { offset: "asc" } } },
  });
  if (!upload) return null;
  const chunks = upload.chunks.map((c) => ({ offset: c.offset, bytes: isEncryptedBytes(c.bytes) ? decryptBytes(c.bytes, chunkAad(uploadId, c.offset)) : c.bytes }));
  const end = chunks.reduce((max, c) => Math.max(max, c.offset + c.bytes.length), 0);
  const file = new Uint8Array(end);
  for (const chunk of chunks) file.set(chunk.bytes, chunk.offset);
  return file;
}

/**
 * Takes an officer's upload for a batch, inside the transaction that creates the batch: true for
 * the one confirmation that deletes it, false for a second confirmation of the same upload (or one
 * already purged). The database decides: a conditional DELETE whose row count is checked.
 */
export async function claimStagedUpload(tx: Db, uploadId: string, userId: string): Promise<boolean> {
  if (!isUploadId(uploadId)) return false;
  const taken = await tx.sharedDataUpload.deleteMany({ where: { id: uploadId, userId } });
  return taken.count === 1;
}

const batchFileAad = (batchId: string) => `shared-data-batch:${batchId}`;

/** Keeps a confirmed file as its batch's, encrypted (decision 037), until the import has written its rows. */
export async function saveBatchFile(tx: Db, batchId: string, kind: "csv" | "xlsx", bytes: Uint8Array): Promise<void> {
  await tx.sharedDataBatchFile.create({ data: { batchId, kind, bytes: new Uint8Array(encryptBytes(bytes, batchFileAad(batchId))) } });
}

export async function readBatchFile(batchId: string): Promise<{ bytes: Uint8Array; fileName: string } | null> {
  const file = await prisma.sharedDataBatchFile.findUnique({ where: { batchId }, select: { kind: true, bytes: true } });
  if (!file) return null;
  const bytes = isEncryptedBytes(file.bytes) ? decryptBytes(file.bytes, batchFileAad(batchId)) : file.bytes;
  return { bytes: new Uint8Array(bytes), fileName: `${batchId}.${file.kind}` };
}

export async function deleteBatchFile(batchId: string): Promise<void> {
  await prisma.sharedDataBatchFile.deleteMany({ where: { batchId } });
}

/** Deletes uploads started more than `maxAgeMs` ago (abandoned previews). Returns how many. */
export async function purgeStaleUploads(now: Date, maxAgeMs: number): Promise<number> {
  const purged = await prisma.sharedDataUpload.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - maxAgeMs) } } });
  return purged.count;
}
