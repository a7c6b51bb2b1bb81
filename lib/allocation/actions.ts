"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { publicPlansChanged } from "./public-cache";
import { createPlanSchema, planStepSchema, withdrawPlanSchema } from "./plan-schemas";
import { cancelDraw, drawPool, freezePool } from "./lottery";
import { approvePlan, createPlan, publishPlan, submitPlan, withdrawPlan } from "./plans";
import { cancelDrawSchema, drawPoolSchema, freezePoolSchema } from "./schemas";

// The plan's pages are rendered per request; each step refreshes the plan's page and the list.
// The services decide who manages the estate and who may approve.

function refreshed<T>(result: T): T {
  revalidatePath("/[locale]/(staff)/staff/plans", "layout");
  publicPlansChanged();
  return result;
}

export const createPlanAction = authedAction(createPlanSchema, "allocation:manage", async (input, { user }) => refreshed(await createPlan(user, input)));
export const submitPlanAction = authedAction(planStepSchema, "allocation:manage", async (input, { user }) => refreshed(await submitPlan(user, input)));
export const approvePlanAction = authedAction(planStepSchema, "allocation:manage", async (input, { user }) => refreshed(await approvePlan(user, input)));
export const publishPlanAction = authedAction(planStepSchema, "allocation:manage", async (input, { user }) => refreshed(await publishPlan(user, input)));
export const withdrawPlanAction = authedAction(withdrawPlanSchema, "allocation:manage", async (input, { user }) => refreshed(await withdrawPlan(user, input)));

export const freezePoolAction = authedAction(freezePoolSchema, "allocation:manage", async (input, { user }) => refreshed(await freezePool(user, input)));
export const drawPoolAction = authedAction(drawPoolSchema, "allocation:manage", async (input, { user }) => refreshed(await drawPool(user, input)));
export const cancelDrawAction = authedAction(cancelDrawSchema, "allocation:manage", async (input, { user }) => refreshed(await cancelDraw(user, input)));
