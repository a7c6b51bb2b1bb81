import { z } from "zod";
import { isValidISODate } from "@/lib/rules/dates";
import { REPAIR_CATEGORY_VALUES } from "./schemas";

// Inputs of inspections (Art. 35, 43), shared by the forms, the services and the actions. Messages
// are keys under "inspections.validation". Pure: the browser loads it when a form is first used.

const V = "inspections.validation.";
const id = z.string({ error: `${V}missingId` }).trim().min(1, { error: `${V}missingId` }).max(64, { error: `${V}missingId` });
const date = (key: string) => z.string({ error: `${V}${key}` }).trim().refine(isValidISODate, { error: `${V}${key}` });

/** How an inspection is made: a patrol of the common parts (Art. 35) or a check of use (Art. 43). */
export const INSPECTION_METHOD_VALUES = ["PATROL", "HOME_VISIT", "JOINT_CHECK", "COMMUNITY_REPORT", "SMART_ACCESS_DATA"] as const;
export const INSPECTION_STATUS_VALUES = ["SCHEDULED", "DONE", "CANCELLED"] as const;

export const scheduleInspectionSchema = z.object({
  estateId: id,
  method: z.enum(INSPECTION_METHOD_VALUES, { error: `${V}methodRequired` }),
  scheduledOn: date("scheduledOnInvalid"),
  /** The lease of the home to visit (a home visit needs one; a patrol has none). */
  leaseNo: z
    .string()
    .trim()
    .max(40, { error: `${V}leaseNoInvalid` })
    .optional()
    .transform((v) => (v ? v.toUpperCase() : undefined)),
});
export type ScheduleInspectionInput = z.input<typeof scheduleInspectionSchema>;

/** A checkbox: "on" (or true) when ticked, absent when not. */
const yes = z
  .union([z.string().max(10), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

/** The findings; with `raiseRepair`, a repair request for what was found (Art. 35: 及时组织维修). */
export const recordInspectionSchema = z
  .object({
    inspectionId: id,
    inspectedOn: date("inspectedOnInvalid"),
    findings: z.string({ error: `${V}findingsRequired` }).trim().min(2, { error: `${V}findingsRequired` }).max(2000, { error: `${V}findingsTooLong` }),
    hasIssues: yes,
    raiseRepair: yes,
    repairCategory: z.enum(REPAIR_CATEGORY_VALUES, { error: `${V}repairCategoryRequired` }).optional().or(z.literal("").transform(() => undefined)),
    repairDescription: z.string().trim().max(500, { error: `${V}repairDescriptionTooLong` }).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.raiseRepair) return;
    if (!v.repairCategory) ctx.addIssue({ code: "custom", path: ["repairCategory"], message: `${V}repairCategoryRequired` });
    if (!v.repairDescription || v.repairDescription.length < 5) ctx.addIssue({ code: "custom", path: ["repairDescription"], message: `${V}repairDescriptionRequired` });
  });
export type RecordInspectionInput = z.input<typeof recordInspectionSchema>;

export const inspectionStepSchema = z.object({ inspectionId: id });

export const inspectionListQuerySchema = z.object({
  status: z.enum(INSPECTION_STATUS_VALUES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
