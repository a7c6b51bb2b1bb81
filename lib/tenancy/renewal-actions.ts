"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { decideRenewal, requestRenewal } from "./renewals";
import { decideRenewalSchema, requestRenewalSchema } from "./renewal-schemas";

// Renewals (Art. 32): the tenant asks for their own lease; an officer of the district decides.

function refreshed<T>(result: T): T {
  revalidatePath("/[locale]/(staff)/staff", "layout");
  revalidatePath("/[locale]/(applicant)/me", "layout");
  return result;
}

export const requestRenewalAction = authedAction(requestRenewalSchema, "lease:read", async (input, { user }) => refreshed(await requestRenewal(user, input)));
export const decideRenewalAction = authedAction(decideRenewalSchema, "lease:manage", async (input, { user }) => refreshed(await decideRenewal(user, input)));
