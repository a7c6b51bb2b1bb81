import { z } from "zod";
import { isValidISODate } from "@/lib/rules/dates";

/** The parsed input with keys that may be undefined made optional (for callers other than forms). */
type OptionalUndefined<T> = { [K in keyof T as undefined extends T[K] ? K : never]?: T[K] } & {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
};

// Inputs of the re-check actions and list filters (messages are keys in messages/*.json).

const recheckId = z.string({ error: "rechecks.validation.recheckMissing" }).trim().min(1, { error: "rechecks.validation.recheckMissing" }).max(64);

export const confirmCancellationSchema = z.object({
  recheckId,
  /** Optional words added to the reasons the applicant receives. */
  note: z
    .string()
    .trim()
    .max(500, { error: "rechecks.validation.noteTooLong" })
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type ConfirmCancellationInput = OptionalUndefined<z.output<typeof confirmCancellationSchema>>;

export const dismissRecheckSchema = z.object({
  recheckId,
  reason: z
    .string({ error: "rechecks.validation.reasonRequired" })
    .trim()
    .min(4, { error: "rechecks.validation.reasonRequired" })
    .max(500, { error: "rechecks.validation.noteTooLong" }),
});
export type DismissRecheckInput = z.output<typeof dismissRecheckSchema>;

/** What an annual check covers: qualifications (Art. 20) or tenancies (Art. 42). */
export const RECHECK_KINDS = ["QUALIFICATION", "TENANCY"] as const;
export type RecheckKindName = (typeof RECHECK_KINDS)[number];

export const runRecheckSchema = z.object({ kind: z.enum(RECHECK_KINDS).optional().catch(undefined) });

/**
 * The officer confirms a tenancy check that failed (Art. 42): the tenancy is ended with the order
 * to leave by `deadline` (Art. 41), with or without the 3-month transition (Art. 38).
 */
export const confirmTenancyEndSchema = z.object({
  recheckId,
  deadline: z.string({ error: "rechecks.validation.deadlineInvalid" }).trim().refine(isValidISODate, { error: "rechecks.validation.deadlineInvalid" }),
  transitionGranted: z
    .union([z.literal("on"), z.literal("true"), z.literal(true), z.literal(""), z.literal(false), z.null()])
    .optional()
    .transform((v) => v === "on" || v === "true" || v === true),
  note: confirmCancellationSchema.shape.note,
});
export type ConfirmTenancyEndInput = z.input<typeof confirmTenancyEndSchema>;

/** List filters: PENDING awaits an officer; CANCELLED / DISMISSED were decided; PASSED passed on its own. */
export const RECHECK_VIEWS = ["PENDING", "CANCELLED", "DISMISSED", "PASSED", "ALL"] as const;
export type RecheckView = (typeof RECHECK_VIEWS)[number];

export const recheckFilterSchema = z.object({
  kind: z.enum(RECHECK_KINDS).optional().catch(undefined),
  view: z.enum(RECHECK_VIEWS).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type RecheckFilter = z.output<typeof recheckFilterSchema>;
