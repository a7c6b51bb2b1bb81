import { z } from "zod";
import { isValidISODate } from "@/lib/rules/client";
import { SHARED_DATA_SOURCES } from "./layouts";
import { ACCEPTED_EXTENSIONS, MAX_FILE_BYTES, UPLOAD_CHUNK_BYTES } from "./upload-limits";

/** The parsed input with keys that may be undefined made optional (for callers other than forms). */
type OptionalUndefined<T> = { [K in keyof T as undefined extends T[K] ? K : never]?: T[K] } & {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
};

// Inputs of the shared-data actions, shared by the upload form (instant feedback) and the server.
// Messages are keys in messages/*.json.

// The limits live in ./upload-limits, which the upload form loads without zod.
export { ACCEPTED_EXTENSIONS, MAX_FILE_BYTES, UPLOAD_CHUNK_BYTES } from "./upload-limits";

export const sourceSchema = z.enum(SHARED_DATA_SOURCES, { error: "sharedData.validation.sourceRequired" });

export const startUploadSchema = z.object({
  source: sourceSchema,
  fileName: z
    .string({ error: "sharedData.validation.fileRequired" })
    .trim()
    .min(1, { error: "sharedData.validation.fileRequired" })
    .max(255, { error: "sharedData.validation.fileNameTooLong" })
    .refine((name) => ACCEPTED_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)), {
      error: "sharedData.validation.fileType",
    }),
  size: z.coerce
    .number({ error: "sharedData.validation.fileRequired" })
    .int({ error: "sharedData.validation.fileRequired" })
    .min(1, { error: "sharedData.validation.fileEmpty" })
    .max(MAX_FILE_BYTES, { error: "sharedData.validation.fileTooLarge" }),
});
export type StartUploadInput = z.output<typeof startUploadSchema>;

const uploadIdSchema = z.string({ error: "sharedData.validation.uploadMissing" }).regex(/^[a-f0-9]{32}$/, {
  error: "sharedData.validation.uploadMissing",
});

export const uploadChunkSchema = z.object({
  uploadId: uploadIdSchema,
  offset: z.coerce.number().int().min(0).max(MAX_FILE_BYTES),
  chunk: z
    .custom<Blob>((v) => typeof Blob !== "undefined" && v instanceof Blob, { error: "sharedData.validation.fileRequired" })
    .refine((b) => b.size > 0 && b.size <= UPLOAD_CHUNK_BYTES, { error: "sharedData.validation.chunkInvalid" }),
});
export type UploadChunkInput = z.output<typeof uploadChunkSchema>;

export const previewUploadSchema = z.object({ uploadId: uploadIdSchema });
export type PreviewUploadInput = z.output<typeof previewUploadSchema>;

export const confirmImportSchema = z.object({
  uploadId: uploadIdSchema,
  asOfDate: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isValidISODate(v), { error: "sharedData.validation.asOfDateInvalid" }),
});
export type ConfirmImportInput = OptionalUndefined<z.output<typeof confirmImportSchema>>;

export const IMPORT_STATUSES = ["PROCESSING", "COMPLETED", "FAILED"] as const;

/** Filters of the batch history (from the query string; anything unknown is ignored). */
export const batchFilterSchema = z.object({
  source: z.enum(SHARED_DATA_SOURCES).optional().catch(undefined),
  status: z.enum(IMPORT_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type BatchFilter = z.output<typeof batchFilterSchema>;
