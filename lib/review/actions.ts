"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/authed-action";
import { acceptApplication, decideReview, returnApplication } from "./decisions";
import { acceptSchema, returnSchema, reviewDecisionSchema } from "./schemas";

// Thin server actions around lib/review services: parse, check the role-wide permission (the
// services check the application's district), decide, refresh the pages that show it.

/**
 * Refreshes the pages that show the application and goes back to it with a note of what was done:
 * a redirect, because the decided form is no longer on the re-rendered page to report success.
 */
function refreshAndShow(applicationNo: string, done: string): never {
  revalidatePath("/staff/review");
  revalidatePath("/staff");
  redirect(`/staff/review/${encodeURIComponent(applicationNo)}?done=${done}`);
}

export const acceptApplicationAction = authedAction(acceptSchema, "application:accept", async (input, { user }) => {
  const result = await acceptApplication(user, input);
  refreshAndShow(result.applicationNo, "accepted");
});

export const returnApplicationAction = authedAction(returnSchema, "application:accept", async (input, { user }) => {
  const result = await returnApplication(user, input);
  refreshAndShow(result.applicationNo, "returned");
});

export const decideReviewAction = authedAction(reviewDecisionSchema, "application:review", async (input, { user }) => {
  const result = await decideReview(user, input);
  refreshAndShow(result.applicationNo, result.status);
});
