import { z } from "zod";

// Forms of appeals (Art. 19), shared by client forms and server actions. Messages are keys under
// "appeals.validation".

const id = z.string({ error: "appeals.validation.missingId" }).trim().min(1, { error: "appeals.validation.missingId" }).max(64);

export const lodgeAppealSchema = z.object({
  applicationNo: z.string({ error: "appeals.validation.missingId" }).trim().min(1, { error: "appeals.validation.missingId" }).max(40),
  grounds: z
    .string({ error: "appeals.validation.groundsRequired" })
    .trim()
    .min(1, { error: "appeals.validation.groundsRequired", abort: true })
    .min(10, { error: "appeals.validation.groundsTooShort" })
    .max(4000, { error: "appeals.validation.groundsTooLong" }),
  documentId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : null)),
});
export type LodgeAppealInput = z.output<typeof lodgeAppealSchema>;

export const decideAppealSchema = z.object({
  appealId: id,
  decision: z.enum(["UPHELD_REJECTION", "RETURNED_FOR_REVIEW"], { error: "appeals.validation.decisionRequired" }),
  reason: z
    .string({ error: "appeals.validation.reasonRequired" })
    .trim()
    .min(5, { error: "appeals.validation.reasonRequired" })
    .max(4000, { error: "appeals.validation.groundsTooLong" }),
});
export type DecideAppealInput = z.output<typeof decideAppealSchema>;

export const APPEAL_LIST_STATUSES = ["pending", "decided"] as const;

export const appealFilterSchema = z.object({
  status: z.enum(APPEAL_LIST_STATUSES).optional().catch(undefined),
  district: z.string().regex(/^\d{6}$/).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(1),
});
export type AppealFilter = z.output<typeof appealFilterSchema>;
