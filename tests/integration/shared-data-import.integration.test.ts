// Shared-data import (Art. 17-18): preview writes nothing, confirm + process writes every row
// (errors kept and listed), re-runs are idempotent, large files go in chunks and resume after an
// interruption; and who may do what.
import { beforeEach, describe, expect, it } from "vitest";
import {
  appendUploadChunk,
  confirmImport,
  getBatch,
  listBatches,
  previewUpload,
  processBatch,
  resumeImports,
  startUpload,
} from "@/lib/shared-data/import-service";
import { startUploadSchema } from "@/lib/shared-data/schemas";
import { sha256Hex } from "@/lib/documents/storage";
import { createCast, csv, importFile, uploadAndPreview, type Cast } from "../fixtures/shared-data/factories";
import { expectAppError } from "../support/app-errors";
import { freshResidentId, withWrongCheckChar } from "../support/resident-id";
import { prisma, seedDistricts, truncateAll } from "./db";

const TAX_HEADERS = ["身份证号", "姓名", "纳税年度", "年收入(元)"];
let cast: Cast;

beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  cast = await createCast();
});

describe("preview and commit", () => {
  it("a preview checks every row and writes nothing; confirming writes valid and invalid rows", async () => {
    const good = freshResidentId();
    const other = freshResidentId();
    const bytes = csv(TAX_HEADERS, [
      [good, "张伟", 2025, "68000.00"],
      [withWrongCheckChar(freshResidentId()), "王五", 2025, "1000"],
      [other, "李娜", 2025, "1234.567"],
      ["", "", "", ""],
      [freshResidentId(), "赵六", 2025, "1234.5"],
    ], { bom: true });
    const preview = await uploadAndPreview(cast.yz, "TAX", bytes, "tax.csv");
    expect(preview).toMatchObject({ refusal: null, totalRows: 4, validRows: 2, errorRows: 2, emptyRows: 1, encoding: "utf-8", kind: "csv", duplicateBatch: null });
    expect(preview.sampleRows[0]).toMatchObject({ rowNo: 1, maskedResidentId: `${good.slice(0, 6)}********${good.slice(-4)}`, fields: { name: "张伟", year: 2025, annualIncomeFen: 6_800_000 } });
    expect(preview.sampleRows[0]!.fields).not.toHaveProperty("residentId");
    expect(preview.errorSample.map((r) => [r.rowNo, r.errors.map((e) => e.code)])).toEqual([
      [2, ["INVALID_RESIDENT_ID"]],
      [3, ["TOO_MANY_DECIMALS"]],
    ]);
    expect(await prisma.sharedDataImportBatch.count()).toBe(0);
    expect(await prisma.sharedDataRecord.count()).toBe(0);

    const { batchId, rowCount, errorCount } = await confirmImport(cast.yz, { uploadId: preview.uploadId, asOfDate: "2026-06-30" });
    expect({ rowCount, errorCount }).toEqual({ rowCount: 4, errorCount: 2 });
    const before = await getBatch(cast.yz, batchId);
    expect(before.batch.status).toBe("PROCESSING");
    expect(before.written).toBe(0);

    expect(await processBatch(batchId)).toEqual({ status: "COMPLETED", written: 4, total: 4 });
    const after = await getBatch(cast.yz, batchId);
    expect(after.batch).toMatchObject({ status: "COMPLETED", rowCount: 4, errorCount: 2 });
    expect(after.written).toBe(4);
    expect(after.errors.map((e) => e.rowNo)).toEqual([2, 3]);
    expect(after.errors[1]!.errors[0]).toMatchObject({ field: "年收入(元)", code: "TOO_MANY_DECIMALS", message: "年收入(元)：金额最多保留两位小数（精确到分）" });
    const stored = await prisma.sharedDataRecord.findMany({ where: { batchId }, orderBy: { rowNo: "asc" }, select: { rowNo: true, residentId: true, source: true, fields: true } });
    expect(stored.map((r) => r.rowNo)).toEqual([1, 2, 3, 5]);
    expect(stored[0]).toMatchObject({ residentId: good, source: "TAX", fields: { annualIncomeFen: 6_800_000 } });
    expect(stored[1]!.residentId).toBeNull();
    // The uploaded file is not kept once its rows are in.
    const audit = await prisma.auditLog.findMany({ where: { entityId: batchId }, select: { action: true, data: true }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["sharedData.import.start", "sharedData.import.complete"]);
    expect(JSON.stringify(audit)).not.toContain(good);
  });

  it("refuses a file missing a required column as a whole, and files that are not tables", async () => {
    const preview = await uploadAndPreview(cast.yz, "TAX", csv(["身份证号", "姓名", "纳税年度"], [[freshResidentId(), "张伟", 2025]]));
    expect(preview.refusal).toEqual({ code: "MISSING_COLUMNS" });
    expect(preview.missingColumns).toEqual(["年收入(元)"]);
    await expectAppError(confirmImport(cast.yz, { uploadId: preview.uploadId }), "VALIDATION", "sharedData.refusal.MISSING_COLUMNS");
    expect(await prisma.sharedDataImportBatch.count()).toBe(0);

    const xls = await uploadAndPreview(cast.yz, "TAX", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "old.xls.csv");
    expect(xls.refusal?.code).toBe("LEGACY_XLS");
    const headersOnly = await uploadAndPreview(cast.yz, "TAX", csv(TAX_HEADERS, []));
    expect(headersOnly.refusal?.code).toBe("NO_DATA_ROWS");
  });

  it("an upload goes in order, only to its owner, and only up to its declared size", async () => {
    const bytes = csv(TAX_HEADERS, [[freshResidentId(), "张伟", 2025, "1"]]);
    const { uploadId } = await startUpload(cast.yz, { source: "TAX", fileName: "t.csv", size: bytes.length });
    await expectAppError(appendUploadChunk(cast.yz, { uploadId, offset: 10, chunk: new Blob([bytes.slice(10)]) }), "CONFLICT");
    await expectAppError(appendUploadChunk(cast.yz2, { uploadId, offset: 0, chunk: new Blob([bytes]) }), "NOT_FOUND");
    await expectAppError(appendUploadChunk(cast.yz, { uploadId, offset: 0, chunk: new Blob([bytes, new Uint8Array(5)]) }), "CONFLICT");
    await expectAppError(previewUpload(cast.yz, { uploadId }), "VALIDATION", "sharedData.errors.uploadIncomplete");
    expect(await appendUploadChunk(cast.yz, { uploadId, offset: 0, chunk: new Blob([bytes.slice(0, 20)]) })).toEqual({ received: 20, complete: false });
    // A retried chunk is written again at its offset.
    await appendUploadChunk(cast.yz, { uploadId, offset: 0, chunk: new Blob([bytes.slice(0, 20)]) });
    expect(await appendUploadChunk(cast.yz, { uploadId, offset: 20, chunk: new Blob([bytes.slice(20)]) })).toEqual({ received: bytes.length, complete: true });
    await expectAppError(previewUpload(cast.yz2, { uploadId }), "NOT_FOUND");
    expect((await previewUpload(cast.yz, { uploadId })).validRows).toBe(1);
  });

  it("states the 20 MB limit and the accepted types clearly", () => {
    const tooBig = startUploadSchema.safeParse({ source: "TAX", fileName: "a.csv", size: 20 * 1024 * 1024 + 1 });
    expect(tooBig.success).toBe(false);
    expect(tooBig.error?.issues[0]?.message).toBe("sharedData.validation.fileTooLarge");
    const pdf = startUploadSchema.safeParse({ source: "TAX", fileName: "a.pdf", size: 10 });
    expect(pdf.error?.issues[0]?.message).toBe("sharedData.validation.fileType");
    expect(startUploadSchema.safeParse({ source: "BANK", fileName: "a.csv", size: 10 }).error?.issues[0]?.message).toBe("sharedData.validation.sourceRequired");
  });
});

describe("idempotence and resumption", () => {
  it("keeps uploads in the database, confirmed once when confirmed five times at once, and keeps no file after the import", async () => {
    const residentId = freshResidentId();
    const bytes = csv(TAX_HEADERS, [[residentId, "赵六", 2025, "300"]]);
    const preview = await uploadAndPreview(cast.yz, "TAX", bytes);
    // Every server sees the chunks: they are rows, not a file on one server's disk; encrypted (decision 037).
    const chunks = await prisma.sharedDataUploadChunk.findMany({ where: { uploadId: preview.uploadId } });
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(Buffer.from(chunk.bytes).includes(Buffer.from(residentId))).toBe(false);
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => confirmImport(cast.yz, { uploadId: preview.uploadId })));
    const confirmed = outcomes.filter((o) => o.status === "fulfilled");
    expect(confirmed).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "NOT_FOUND", messageKey: "sharedData.errors.uploadNotFound" });
    const { batchId } = (confirmed[0] as PromiseFulfilledResult<{ batchId: string }>).value;
    expect(await prisma.sharedDataImportBatch.count({ where: { sha256: sha256Hex(bytes) } })).toBe(1);
    // The upload is gone with the confirmation; the batch's file with the import.
    expect(await prisma.sharedDataUpload.count({ where: { id: preview.uploadId } })).toBe(0);
    expect(await prisma.sharedDataUploadChunk.count({ where: { uploadId: preview.uploadId } })).toBe(0);
    const file = await prisma.sharedDataBatchFile.findUniqueOrThrow({ where: { batchId } });
    expect(Buffer.from(file.bytes).includes(Buffer.from(residentId))).toBe(false);
    expect(await processBatch(batchId)).toMatchObject({ status: "COMPLETED", written: 1 });
    expect(await prisma.sharedDataBatchFile.count({ where: { batchId } })).toBe(0);
  });

  it("processing a batch again writes nothing twice; the same file cannot be imported twice", async () => {
    const bytes = csv(TAX_HEADERS, [[freshResidentId(), "张伟", 2025, "100"], [freshResidentId(), "李娜", 2025, "200"]]);
    const batchId = await importFile(cast.yz, "TAX", bytes);
    expect(await processBatch(batchId)).toMatchObject({ status: "COMPLETED", written: 0 });
    expect(await prisma.sharedDataRecord.count({ where: { batchId } })).toBe(2);

    const again = await uploadAndPreview(cast.spb, "TAX", bytes);
    expect(again.duplicateBatch?.id).toBe(batchId);
    await expectAppError(confirmImport(cast.spb, { uploadId: again.uploadId }), "CONFLICT", "sharedData.errors.alreadyImported");
    // The same bytes as another source are a different import.
    const asSocial = await uploadAndPreview(cast.yz, "SOCIAL_INSURANCE", bytes);
    expect(asSocial.duplicateBatch).toBeNull();
    // A confirmed upload cannot be confirmed again.
    const fresh = await uploadAndPreview(cast.yz, "TAX", csv(TAX_HEADERS, [[freshResidentId(), "王五", 2025, "1"]]));
    await confirmImport(cast.yz, { uploadId: fresh.uploadId });
    await expectAppError(confirmImport(cast.yz, { uploadId: fresh.uploadId }), "NOT_FOUND", "sharedData.errors.uploadNotFound");
  });

  it("imports 20,000 rows in chunks with progress, and resumes after an interruption", async () => {
    const rows: Array<Array<string | number>> = [];
    for (let i = 0; i < 20_000; i++) {
      rows.push([i % 1000 === 999 ? "123" : freshResidentId(), `居民${i}`, 2025, `${(i * 37) % 100000}.${String(i % 100).padStart(2, "0")}`]);
    }
    const bytes = csv(TAX_HEADERS, rows);
    expect(bytes.length).toBeGreaterThan(512 * 1024); // several upload chunks
    const preview = await uploadAndPreview(cast.city, "TAX", bytes, "big.csv");
    expect(preview).toMatchObject({ totalRows: 20_000, errorRows: 20, validRows: 19_980 });
    expect(preview.sampleRows).toHaveLength(20);
    const { batchId } = await confirmImport(cast.city, { uploadId: preview.uploadId });

    // The process stops after three chunks (as if the server restarted).
    const seen: number[] = [];
    await expect(
      processBatch(batchId, {
        chunkRows: 2000,
        onChunk: (written) => {
          seen.push(written);
          if (seen.length === 3) throw new Error("server stopped");
        },
      }),
    ).rejects.toThrow("server stopped");
    expect(seen).toEqual([2000, 4000, 6000]);
    const midway = await getBatch(cast.city, batchId);
    expect(midway.batch.status).toBe("PROCESSING");
    expect(midway.written).toBe(6000);

    // The job picks it up and finishes from row 6,001 on.
    expect(await resumeImports()).toMatch(/^1 imported/);
    const done = await getBatch(cast.city, batchId);
    expect(done.batch).toMatchObject({ status: "COMPLETED", rowCount: 20_000, errorCount: 20 });
    expect(done.written).toBe(20_000);
    const distinct = await prisma.sharedDataRecord.groupBy({ by: ["rowNo"], where: { batchId }, _count: true, having: { rowNo: { _count: { gt: 1 } } } });
    expect(distinct).toEqual([]);
    const last = await prisma.sharedDataRecord.findUnique({ where: { batchId_rowNo: { batchId, rowNo: 20_000 } }, select: { fields: true } });
    expect(last?.fields).toMatchObject({ name: "居民19999", annualIncomeFen: Number(`${(19_999 * 37) % 100000}99`) });
    expect(done.errors).toHaveLength(20);
    expect(done.errorPageCount).toBe(1);
  });

  it("a batch whose file is gone fails cleanly", async () => {
    const preview = await uploadAndPreview(cast.yz, "TAX", csv(TAX_HEADERS, [[freshResidentId(), "张伟", 2025, "1"]]));
    const { batchId } = await confirmImport(cast.yz, { uploadId: preview.uploadId });
    await prisma.sharedDataBatchFile.delete({ where: { batchId } });
    expect((await processBatch(batchId)).status).toBe("FAILED");
    expect((await getBatch(cast.yz, batchId)).batch.status).toBe("FAILED");
    // A failed import does not block importing the file again.
    const again = await uploadAndPreview(cast.yz, "TAX", csv(TAX_HEADERS, [[freshResidentId(), "张伟", 2025, "1"]]));
    expect(again.duplicateBatch).toBeNull();
  });
});

