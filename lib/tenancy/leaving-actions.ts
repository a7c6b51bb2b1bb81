"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { refreshedTenancy } from "./refresh";
import { confirmViolation, dismissViolation, issueVacateOrder, liftBans, recordMoveOut, recordViolation, referToCourt } from "./leaving";
import {
  confirmViolationSchema,
  dismissViolationSchema,
  issueVacateOrderSchema,
  liftBansSchema,
  recordMoveOutSchema,
  recordViolationSchema,
  referToCourtSchema,
} from "./leaving-schemas";

// Violations, vacate orders and moving out (Art. 31, 38-41): officers only; the services check the
// lease is in the officer's district.

const refreshed = refreshedTenancy;

export const recordViolationAction = authedAction(recordViolationSchema, "lease:manage", async (input, { user }) => refreshed(await recordViolation(user, input)));
export const confirmViolationAction = authedAction(confirmViolationSchema, "lease:manage", async (input, { user }) => refreshed(await confirmViolation(user, input)));
export const dismissViolationAction = authedAction(dismissViolationSchema, "lease:manage", async (input, { user }) => refreshed(await dismissViolation(user, input)));
export const issueVacateOrderAction = authedAction(issueVacateOrderSchema, "lease:manage", async (input, { user }) => refreshed(await issueVacateOrder(user, input)));
export const referToCourtAction = authedAction(referToCourtSchema, "lease:manage", async (input, { user }) => refreshed(await referToCourt(user, input)));
export const recordMoveOutAction = authedAction(recordMoveOutSchema, "lease:manage", async (input, { user }) => refreshed(await recordMoveOut(user, input)));
export const liftBansAction = authedAction(liftBansSchema, "lease:manage", async (input, { user }) => refreshed(await liftBans(user, input)));
