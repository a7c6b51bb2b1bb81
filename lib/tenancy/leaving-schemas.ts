import { z } from "zod";
import { isValidISODate } from "@/lib/rules/dates";
import { VACATE_GROUNDS } from "@/lib/rules/leaving";

// Inputs of violations, vacate orders and moving out (Art. 31, 38-41), shared by the forms and the
// services. Messages are keys under "leaving.validation".

const V = "leaving.validation.";
const id = z.string({ error: `${V}missingId` }).trim().min(1, { error: `${V}missingId` }).max(64, { error: `${V}missingId` });
const date = (key: string) => z.string({ error: `${V}${key}` }).trim().refine(isValidISODate, { error: `${V}${key}` });
const text = (required: string, max: number) =>
  z.string({ error: `${V}${required}` }).trim().min(1, { error: `${V}${required}` }).max(max, { error: `${V}tooLong` });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${V}tooLong` })
    .nullish()
    .transform((v) => (v ? v : null));
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(true), z.literal(""), z.literal(false), z.null()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

/** The forbidden conduct of Art. 31 (the data model's ViolationKind). */
export const VIOLATION_KINDS = ["FALSE_INFORMATION", "SUBLET_OR_LEND", "ALTER_STRUCTURE", "CHANGE_OF_USE", "VACANT_SIX_MONTHS", "ILLEGAL_ACTIVITY"] as const;

export const recordViolationSchema = z.object({
  leaseId: id,
  kind: z.enum(VIOLATION_KINDS, { error: `${V}kindRequired` }),
  detectedOn: date("detectedOnInvalid"),
  description: text("descriptionRequired", 2000),
  evidence: text("evidenceRequired", 2000),
  internalNote: optionalText(1000),
});
export type RecordViolationInput = z.input<typeof recordViolationSchema>;

export const confirmViolationSchema = z.object({
  violationId: id,
  /** What the household is told (Art. 40). */
  decisionReason: text("decisionReasonRequired", 1000),
  /** Art. 41: the date by which the unit must be returned. */
  deadline: date("deadlineInvalid"),
});
export type ConfirmViolationInput = z.input<typeof confirmViolationSchema>;

export const dismissViolationSchema = z.object({ violationId: id, decisionReason: text("decisionReasonRequired", 1000) });
export type DismissViolationInput = z.input<typeof dismissViolationSchema>;

/**
 * Grounds an officer orders on directly; VIOLATION comes only from a confirmed violation, and
 * ANNUAL_CHECK_FAILED only from the annual tenancy check an officer confirmed (Art. 42).
 */
export const ORDER_GROUNDS = VACATE_GROUNDS.filter((g) => g !== "VIOLATION" && g !== "ANNUAL_CHECK_FAILED");

export const issueVacateOrderSchema = z.object({
  leaseId: id,
  ground: z.enum(ORDER_GROUNDS as [(typeof ORDER_GROUNDS)[number], ...(typeof ORDER_GROUNDS)[number][]], { error: `${V}groundRequired` }),
  transitionGranted: checkbox,
  deadline: date("deadlineInvalid"),
  reason: text("reasonRequired", 1000),
});
export type IssueVacateOrderInput = z.input<typeof issueVacateOrderSchema>;

export const referToCourtSchema = z.object({
  orderId: id,
  courtCaseNo: optionalText(64),
  courtNote: text("courtNoteRequired", 1000),
});
export type ReferToCourtInput = z.input<typeof referToCourtSchema>;

export const recordMoveOutSchema = z.object({
  leaseId: id,
  vacatedOn: date("vacatedOnInvalid"),
  findings: text("findingsRequired", 2000),
  /** Damage or repairs found: the unit goes to maintenance rather than straight back to the waiting list. */
  hasIssues: checkbox,
});
export type RecordMoveOutInput = z.input<typeof recordMoveOutSchema>;

/**
 * The bans of a confirmed violation are lifted when the decision behind them is overturned
 * (administrative reconsideration, a court): the document that overturned it, and why.
 */
export const liftBansSchema = z.object({
  violationId: id,
  documentNo: text("liftDocumentRequired", 100),
  reason: text("liftReasonRequired", 1000),
});
export type LiftBansInput = z.input<typeof liftBansSchema>;