describe("permissions", () => {
  const bytes = () => csv(TAX_HEADERS, [[freshResidentId(), "张伟", 2025, "1"]]);

  it("applicants and administrators may not import", async () => {
    for (const actor of [cast.applicant, cast.admin]) {
      await expectAppError(startUpload(actor, { source: "TAX", fileName: "a.csv", size: 10 }), "FORBIDDEN");
      await expectAppError(listBatches(actor, {}), "FORBIDDEN");
    }
    const preview = await uploadAndPreview(cast.yz, "TAX", bytes());
    await expectAppError(previewUpload(cast.applicant, { uploadId: preview.uploadId }), "FORBIDDEN");
    await expectAppError(confirmImport(cast.applicant, { uploadId: preview.uploadId }), "FORBIDDEN");
  });

  it("district officers see their district's batches; municipal officers all", async () => {
    const yzBatch = await importFile(cast.yz, "TAX", bytes());
    const spbBatch = await importFile(cast.spb, "TAX", bytes());
    const cityBatch = await importFile(cast.city, "TAX", bytes());
    expect((await listBatches(cast.yz, {})).items.map((b) => b.id)).toEqual([yzBatch]);
    expect((await listBatches(cast.yz2, {})).items.map((b) => b.id)).toEqual([yzBatch]);
    expect((await listBatches(cast.spb, {})).items.map((b) => b.id)).toEqual([spbBatch]);
    expect((await listBatches(cast.city, {})).total).toBe(3);
    expect((await listBatches(cast.city, { status: "FAILED" })).total).toBe(0);
    expect((await listBatches(cast.city, { source: "TAX", page: 9 })).page).toBe(1);
    await expectAppError(getBatch(cast.yz, spbBatch), "NOT_FOUND");
    await expectAppError(getBatch(cast.yz, cityBatch), "NOT_FOUND");
    expect((await getBatch(cast.city, yzBatch)).batch.id).toBe(yzBatch);
    await expectAppError(getBatch(cast.applicant, yzBatch), "FORBIDDEN");
  });
});
