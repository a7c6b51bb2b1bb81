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

export const LEASE_LIST_STATUSES = ["PENDING_SIGNATURE", "AWAITING_COUNTERSIGNATURE", "ACTIVE", "HOLDING_OVER", "ENDED", "TERMINATED", "LAPSED"] as const;

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

// ───── bank collection files (银行代收, Art. 28) ─────

const C = "collections.validation.";

/** The banks that send collection files; names in the collections messages (banks). */
export const COLLECTION_BANKS = ["CQRCB", "CQCB", "ICBC", "CCB", "ABC", "BOC", "BOCOM", "PSBC"] as const;
export type CollectionBank = (typeof COLLECTION_BANKS)[number];

/** The upload form: the bank, the date it collected on, the file (lib/tenancy/bank-collection-file.ts reads it). */
export const collectionUploadSchema = z.object({
  bankCode: z.enum(COLLECTION_BANKS, { error: `${C}bankRequired` }),
  collectionDate: z.string({ error: `${C}dateInvalid` }).trim().refine(isValidISODate, { error: `${C}dateInvalid` }),
  file: z
    .instanceof(File, { error: `${C}fileRequired` })
    .refine((f) => f.size > 0, { error: `${C}fileRequired` })
    .refine((f) => f.size <= 900 * 1024, { error: `${C}fileTooLarge` }),
});

/** The service's input: the file's bytes. */
export const collectionImportInputSchema = z.object({
  bankCode: z.enum(COLLECTION_BANKS, { error: `${C}bankRequired` }),
  collectionDate: z.string({ error: `${C}dateInvalid` }).trim().refine(isValidISODate, { error: `${C}dateInvalid` }),
  fileName: z.string().trim().min(1, { error: `${C}fileRequired` }).max(200, { error: `${C}fileRequired` }),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { error: `${C}fileRequired` }),
});
export type CollectionImportInput = z.input<typeof collectionImportInputSchema>;

export const COLLECTION_RESOLUTIONS = ["MATCHED_TO_LEASE", "RETURNED_TO_BANK"] as const;

/** An officer resolves an unmatched line: settle it against a lease, or return it to the bank, with a note. */
export const resolveCollectionLineSchema = z
  .object({
    lineId: id,
    resolution: z.enum(COLLECTION_RESOLUTIONS, { error: `${C}resolutionRequired` }),
    leaseNo: z.string().trim().max(64, { error: `${C}leaseNoInvalid` }).optional().transform((s) => (s ? s.toUpperCase() : undefined)),
    note: z.string({ error: `${C}noteRequired` }).trim().min(2, { error: `${C}noteRequired` }).max(500, { error: `${C}noteTooLong` }),
  })
  .superRefine((v, ctx) => {
    if (v.resolution === "MATCHED_TO_LEASE" && !(v.leaseNo && /^ZL-\d{6}-\d{4}-\d{6}$/.test(v.leaseNo))) {
      ctx.addIssue({ code: "custom", path: ["leaseNo"], message: `${C}leaseNoInvalid` });
    }
  });
export type ResolveCollectionLineInput = z.input<typeof resolveCollectionLineSchema>;

export const COLLECTION_LINE_STATUSES = ["MATCHED", "UNMATCHED", "DUPLICATE", "RESOLVED"] as const;

export const collectionListQuerySchema = z.object({
  q: z.string().trim().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type CollectionListQuery = z.output<typeof collectionListQuerySchema>;

export const collectionLinesQuerySchema = z.object({
  status: z.enum(COLLECTION_LINE_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type CollectionLinesQuery = z.output<typeof collectionLinesQuerySchema>;
