import { z } from "zod";

// Inputs of change reports (Art. 42), shared by the forms and the services. Messages are keys under
// "changes.validation".

const V = "changes.validation.";
const id = z.string({ error: `${V}missingId` }).trim().min(1, { error: `${V}missingId` }).max(64, { error: `${V}missingId` });
const text = (key: string, max: number) => z.string({ error: `${V}${key}` }).trim().min(1, { error: `${V}${key}` }).max(max, { error: `${V}tooLong` });

/** What changed (Art. 42: work, income, housing or household; the data model's ChangeKind). */
export const CHANGE_KINDS = ["WORK", "INCOME", "HOUSING", "HOUSEHOLD"] as const;

export const reportChangeSchema = z.object({
  leaseId: id,
  kind: z.enum(CHANGE_KINDS, { error: `${V}kindRequired` }),
  description: text("descriptionRequired", 2000),
  formKey: z.string({ error: `${V}formKeyMissing` }).trim().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: `${V}formKeyMissing` }),
});
export type ReportChangeInput = z.input<typeof reportChangeSchema>;

export const reviewChangeSchema = z.object({ reportId: id, outcome: text("outcomeRequired", 1000) });
export type ReviewChangeInput = z.input<typeof reviewChangeSchema>;
