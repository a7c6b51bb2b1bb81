"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { inspectionStepSchema, recordInspectionSchema, scheduleInspectionSchema } from "./inspection-schemas";
import { cancelInspection, recordInspection, scheduleInspection } from "./inspections";

// Inspections (Art. 35, 43): the services decide whose estate it is and who may act on it.

function refreshed<T>(result: T): T {
  revalidatePath("/[locale]/(staff)/staff/inspections", "layout");
  revalidatePath("/[locale]/(staff)/staff/repairs", "layout");
  return result;
}

// Scheduling goes on to the new inspection's page (no refresh of the list the form sits on).
export const scheduleInspectionAction = authedAction(scheduleInspectionSchema, "inspection:manage", async (input, { user }) => scheduleInspection(user, input));
export const recordInspectionAction = authedAction(recordInspectionSchema, "inspection:manage", async (input, { user }) => refreshed(await recordInspection(user, input)));
export const cancelInspectionAction = authedAction(inspectionStepSchema, "inspection:manage", async (input, { user }) => refreshed(await cancelInspection(user, input)));
