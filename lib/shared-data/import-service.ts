import "server-only";
import { createHash } from "node:crypto";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { AppError } from "@/lib/errors";
import { Prisma, type ImportStatus, type SharedDataSource } from "@/lib/generated/prisma/client";
import { maskResidentId } from "@/lib/rules";
import type { SharedDataSourceCode } from "./layouts";
import { readTable, TableError, type FileKind, type Table, type TableErrorCode } from "./read-table";
import { rowErrorText } from "./row-error-text";
import { UPLOAD_CHUNK_BYTES, type BatchFilter, type ConfirmImportInput, type PreviewUploadInput, type StartUploadInput, type UploadChunkInput } from "./schemas";
import {
  claimStagedUpload,
  createStagedUpload,
  deleteBatchFile,
  purgeStaleUploads,
  readBatchFile,
  readStagedFile,
  readStagedMeta,
  saveBatchFile,
  stagedSize,
  writeStagedChunk,
} from "./storage";
import { validateTable, type RowIssue, type TableValidation, type ValidatedRow } from "./validate";

// Importing partner agencies' files (Art. 17-18): upload in chunks → preview (every row checked,
// the first rows and the errors shown) → confirm → rows written in chunks of IMPORT_CHUNK_ROWS,
// each chunk one statement, resumable from the last row written (records are unique per batch and
// row number, so a re-run writes nothing twice). Rows with errors are stored with their errors,
// listed on the batch page and never used for comparison; a file missing a required column, or
// with no data rows, is refused as a whole. See docs/decisions/007-shared-data-and-rechecks.md.

export const IMPORT_CHUNK_ROWS = 1000;
export const PREVIEW_SAMPLE_ROWS = 20;
export const PREVIEW_ERROR_ROWS = 100;
export const BATCH_PAGE_SIZE = 20;
export const BATCH_ERROR_PAGE_SIZE = 50;
/** Staged uploads never confirmed are deleted after a day. */
const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;

export type RefusalCode = TableErrorCode | "MISSING_COLUMNS" | "NO_DATA_ROWS";

export interface PreviewRow {
  rowNo: number;
  /** Masked: the preview shows enough to recognise a row, not the whole number. */
  maskedResidentId: string | null;
  fields: Record<string, string | number>;
  errors: RowIssue[];
}

export interface ImportPreview {
  uploadId: string;
  source: SharedDataSourceCode;
  fileName: string;
  sizeBytes: number;
  kind: FileKind | null;
  encoding: Table["encoding"];
  refusal: { code: RefusalCode; line?: number } | null;
  missingColumns: string[];
  unknownColumns: string[];
  duplicateColumns: string[];
  totalRows: number;
  validRows: number;
  errorRows: number;
  emptyRows: number;
  sampleRows: PreviewRow[];
  errorSample: PreviewRow[];
  /** The same file (same source and SHA-256) already imported, if it was. */
  duplicateBatch: { id: string; importedAt: Date; status: ImportStatus } | null;
}

interface Analysis {
  kind: FileKind | null;
  encoding: Table["encoding"];
  refusal: { code: RefusalCode; line?: number } | null;
  validation: TableValidation | null;
}

