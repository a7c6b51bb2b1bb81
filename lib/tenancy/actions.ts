"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { refreshedTenancy } from "./refresh";
import { AppError } from "@/lib/errors";
import { countersignLease, draftLease, signLease } from "./leases";
import { recordCounterPayment, startOnlinePayment } from "./payments";
import { counterPaymentSchema, draftLeaseSchema, leaseStepSchema, signLeaseSchema, startPaymentSchema, testCashierSchema } from "./schemas";
import { payAtTestCashier } from "./test-cashier";
import { draftDirectedLease, recordPaperSignature } from "./directed-leases";
import { draftDirectedLeaseSchema, paperSignatureSchema } from "./directed-lease-schemas";

// Leases and payments: the services decide whose lease it is and who may act on it.

const refreshed = refreshedTenancy;

// Drawing up and paying at the cashier go on to another page (the new lease, the lease paid for):
// no refresh of this one, which would take the form away before it can navigate.
export const draftLeaseAction = authedAction(draftLeaseSchema, "lease:manage", async (input, { user }) => draftLease(user, input));
export const draftDirectedLeaseAction = authedAction(draftDirectedLeaseSchema, "lease:manage", async (input, { user }) => draftDirectedLease(user, input));
export const paperSignatureAction = authedAction(paperSignatureSchema, "lease:manage", async (input, { user }) => refreshed(await recordPaperSignature(user, input)));
export const countersignLeaseAction = authedAction(leaseStepSchema, "lease:manage", async (input, { user }) => refreshed(await countersignLease(user, input)));
export const counterPaymentAction = authedAction(counterPaymentSchema, "lease:manage", async ({ amount, ...input }, { user }) => refreshed(await recordCounterPayment(user, { ...input, amountFen: amount })));

export const signLeaseAction = authedAction(signLeaseSchema, "lease:read", async (input, { user }) => refreshed(await signLease(user, input)));
export const startPaymentAction = authedAction(startPaymentSchema, "payment:read", async ({ amount, leaseId }, { user }) => startOnlinePayment(user, { leaseId, amountFen: amount }));
export const testCashierAction = authedAction(testCashierSchema, "payment:read", async (input, { user }) => {
  const result = await payAtTestCashier(user, input);
  if (!result) throw new AppError("NOT_FOUND");
  return result;
});
