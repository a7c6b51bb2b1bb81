import { z } from "zod";
import { yuanField } from "@/lib/money/yuan-field";
import { isValidISODate } from "@/lib/rules/dates";
import { MAX_LEASE_TERM_MONTHS, MIN_LEASE_TERM_MONTHS } from "@/lib/rules/lease";

// Inputs of leases, bills and payments (Art. 25-29), shared by the forms, the services and the
// payment API. Messages are keys under "tenancy.validation".

const V = "tenancy.validation.";
const id = z.string({ error: `${V}missingId` }).trim().min(1, { error: `${V}missingId` }).max(64, { error: `${V}missingId` });
const date = (key: string) => z.string({ error: `${V}${key}` }).trim().refine(isValidISODate, { error: `${V}${key}` });

export const draftLeaseSchema = z.object({
  offerId: id,
  startDate: date("startDateInvalid"),
  /** Art. 25: whole months, 1 to 5 years. */
  termMonths: z.coerce
    .number({ error: `${V}termInvalid` })
    .int({ error: `${V}termInvalid` })
    .min(MIN_LEASE_TERM_MONTHS, { error: `${V}termInvalid` })
    .max(MAX_LEASE_TERM_MONTHS, { error: `${V}termInvalid` }),
});
export type DraftLeaseInput = z.input<typeof draftLeaseSchema>;

export const signLeaseSchema = z.object({
  leaseId: id,
  /** The tenant's password, entered again as the signature (never stored or logged). */
  password: z.string({ error: `${V}passwordRequired` }).min(1, { error: `${V}passwordRequired` }).max(200, { error: `${V}passwordRequired` }),
  /** The tenant has read the lease and agrees to it. */
  agree: z.union([z.literal("on"), z.literal(true), z.literal("true")], { error: `${V}agreeRequired` }),
});
export type SignLeaseInput = z.input<typeof signLeaseSchema>;

export const leaseStepSchema = z.object({ leaseId: id });
export type LeaseStepInput = z.input<typeof leaseStepSchema>;

/** At most 1,000,000 yuan in one payment. */
export const MAX_PAYMENT_FEN = 100_000_000;
const amount = yuanField({ required: `${V}amountRequired`, invalid: `${V}amountInvalid`, tooLarge: `${V}amountTooLarge` }, MAX_PAYMENT_FEN);

const amountFen = z.number({ error: `${V}amountInvalid` }).int({ error: `${V}amountInvalid` }).positive({ error: `${V}amountInvalid` }).max(MAX_PAYMENT_FEN, { error: `${V}amountTooLarge` });

/** The form: a tenant starts an online payment of `amount` yuan for the lease. */
export const startPaymentSchema = z.object({ leaseId: id, amount });
/** The service: the same in fen. */
export const startPaymentInputSchema = z.object({ leaseId: id, amountFen });
export type StartPaymentInput = z.input<typeof startPaymentInputSchema>;

const counterFields = {
  leaseId: id,
  method: z.enum(["CASH", "BANK_TRANSFER", "OTHER"], { error: `${V}methodInvalid` }),
  paidOn: date("paidOnInvalid"),
  formKey: z.string({ error: `${V}formKeyMissing` }).trim().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: `${V}formKeyMissing` }),
};
/** The form: an officer records money paid at the counter; `formKey` makes a resubmitted form record it once. */
export const counterPaymentSchema = z.object({ ...counterFields, amount });
/** The service: the same in fen. */
export const counterPaymentInputSchema = z.object({ ...counterFields, amountFen });
export type CounterPaymentInput = z.input<typeof counterPaymentInputSchema>;

export const LEASE_LIST_STATUSES = ["PENDING_SIGNATURE", "AWAITING_COUNTERSIGNATURE", "ACTIVE", "HOLDING_OVER", "ENDED", "TERMINATED"] as const;

export const leaseListQuerySchema = z.object({
  q: z.string().trim().max(64).optional().catch(undefined),
  status: z.enum(LEASE_LIST_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type LeaseListQuery = z.output<typeof leaseListQuerySchema>;

/** The test provider's cashier: the tenant pays (or lets the payment fail). */
export const testCashierSchema = z.object({
  paymentId: z.string({ error: `${V}missingId` }).regex(/^tp_[A-Za-z0-9]{16,40}$/, { error: `${V}missingId` }),
  outcome: z.enum(["PAID", "FAILED"], { error: `${V}missingId` }),
});
export type TestCashierInput = z.input<typeof testCashierSchema>;
