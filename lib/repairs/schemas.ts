import { z } from "zod";

// Inputs of repair requests (Art. 35), shared by the forms, the services and the actions. Messages
// are keys under "repairs.validation". Pure: the browser loads it when a form is first used.

const V = "repairs.validation.";
const id = z.string({ error: `${V}missingId` }).trim().min(1, { error: `${V}missingId` }).max(64, { error: `${V}missingId` });
const text = (min: number, max: number, key: string) =>
  z.string({ error: `${V}${key}Required` }).trim().min(min, { error: `${V}${key}${min > 1 ? "TooShort" : "Required"}` }).max(max, { error: `${V}${key}TooLong` });
const optionalText = (max: number, key: string) =>
  z
    .string({ error: `${V}${key}TooLong` })
    .trim()
    .max(max, { error: `${V}${key}TooLong` })
    .optional()
    .transform((v) => (v ? v : undefined));

export const REPAIR_CATEGORY_VALUES = ["COMMON_PARTS", "UNIT_STRUCTURE", "UNIT_FIXTURE", "CONSUMABLE"] as const;
export const REPAIR_URGENCY_VALUES = ["NORMAL", "EMERGENCY"] as const;
export const REPAIR_STATUS_VALUES = ["OPEN", "ASSIGNED", "IN_PROGRESS", "COMPLETED", "CLOSED", "CANCELLED"] as const;

/** At most this many photos with one request. */
export const MAX_REPAIR_PHOTOS = 4;
export const MAX_DESCRIPTION_CHARS = 500;

/** The tenant files a request; `formKey` makes a form sent twice file it once. */
export const submitRepairSchema = z.object({
  category: z.enum(REPAIR_CATEGORY_VALUES, { error: `${V}categoryRequired` }),
  urgency: z.enum(REPAIR_URGENCY_VALUES, { error: `${V}urgencyInvalid` }).default("NORMAL"),
  description: text(5, MAX_DESCRIPTION_CHARS, "description"),
  preferredVisit: optionalText(100, "preferredVisit"),
  formKey: z.string({ error: `${V}formKeyMissing` }).trim().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: `${V}formKeyMissing` }),
});
export type SubmitRepairInput = z.input<typeof submitRepairSchema>;

export const repairStepSchema = z.object({ requestId: id });
export type RepairStepInput = z.input<typeof repairStepSchema>;

/** An officer sends a repair team or person; the note stays with the officers. */
export const assignRepairSchema = z.object({
  requestId: id,
  assignee: text(2, 60, "assignee"),
  internalNote: optionalText(500, "internalNote"),
});
export type AssignRepairInput = z.input<typeof assignRepairSchema>;

/** The work is done: what was done is shown to the tenant, the note is not. */
export const completeRepairSchema = z.object({
  requestId: id,
  resolution: text(2, 500, "resolution"),
  internalNote: optionalText(500, "internalNote"),
});
export type CompleteRepairInput = z.input<typeof completeRepairSchema>;

export const cancelRepairSchema = z.object({ requestId: id, reason: optionalText(200, "reason") });
export type CancelRepairInput = z.input<typeof cancelRepairSchema>;

export const repairListQuerySchema = z.object({
  q: z.string().trim().max(64).optional().catch(undefined),
  status: z.enum(REPAIR_STATUS_VALUES).optional().catch(undefined),
  category: z.enum(REPAIR_CATEGORY_VALUES).optional().catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type RepairListQuery = z.output<typeof repairListQuerySchema>;