/** Reads and checks a whole file. Never throws for what a file contains. */
export async function analyseFile(source: SharedDataSourceCode, bytes: Uint8Array, fileName: string): Promise<Analysis> {
  let table: Table & { kind: FileKind };
  try {
    table = await readTable(bytes, fileName);
  } catch (error) {
    if (error instanceof TableError) {
      return { kind: null, encoding: null, refusal: { code: error.code, line: error.line }, validation: null };
    }
    throw error;
  }
  const validation = validateTable(source, table);
  const refusal: Analysis["refusal"] =
    validation.missingColumns.length > 0 ? { code: "MISSING_COLUMNS" } : validation.rows.length === 0 ? { code: "NO_DATA_ROWS" } : null;
  return { kind: table.kind, encoding: table.encoding, refusal, validation };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function previewRow(row: ValidatedRow): PreviewRow {
  const { residentId: _id, ...fields } = row.fields;
  return {
    rowNo: row.rowNo,
    maskedResidentId: row.residentId ? maskResidentId(row.residentId) : null,
    fields,
    // A bad resident ID is shown as typed (the officer has the file), other values as they were.
    errors: row.errors,
  };
}

function uploadNotFound(): AppError {
  return new AppError("NOT_FOUND", { messageKey: "sharedData.errors.uploadNotFound" });
}

async function ownedUpload(actor: Actor, uploadId: string) {
  const meta = await readStagedMeta(uploadId);
  if (!meta || meta.userId !== actor.id) throw uploadNotFound();
  return meta;
}

async function completeUploadBytes(actor: Actor, uploadId: string) {
  const meta = await ownedUpload(actor, uploadId);
  const bytes = await readStagedFile(uploadId);
  if (!bytes) throw uploadNotFound();
  if (bytes.length !== meta.size) throw new AppError("VALIDATION", { messageKey: "sharedData.errors.uploadIncomplete" });
  return { meta, bytes };
}

async function findDuplicateBatch(db: Prisma.TransactionClient | typeof prisma, source: SharedDataSource, sha256: string) {
  return db.sharedDataImportBatch.findFirst({
    where: { source, sha256, status: { not: "FAILED" } },
    select: { id: true, importedAt: true, status: true },
    orderBy: { importedAt: "desc" },
  });
}

/** Starts an upload: checks the declared size and type; returns where to send the chunks. */
export async function startUpload(actor: Actor, input: StartUploadInput, now: Date = new Date()): Promise<{ uploadId: string; chunkBytes: number }> {
  assertCan(actor, "sharedData:import");
  const meta = await createStagedUpload({ userId: actor.id, source: input.source, fileName: input.fileName, size: input.size }, now);
  return { uploadId: meta.uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
}

/** Writes one chunk at its offset; a retried chunk is written again at the same place. */
export async function appendUploadChunk(actor: Actor, input: UploadChunkInput): Promise<{ received: number; complete: boolean }> {
  assertCan(actor, "sharedData:import");
  const meta = await ownedUpload(actor, input.uploadId);
  const size = await stagedSize(input.uploadId);
  if (size < 0) throw uploadNotFound();
  const bytes = new Uint8Array(await input.chunk.arrayBuffer());
  if (input.offset > size || input.offset + bytes.length > meta.size) {
    throw new AppError("CONFLICT", { messageKey: "sharedData.errors.uploadOutOfOrder" });
  }
  await writeStagedChunk(input.uploadId, input.offset, bytes);
  const received = Math.max(size, input.offset + bytes.length);
  return { received, complete: received === meta.size };
}

/** Checks every row of an uploaded file and shows the first rows and the errors, writing nothing. */
export async function previewUpload(actor: Actor, input: PreviewUploadInput): Promise<ImportPreview> {
  assertCan(actor, "sharedData:import");
  const { meta, bytes } = await completeUploadBytes(actor, input.uploadId);
  const source = meta.source as SharedDataSourceCode;
  const analysis = await analyseFile(source, bytes, meta.fileName);
  const duplicate = await findDuplicateBatch(prisma, source, sha256Hex(bytes));
  const rows = analysis.validation?.rows ?? [];
  const errorRows = rows.filter((r) => r.errors.length > 0);
  return {
    uploadId: meta.uploadId,
    source,
    fileName: meta.fileName,
    sizeBytes: meta.size,
    kind: analysis.kind,
    encoding: analysis.encoding,
    refusal: analysis.refusal,
    missingColumns: analysis.validation?.missingColumns ?? [],
    unknownColumns: analysis.validation?.unknownColumns ?? [],
    duplicateColumns: analysis.validation?.duplicateColumns ?? [],
    totalRows: rows.length,
    validRows: rows.length - errorRows.length,
    errorRows: errorRows.length,
    emptyRows: analysis.validation?.emptyRows ?? 0,
    sampleRows: rows.slice(0, PREVIEW_SAMPLE_ROWS).map(previewRow),
    errorSample: errorRows.slice(0, PREVIEW_ERROR_ROWS).map(previewRow),
    duplicateBatch: duplicate,
  };
}

const REFUSAL_MESSAGE: Record<RefusalCode, string> = {
  EMPTY_FILE: "sharedData.refusal.EMPTY_FILE",
  UNSUPPORTED_FILE: "sharedData.refusal.UNSUPPORTED_FILE",
  LEGACY_XLS: "sharedData.refusal.LEGACY_XLS",
  CSV_MALFORMED: "sharedData.refusal.CSV_MALFORMED",
  XLSX_UNREADABLE: "sharedData.refusal.XLSX_UNREADABLE",
  NO_HEADER_ROW: "sharedData.refusal.NO_HEADER_ROW",
  MISSING_COLUMNS: "sharedData.refusal.MISSING_COLUMNS",
  NO_DATA_ROWS: "sharedData.refusal.NO_DATA_ROWS",
};

/**
 * Confirms a previewed upload: creates the batch (PROCESSING) and keeps the file for the import.
 * The caller then runs `processBatch` (after the response, or in a job). Refuses a file that is
 * refused as a whole, and the same file (source and SHA-256) imported before.
 */
export async function confirmImport(
  actor: Actor,
  input: ConfirmImportInput,
): Promise<{ batchId: string; rowCount: number; errorCount: number }> {
  assertCan(actor, "sharedData:import");
  const { meta, bytes } = await completeUploadBytes(actor, input.uploadId);
  const source = meta.source as SharedDataSourceCode;
  const analysis = await analyseFile(source, bytes, meta.fileName);
  if (analysis.refusal || !analysis.validation || !analysis.kind) {
    const code = analysis.refusal?.code ?? "NO_DATA_ROWS";
    throw new AppError("VALIDATION", {
      messageKey: REFUSAL_MESSAGE[code],
      values: { columns: (analysis.validation?.missingColumns ?? []).join("、"), line: analysis.refusal?.line ?? "?" },
    });
  }
  const sha256 = sha256Hex(bytes);
  if (await findDuplicateBatch(prisma, source, sha256)) {
    throw new AppError("CONFLICT", { messageKey: "sharedData.errors.alreadyImported" });
  }
  const kind = analysis.kind;
  const rowCount = analysis.validation.rows.length;
  const errorCount = analysis.validation.rows.filter((r) => r.errors.length > 0).length;
  // One transaction: the upload taken (once: a second confirmation finds it gone), the batch
  // created, and the file kept as the batch's.
  const batchId = await prisma.$transaction(async (tx) => {
    if (!(await claimStagedUpload(tx, input.uploadId, actor.id))) throw uploadNotFound();
    if (await findDuplicateBatch(tx, source, sha256)) {
      throw new AppError("CONFLICT", { messageKey: "sharedData.errors.alreadyImported" });
    }
    const batch = await tx.sharedDataImportBatch.create({
      data: {
        source,
        fileName: meta.fileName,
        sha256,
        asOfDate: input.asOfDate ? dateColumn(input.asOfDate) : null,
        status: "PROCESSING",
        rowCount,
        errorCount,
        importedById: actor.id,
      },
      select: { id: true },
    });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "sharedData.import.start",
        entityType: "SharedDataImportBatch",
        entityId: batch.id,
        districtCode: actor.districtCode,
        data: { source, fileName: meta.fileName, sha256, rowCount, errorCount },
      },
      tx,
    );
    await saveBatchFile(tx, batch.id, kind, bytes);
    return batch.id;
  });
  return { batchId, rowCount, errorCount };
}

