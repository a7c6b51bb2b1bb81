import { z } from "zod";
import { MAX_LEASE_TERM_MONTHS, MIN_LEASE_TERM_MONTHS } from "@/lib/rules/lease";

// Inputs of renewal requests (Art. 32), shared by the forms and the services. Messages are keys
// under "renewals.validation".

const V = "renewals.validation.";
const id = z.string({ error: `${V}missingId` }).trim().min(1, { error: `${V}missingId` }).max(64, { error: `${V}missingId` });
const termMonths = z.coerce
  .number({ error: `${V}termInvalid` })
  .int({ error: `${V}termInvalid` })
  .min(MIN_LEASE_TERM_MONTHS, { error: `${V}termInvalid` })
  .max(MAX_LEASE_TERM_MONTHS, { error: `${V}termInvalid` });

export const requestRenewalSchema = z.object({ leaseId: id, termMonths });
export type RequestRenewalInput = z.input<typeof requestRenewalSchema>;

export const decideRenewalSchema = z.object({
  requestId: id,
  decision: z.enum(["APPROVE", "REJECT"], { error: `${V}decisionRequired` }),
  /** What the household is told. */
  reason: z.string({ error: `${V}reasonRequired` }).trim().min(1, { error: `${V}reasonRequired` }).max(1000, { error: `${V}tooLong` }),
});
export type DecideRenewalInput = z.input<typeof decideRenewalSchema>;
