import { z } from "zod";
import { compareISODate, isValidISODate } from "@/lib/rules/client";

/** The parsed input with keys that may be undefined made optional (for callers other than forms). */
type OptionalUndefined<T> = { [K in keyof T as undefined extends T[K] ? K : never]?: T[K] } & {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
};

// Inputs of the sample-audit and rectification actions (Art. 20); messages are keys in messages/*.json.

export const MAX_SAMPLE_SIZE = 200;

const isoDate = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => isValidISODate(v), { error: message });

export const drawSampleSchema = z
  .object({
    districtCode: z.string({ error: "audits.validation.districtRequired" }).trim().regex(/^\d{6}$/, { error: "audits.validation.districtRequired" }),
    periodStart: isoDate("audits.validation.dateInvalid"),
    periodEnd: isoDate("audits.validation.dateInvalid"),
    sampleSize: z.coerce
      .number({ error: "audits.validation.sampleSizeInvalid" })
      .int({ error: "audits.validation.sampleSizeInvalid" })
      .min(1, { error: "audits.validation.sampleSizeInvalid" })
      .max(MAX_SAMPLE_SIZE, { error: "audits.validation.sampleSizeInvalid" }),
    /** Optional: a seed announced in advance (e.g. at a meeting); otherwise one is generated. */
    seed: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || /^[A-Za-z0-9_-]{8,64}$/.test(v), { error: "audits.validation.seedInvalid" }),
  })
  .refine((v) => !isValidISODate(v.periodStart) || !isValidISODate(v.periodEnd) || compareISODate(v.periodStart, v.periodEnd) <= 0, {
    path: ["periodEnd"],
    error: "audits.validation.periodOrder",
  });
export type DrawSampleInput = OptionalUndefined<z.output<typeof drawSampleSchema>>;

export const recordFindingSchema = z
  .object({
    itemId: z.string().trim().min(1).max(64),
    result: z.enum(["OK", "PROBLEM"], { error: "audits.validation.resultRequired" }),
    finding: z
      .string()
      .trim()
      .max(1000, { error: "audits.validation.textTooLong" })
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .refine((v) => v.result === "OK" || (v.finding?.length ?? 0) >= 4, { path: ["finding"], error: "audits.validation.findingRequired" });
export type RecordFindingInput = OptionalUndefined<z.output<typeof recordFindingSchema>>;

export const completeAuditSchema = z.object({
  auditId: z.string().trim().min(1).max(64),
  summary: z
    .string({ error: "audits.validation.summaryRequired" })
    .trim()
    .min(4, { error: "audits.validation.summaryRequired" })
    .max(2000, { error: "audits.validation.textTooLong" }),
  /** What the district must rectify; required when a sampled decision has a problem. */
  requirement: z
    .string()
    .trim()
    .max(2000, { error: "audits.validation.textTooLong" })
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type CompleteAuditInput = OptionalUndefined<z.output<typeof completeAuditSchema>>;

export const submitReportSchema = z.object({
  rectificationId: z.string().trim().min(1).max(64),
  report: z
    .string({ error: "audits.validation.reportRequired" })
    .trim()
    .min(10, { error: "audits.validation.reportRequired" })
    .max(5000, { error: "audits.validation.textTooLong" }),
  /** A reference to the written report, e.g. its document number (文号). */
  documentRef: z
    .string()
    .trim()
    .max(100, { error: "audits.validation.textTooLong" })
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type SubmitReportInput = OptionalUndefined<z.output<typeof submitReportSchema>>;

export const closeRectificationSchema = z
  .object({
    rectificationId: z.string().trim().min(1).max(64),
    decision: z.enum(["ACCEPT", "REOPEN"], { error: "audits.validation.decisionRequired" }),
    note: z
      .string()
      .trim()
      .max(2000, { error: "audits.validation.textTooLong" })
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .refine((v) => v.decision === "ACCEPT" || (v.note?.length ?? 0) >= 4, { path: ["note"], error: "audits.validation.reopenNoteRequired" });
export type CloseRectificationInput = OptionalUndefined<z.output<typeof closeRectificationSchema>>;

export const RECTIFICATION_VIEWS = ["OPEN", "REPORTED", "ACCEPTED", "OVERDUE", "ALL"] as const;
export type RectificationView = (typeof RECTIFICATION_VIEWS)[number];

export const auditListFilterSchema = z.object({
  district: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  status: z.enum(["IN_PROGRESS", "COMPLETED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  rview: z.enum(RECTIFICATION_VIEWS).optional().catch(undefined),
  rpage: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type AuditListFilter = z.output<typeof auditListFilterSchema>;