async function markFailed(batchId: string, reason: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const updated = await tx.sharedDataImportBatch.updateMany({ where: { id: batchId, status: "PROCESSING" }, data: { status: "FAILED" } });
    if (updated.count === 1) {
      await writeAudit({ action: "sharedData.import.fail", entityType: "SharedDataImportBatch", entityId: batchId, reason }, tx);
    }
  });
  await deleteBatchFile(batchId);
}

function recordErrors(errors: RowIssue[]): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (errors.length === 0) return Prisma.DbNull;
  return errors.map((e) => ({
    field: e.column,
    code: e.code,
    message: rowErrorText(e, "zh-CN"),
    ...(e.value === undefined ? {} : { value: e.value }),
  }));
}

const processing = ((globalThis as unknown as { anjuSharedDataImports?: Set<string> }).anjuSharedDataImports ??= new Set<string>());

export interface ProcessResult {
  status: ImportStatus | "BUSY" | "MISSING";
  written: number;
  total: number;
}

/**
 * Writes a confirmed batch's rows, IMPORT_CHUNK_ROWS at a time, from the first row not yet
 * written; marks the batch COMPLETED at the end. Safe to run again at any point (after a crash,
 * or twice at once in different processes): rows already written are skipped.
 */
export async function processBatch(batchId: string, options: { chunkRows?: number; onChunk?: (written: number) => void } = {}): Promise<ProcessResult> {
  if (processing.has(batchId)) return { status: "BUSY", written: 0, total: 0 };
  processing.add(batchId);
  try {
    const batch = await prisma.sharedDataImportBatch.findUnique({
      where: { id: batchId },
      select: { id: true, source: true, status: true, fileName: true, rowCount: true },
    });
    if (!batch) return { status: "MISSING", written: 0, total: 0 };
    if (batch.status !== "PROCESSING") return { status: batch.status, written: 0, total: batch.rowCount };
    const file = await readBatchFile(batchId);
    if (!file) {
      await markFailed(batchId, "FILE_MISSING");
      return { status: "FAILED", written: 0, total: batch.rowCount };
    }
    const analysis = await analyseFile(batch.source, file.bytes, file.fileName);
    if (analysis.refusal || !analysis.validation) {
      await markFailed(batchId, analysis.refusal?.code ?? "UNREADABLE");
      return { status: "FAILED", written: 0, total: batch.rowCount };
    }
    const rows = analysis.validation.rows;
    const done = await prisma.sharedDataRecord.aggregate({ where: { batchId }, _max: { rowNo: true } });
    const from = done._max.rowNo ?? 0;
    const pending = rows.filter((r) => r.rowNo > from);
    const chunkRows = Math.max(1, options.chunkRows ?? IMPORT_CHUNK_ROWS);
    let written = 0;
    for (let i = 0; i < pending.length; i += chunkRows) {
      const chunk = pending.slice(i, i + chunkRows);
      // One statement per chunk: it commits whole or not at all, and the next run resumes after it.
      const result = await prisma.sharedDataRecord.createMany({
        data: chunk.map((row) => ({
          batchId,
          source: batch.source,
          rowNo: row.rowNo,
          residentId: row.residentId,
          fields: row.fields,
          errors: recordErrors(row.errors),
        })),
        skipDuplicates: true,
      });
      written += result.count;
      options.onChunk?.(written);
    }
    const errorCount = rows.filter((r) => r.errors.length > 0).length;
    await prisma.$transaction(async (tx) => {
      const updated = await tx.sharedDataImportBatch.updateMany({
        where: { id: batchId, status: "PROCESSING" },
        data: { status: "COMPLETED", rowCount: rows.length, errorCount },
      });
      if (updated.count === 1) {
        await writeAudit(
          {
            action: "sharedData.import.complete",
            entityType: "SharedDataImportBatch",
            entityId: batchId,
            data: { rowCount: rows.length, errorCount },
          },
          tx,
        );
      }
    });
    await deleteBatchFile(batchId);
    return { status: "COMPLETED", written, total: rows.length };
  } finally {
    processing.delete(batchId);
  }
}

