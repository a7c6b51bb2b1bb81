"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { refreshedTenancy } from "./refresh";
import { decideRenewal, requestRenewal } from "./renewals";
import { decideRenewalSchema, requestRenewalSchema } from "./renewal-schemas";

// Renewals (Art. 32): the tenant asks for their own lease; an officer of the district decides.

const refreshed = refreshedTenancy;

export const requestRenewalAction = authedAction(requestRenewalSchema, "lease:read", async (input, { user }) => refreshed(await requestRenewal(user, input)));
export const decideRenewalAction = authedAction(decideRenewalSchema, "lease:manage", async (input, { user }) => refreshed(await decideRenewal(user, input)));
