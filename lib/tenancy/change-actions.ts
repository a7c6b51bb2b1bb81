"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { reportChange, reviewChange } from "./change-reports";
import { reportChangeSchema, reviewChangeSchema } from "./change-schemas";

// Change reports (Art. 42): the tenant reports on their own lease; an officer of the district reviews.

function refreshed<T>(result: T): T {
  revalidatePath("/[locale]/(staff)/staff", "layout");
  revalidatePath("/[locale]/(applicant)/me", "layout");
  return result;
}

export const reportChangeAction = authedAction(reportChangeSchema, "lease:read", async (input, { user }) => refreshed(await reportChange(user, input)));
export const reviewChangeAction = authedAction(reviewChangeSchema, "lease:manage", async (input, { user }) => refreshed(await reviewChange(user, input)));
