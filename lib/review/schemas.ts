import { z } from "zod";
import { INELIGIBILITY_ARTICLES, type IneligibilityCode } from "@/lib/rules/client";

// One schema per form, shared by the client forms and the server actions. Messages are message
// keys (namespace "review.validation"); the action wrapper translates them.

/** The stages of the district queue (Art. 19): awaiting acceptance, first review, second review. */
export const QUEUE_STAGES = ["SUBMITTED", "ACCEPTED", "FIRST_REVIEW_PASSED"] as const;
export type QueueStage = (typeof QUEUE_STAGES)[number];

/** The reasons an officer may cite for a refusal: the lib/rules ineligibility codes and their articles. */
export const REFUSAL_CODES = Object.keys(INELIGIBILITY_ARTICLES) as IneligibilityCode[];

const id = z.string({ error: "review.validation.missingId" }).trim().min(1, { error: "review.validation.missingId" }).max(64);

/** A form field that may come as nothing, one string or many (checkboxes). */
function manyOf<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

export const acceptSchema = z.object({ applicationId: id });
export type AcceptInput = z.output<typeof acceptSchema>;

export const returnSchema = z.object({
  applicationId: id,
  reason: z
    .string({ error: "review.validation.returnReasonRequired" })
    .trim()
    .min(5, { error: "review.validation.returnReasonRequired" })
    .max(1000, { error: "review.validation.textTooLong" }),
});
export type ReturnInput = z.output<typeof returnSchema>;

export const reviewDecisionSchema = z
  .object({
    applicationId: id,
    level: z.enum(["FIRST", "SECOND"], { error: "review.validation.levelInvalid" }),
    outcome: z.enum(["PASSED", "REJECTED"], { error: "review.validation.outcomeRequired" }),
    reasonCodes: manyOf(z.enum(REFUSAL_CODES as [IneligibilityCode, ...IneligibilityCode[]], { error: "review.validation.reasonCodeInvalid" })),
    reasonText: z.string().trim().max(2000, { error: "review.validation.textTooLong" }).optional().default(""),
    comment: z.string().trim().max(2000, { error: "review.validation.textTooLong" }).optional().default(""),
  })
  .superRefine((data, ctx) => {
    if (data.outcome !== "REJECTED") return;
    // Art. 19: a refusal tells the applicant the reasons; they must cite the articles relied on.
    if (data.reasonCodes.length === 0) {
      ctx.addIssue({ code: "custom", path: ["reasonCodes"], message: "review.validation.reasonCodesRequired" });
    }
    if (data.reasonText.length < 5) {
      ctx.addIssue({ code: "custom", path: ["reasonText"], message: "review.validation.reasonTextRequired" });
    }
  });
export type ReviewDecisionInput = z.output<typeof reviewDecisionSchema>;

const flag = z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean());

/** The queue's search parameters; anything malformed is dropped, never an error page. */
export const queueFilterSchema = z.object({
  stage: z.enum(QUEUE_STAGES).optional().catch(undefined),
  overdue: flag.optional().catch(false),
  level: z.enum(["MUNICIPAL", "DISTRICT"]).optional().catch(undefined),
  priority: z.enum(["yes", "no"]).optional().catch(undefined),
  district: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  /** A search by resident ID, sealed (lib/search/resident-search-token.ts): the number itself never rides in the address. */
  idq: z.string().regex(/^[A-Za-z0-9_-]{40,200}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(1),
});
export type QueueFilter = z.output<typeof queueFilterSchema>;

/** First value of a Next searchParams entry. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseSearchParams<S extends z.ZodType>(schema: S, params: Record<string, string | string[] | undefined>): z.output<S> {
  const flat: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(params)) {
    const first = firstParam(v);
    if (first !== undefined && first !== "") flat[k] = first;
  }
  const parsed = schema.safeParse(flat);
  return (parsed.success ? parsed.data : schema.parse({})) as z.output<S>;
}
