import { z } from "zod";
import { parsePercentBp } from "@/lib/money/parse";
import { isValidISODate } from "@/lib/rules/dates";

// Inputs of allocation plans (配租方案, Art. 23). Messages are keys under "allocation.validation".

const V = "allocation.validation.";
const id = z.string({ error: `${V}missingId` }).trim().min(1, { error: `${V}missingId` }).max(64, { error: `${V}missingId` });
const date = (key: string) => z.string({ error: `${V}${key}` }).trim().refine(isValidISODate, { error: `${V}${key}` });
const optionalDate = (key: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isValidISODate(v), { error: `${V}${key}` });
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

export const ALLOCATION_METHODS = ["LOTTERY", "WAITING_LIST"] as const;

export const createPlanSchema = z
  .object({
    estateId: id,
    title: z.string({ error: `${V}titleRequired` }).trim().min(4, { error: `${V}titleRequired` }).max(100, { error: `${V}titleTooLong` }),
    method: z.enum(ALLOCATION_METHODS, { error: `${V}methodRequired` }),
    description: z
      .string()
      .trim()
      .max(2000, { error: `${V}descriptionTooLong` })
      .optional()
      .transform((v) => (v ? v : null)),
    /** The units the plan offers: vacant units of the estate. */
    unitIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(id).min(1, { error: `${V}unitsRequired` }).max(5000, { error: `${V}tooManyUnits` })),
    // Lottery plans: the application period that forms the pools, the priority share, the beacon's source.
    applicationPeriodStart: optionalDate("dateInvalid"),
    applicationPeriodEnd: optionalDate("dateInvalid"),
    /** Typed as a percentage (0-100, at most two decimals), kept in basis points. */
    prioritySharePercent: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return 0;
        const bp = parsePercentBp(v);
        if (!bp.ok) {
          ctx.addIssue({ code: "custom", message: `${V}priorityPercentInvalid` });
          return z.NEVER;
        }
        return bp.value;
      }),
    beaconSource: z
      .string()
      .trim()
      .max(500, { error: `${V}beaconSourceTooLong` })
      .regex(NO_CONTROL_CHARACTERS, { error: `${V}beaconSourceInvalid` })
      .optional()
      .transform((v) => (v ? v : null)),
    freezeDate: optionalDate("dateInvalid"),
    drawDate: optionalDate("dateInvalid"),
    selectionStartDate: date("selectionDatesRequired"),
    selectionEndDate: date("selectionDatesRequired"),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, key: string) => ctx.addIssue({ code: "custom", path: [path], message: `${V}${key}` });
    if (p.method === "LOTTERY") {
      // Art. 23: lottery pools are by application period; the draw's beacon is named in advance.
      if (!p.applicationPeriodStart) issue("applicationPeriodStart", "periodRequired");
      if (!p.applicationPeriodEnd) issue("applicationPeriodEnd", "periodRequired");
      if (!p.beaconSource || p.beaconSource.length < 4) issue("beaconSource", "beaconSourceRequired");
      if (!p.freezeDate) issue("freezeDate", "freezeDateRequired");
      if (!p.drawDate) issue("drawDate", "drawDateRequired");
    }
    if (p.applicationPeriodStart && p.applicationPeriodEnd && p.applicationPeriodStart > p.applicationPeriodEnd) issue("applicationPeriodEnd", "periodOrder");
    // The dates follow one another: period, freezing, drawing, selection.
    if (p.applicationPeriodEnd && p.freezeDate && p.freezeDate <= p.applicationPeriodEnd) issue("freezeDate", "freezeAfterPeriod");
    if (p.freezeDate && p.drawDate && p.drawDate < p.freezeDate) issue("drawDate", "drawAfterFreeze");
    if (p.drawDate && p.selectionStartDate < p.drawDate) issue("selectionStartDate", "selectionAfterDraw");
    if (p.selectionEndDate < p.selectionStartDate) issue("selectionEndDate", "selectionOrder");
  })
  .transform(({ prioritySharePercent, ...rest }) => ({ ...rest, priorityShareBp: prioritySharePercent }));
export type CreatePlanInput = z.output<typeof createPlanSchema>;

export const planStepSchema = z.object({ planId: id });
export type PlanStepInput = z.output<typeof planStepSchema>;

export const withdrawPlanSchema = z.object({
  planId: id,
  /** Shown on the plan's public page. */
  reason: z.string({ error: `${V}withdrawReasonRequired` }).trim().min(4, { error: `${V}withdrawReasonRequired` }).max(500, { error: `${V}reasonTooLong` }),
});
export type WithdrawPlanInput = z.output<typeof withdrawPlanSchema>;

export const planFilterSchema = z.object({
  status: z.enum(["DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED", "WITHDRAWN", "COMPLETED", "CANCELLED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type PlanFilter = z.output<typeof planFilterSchema>;