/** The job: finishes batches left PROCESSING (e.g. by a restart) and deletes abandoned uploads. */
export async function resumeImports(now: Date = new Date()): Promise<string> {
  const pending = await prisma.sharedDataImportBatch.findMany({
    where: { status: "PROCESSING" },
    select: { id: true },
    orderBy: { importedAt: "asc" },
    take: 10,
  });
  let completed = 0;
  for (const batch of pending) {
    const result = await processBatch(batch.id);
    if (result.status === "COMPLETED") completed++;
  }
  const purged = await purgeStaleUploads(now, STALE_UPLOAD_MS);
  return `${completed} imported, ${purged} stale uploads purged`;
}

// ───────────── reading batches ─────────────

const batchSelect = {
  id: true,
  source: true,
  fileName: true,
  sha256: true,
  asOfDate: true,
  status: true,
  rowCount: true,
  errorCount: true,
  importedAt: true,
  importedBy: { select: { id: true, name: true, districtCode: true } },
} satisfies Prisma.SharedDataImportBatchSelect;

export type BatchRow = Prisma.SharedDataImportBatchGetPayload<{ select: typeof batchSelect }>;

export interface BatchPage {
  items: BatchRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** The batches the actor sees: a district officer those its district imported; municipal, all. */
export async function listBatches(actor: Actor, filter: BatchFilter): Promise<BatchPage> {
  assertCan(actor, "sharedData:import");
  const scope = scopeWhere(actor, "sharedData:import", "SharedDataImportBatch");
  if (scope === NOTHING) return { items: [], total: 0, page: 1, pageCount: 1 };
  const where: Prisma.SharedDataImportBatchWhereInput = {
    AND: [scope, filter.source ? { source: filter.source } : {}, filter.status ? { status: filter.status } : {}],
  };
  const { rows: items, total, page, pageCount } = await readPage(
    filter.page,
    BATCH_PAGE_SIZE,
    () => prisma.sharedDataImportBatch.count({ where }),
    (window) => prisma.sharedDataImportBatch.findMany({ where, select: batchSelect, orderBy: [{ importedAt: "desc" }, { id: "asc" }], ...window }),
  );
  return { items, total, page, pageCount };
}

export interface BatchErrorRow {
  rowNo: number;
  maskedResidentId: string | null;
  errors: Array<{ field: string; code: string; message: string; value?: string }>;
}

export interface BatchDetail {
  batch: BatchRow;
  /** Rows written so far (the progress of a PROCESSING batch). */
  written: number;
  errors: BatchErrorRow[];
  errorPage: number;
  errorPageCount: number;
}

/** One batch with its progress and a page of its row errors; NOT_FOUND outside the actor's scope. */
export async function getBatch(actor: Actor, batchId: string, errorPage = 1): Promise<BatchDetail> {
  assertCan(actor, "sharedData:import");
  const batch = await prisma.sharedDataImportBatch.findUnique({ where: { id: batchId }, select: batchSelect });
  if (!batch) throw new AppError("NOT_FOUND");
  // The importer's district is the batch's (docs/decisions/007).
  if (!can(actor, "sharedData:import", { districtCode: batch.importedBy.districtCode })) throw new AppError("NOT_FOUND");
  const errorWhere = { batchId, errors: { not: Prisma.DbNull } } satisfies Prisma.SharedDataRecordWhereInput;
  // Both counted by the (batchId, rowNo) index; a relation `_count` would count every record of every batch.
  const [errorTotal, written] = await Promise.all([
    prisma.sharedDataRecord.count({ where: errorWhere }),
    prisma.sharedDataRecord.count({ where: { batchId } }),
  ]);
  const errorPageCount = Math.max(1, Math.ceil(errorTotal / BATCH_ERROR_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(errorPage) || 1), errorPageCount);
  const records = await prisma.sharedDataRecord.findMany({
    where: errorWhere,
    select: { rowNo: true, residentId: true, errors: true },
    orderBy: { rowNo: "asc" },
    skip: (page - 1) * BATCH_ERROR_PAGE_SIZE,
    take: BATCH_ERROR_PAGE_SIZE,
  });
  return {
    batch,
    written,
    errors: records.map((r) => ({
      rowNo: r.rowNo,
      maskedResidentId: r.residentId ? maskResidentId(r.residentId) : null,
      errors: Array.isArray(r.errors) ? (r.errors as BatchErrorRow["errors"]) : [],
    })),
    errorPage: page,
    errorPageCount,
  };
}

/** Progress of one batch, for polling. */
export async function batchProgress(actor: Actor, batchId: string): Promise<{ status: ImportStatus; written: number; rowCount: number }> {
  const detail = await getBatch(actor, batchId, 1);
  return { status: detail.batch.status, written: detail.written, rowCount: detail.batch.rowCount };
}
