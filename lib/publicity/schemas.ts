import { z } from "zod";
import { phoneSchema } from "@/lib/auth/schemas";

// Forms of publicity and objections (Art. 19), shared by client forms and server actions.
// Messages are keys under "publicity.validation".

/** Art. 19: a district publicises a month's decisions at once, up to 10,000 households a batch. */
export const MAX_BATCH_SIZE = 10_000;

const id = z.string({ error: "publicity.validation.missingId" }).trim().min(1, { error: "publicity.validation.missingId" }).max(64);

function manyOf<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

export const publishBatchSchema = z
  .object({
    districtCode: z.string({ error: "publicity.validation.districtRequired" }).regex(/^\d{6}$/, { error: "publicity.validation.districtRequired" }),
    /** The applications ticked, or "all" of the district's awaiting publicity as shown to the officer. */
    scope: z.enum(["selected", "all"]).optional().default("selected"),
    applicationIds: manyOf(id).pipe(z.array(z.string()).max(MAX_BATCH_SIZE, { error: "publicity.validation.tooMany" })),
    /** With "all": how many the officer was shown, and when they were counted. */
    expectedCount: z.coerce.number().int().min(1).max(MAX_BATCH_SIZE).optional(),
    asOf: z.coerce.date().optional(),
    title: z.string().trim().max(100, { error: "publicity.validation.titleTooLong" }).optional().default(""),
  })
  .superRefine((data, ctx) => {
    if (data.scope === "selected" && data.applicationIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["applicationIds"], message: "publicity.validation.selectApplications" });
    }
    if (data.scope === "all" && (data.expectedCount === undefined || data.asOf === undefined || Number.isNaN(data.asOf.getTime()))) {
      ctx.addIssue({ code: "custom", path: ["applicationIds"], message: "publicity.validation.selectApplications" });
    }
  });
/** What the form sends, as the service takes it (a caller in code may leave out the scope: "selected"). */
export type PublishBatchInput = Omit<z.output<typeof publishBatchSchema>, "scope"> & { scope?: "selected" | "all" };

export const objectionSchema = z.object({
  entryId: id,
  contactName: z
    .string({ error: "publicity.validation.contactNameRequired" })
    .trim()
    .min(1, { error: "publicity.validation.contactNameRequired" })
    .max(50, { error: "publicity.validation.contactNameTooLong" }),
  contactPhone: phoneSchema,
  content: z
    .string({ error: "publicity.validation.contentRequired" })
    .trim()
    .min(1, { error: "publicity.validation.contentRequired", abort: true })
    .min(10, { error: "publicity.validation.contentTooShort" })
    .max(2000, { error: "publicity.validation.contentTooLong" }),
});
export type ObjectionInput = z.output<typeof objectionSchema>;

export const investigateSchema = z.object({ objectionId: id });
export type InvestigateInput = z.output<typeof investigateSchema>;

export const objectionOutcomeSchema = z.object({
  objectionId: id,
  outcome: z.enum(["UPHELD", "NOT_UPHELD"], { error: "publicity.validation.outcomeRequired" }),
  findings: z
    .string({ error: "publicity.validation.findingsRequired" })
    .trim()
    .min(5, { error: "publicity.validation.findingsRequired" })
    .max(2000, { error: "publicity.validation.contentTooLong" }),
});
export type ObjectionOutcomeInput = z.output<typeof objectionOutcomeSchema>;

export const batchListFilterSchema = z.object({
  district: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(1),
});
export type BatchListFilter = z.output<typeof batchListFilterSchema>;
