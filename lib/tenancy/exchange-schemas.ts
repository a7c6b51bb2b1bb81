import { z } from "zod";
import { isValidISODate } from "@/lib/rules/dates";
import { MAX_ADDED_MEMBERS } from "@/lib/rules/exchange";
import { UNIT_TYPES } from "@/lib/rules/unit-type";

// Inputs of exchanges (Art. 33), shared by the forms and the services. Messages are keys under
// "exchanges.validation".

const V = "exchanges.validation.";
const id = z.string({ error: `${V}missingId` }).trim().min(1, { error: `${V}missingId` }).max(64, { error: `${V}missingId` });
const text = (key: string, max: number) => z.string({ error: `${V}${key}` }).trim().min(1, { error: `${V}${key}` }).max(max, { error: `${V}tooLong` });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${V}tooLong` })
    .nullish()
    .transform((v) => (v ? v : null));
const unitType = z.enum(UNIT_TYPES as unknown as ["STUDIO", "ONE_BEDROOM", "TWO_BEDROOM", "THREE_BEDROOM"], { error: `${V}unitTypeRequired` });

/** What a tenant may give as the reason (a shrunk household's exchange is opened by the officers). */
export const TENANT_EXCHANGE_REASONS = ["HOUSEHOLD_GREW", "OTHER"] as const;
export const EXCHANGE_REASONS = ["HOUSEHOLD_GREW", "HOUSEHOLD_SHRANK", "OTHER"] as const;
export const EXCHANGE_STATUSES = ["SUBMITTED", "UNDER_REVIEW", "APPROVED", "REJECTED", "WITHDRAWN", "COMPLETED"] as const;

export const requestExchangeSchema = z
  .object({
    leaseId: id,
    reason: z.enum(TENANT_EXCHANGE_REASONS, { error: `${V}reasonRequired` }),
    requestedUnitType: unitType,
    /** People joining the household (a birth, a marriage, parents moving in). */
    addedMembers: z.preprocess(
      (v) => (v === "" || v === undefined || v === null ? 0 : v),
      z.coerce.number({ error: `${V}addedInvalid` }).int({ error: `${V}addedInvalid` }).min(0, { error: `${V}addedInvalid` }).max(MAX_ADDED_MEMBERS, { error: `${V}addedInvalid` }),
    ),
    description: text("descriptionRequired", 2000),
    formKey: z.string({ error: `${V}formKeyMissing` }).trim().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: `${V}formKeyMissing` }),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "HOUSEHOLD_GREW" && v.addedMembers < 1) ctx.addIssue({ code: "custom", path: ["addedMembers"], message: `${V}noneAdded` });
  });
export type RequestExchangeInput = z.input<typeof requestExchangeSchema>;

export const withdrawExchangeSchema = z.object({ requestId: id });
export type WithdrawExchangeInput = z.input<typeof withdrawExchangeSchema>;

export const decideExchangeSchema = z
  .object({
    requestId: id,
    decision: z.enum(["APPROVE", "REJECT"], { error: `${V}decisionRequired` }),
    /** The estate whose exchange list the household joins (approval); the lease's own when empty. */
    estateId: optionalText(64),
    /** What the household is told. */
    reason: text("reasonTextRequired", 1000),
    /** For the officers alone. */
    internalNote: optionalText(1000),
  });
export type DecideExchangeInput = z.input<typeof decideExchangeSchema>;

/** An officer opens the exchange a shrunk household must make at the end of its term (Art. 33). */
export const openMandatoryExchangeSchema = z.object({ leaseId: id, estateId: optionalText(64) });
export type OpenMandatoryExchangeInput = z.input<typeof openMandatoryExchangeSchema>;

/** An officer offers a vacant unit to the head of its estate's exchange list for its type. */
export const offerFromExchangeListSchema = z.object({
  unitId: id,
  acceptDays: z.coerce.number({ error: `${V}acceptDaysInvalid` }).int({ error: `${V}acceptDaysInvalid` }).min(1, { error: `${V}acceptDaysInvalid` }).max(30, { error: `${V}acceptDaysInvalid` }).default(5),
});
export type OfferFromExchangeListInput = z.input<typeof offerFromExchangeListSchema>;

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(true), z.literal(""), z.literal(false), z.null()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

/** The officer countersigns the exchange lease and records the old unit's move-out check (Art. 33, 41). */
export const countersignExchangeSchema = z.object({
  leaseId: id,
  vacatedOn: z.string({ error: `${V}vacatedOnInvalid` }).trim().refine(isValidISODate, { error: `${V}vacatedOnInvalid` }),
  findings: text("findingsRequired", 2000),
  hasIssues: checkbox,
});
export type CountersignExchangeInput = z.input<typeof countersignExchangeSchema>;

export const exchangeListQuerySchema = z.object({
  q: z.string().trim().max(64).optional().catch(undefined),
  status: z.enum(EXCHANGE_STATUSES).optional().catch(undefined),
  reason: z.enum(EXCHANGE_REASONS).optional().catch(undefined),
  mandatory: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type ExchangeListQuery = z.output<typeof exchangeListQuerySchema>;
