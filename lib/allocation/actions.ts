"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { createPlanSchema, planStepSchema, withdrawPlanSchema } from "./plan-schemas";
import { approvePlan, createPlan, publishPlan, submitPlan, withdrawPlan } from "./plans";

// The plan's pages are rendered per request; each step refreshes the plan's page and the list.
// The services decide who manages the estate and who may approve.

function refreshed<T>(result: T): T {
  revalidatePath("/[locale]/(staff)/staff/plans", "layout");
  return result;
}

export const createPlanAction = authedAction(createPlanSchema, "allocation:manage", async (input, { user }) => refreshed(await createPlan(user, input)));
export const submitPlanAction = authedAction(planStepSchema, "allocation:manage", async (input, { user }) => refreshed(await submitPlan(user, input)));
export const approvePlanAction = authedAction(planStepSchema, "allocation:manage", async (input, { user }) => refreshed(await approvePlan(user, input)));
export const publishPlanAction = authedAction(planStepSchema, "allocation:manage", async (input, { user }) => refreshed(await publishPlan(user, input)));
export const withdrawPlanAction = authedAction(withdrawPlanSchema, "allocation:manage", async (input, { user }) => refreshed(await withdrawPlan(user, input)));
