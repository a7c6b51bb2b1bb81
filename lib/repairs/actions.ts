"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { removePendingRepairPhoto } from "./photos";
import { assignRepair, cancelRepair, completeRepair, confirmRepair, startRepair, submitRepairRequest } from "./repairs";
import { assignRepairSchema, cancelRepairSchema, completeRepairSchema, repairStepSchema, submitRepairSchema } from "./schemas";

// Repair requests (Art. 35): the services decide whose request it is and who may act on it.

function refreshed<T>(result: T): T {
  revalidatePath("/[locale]/(staff)/staff/repairs", "layout");
  revalidatePath("/[locale]/(applicant)/me", "layout");
  return result;
}

// Filing goes on to the new request's page: no refresh of the form's page, which would take the
// form away before it can navigate.
export const submitRepairAction = authedAction(submitRepairSchema, "repair:request", async (input, { user }) => submitRepairRequest(user, input));
export const confirmRepairAction = authedAction(repairStepSchema, "repair:request", async (input, { user }) => refreshed(await confirmRepair(user, input)));
export const cancelRepairAction = authedAction(cancelRepairSchema, "repair:request", async (input, { user }) => refreshed(await cancelRepair(user, input)));
export const removeRepairPhotoAction = authedAction(z.object({ documentId: z.string().trim().min(1).max(64) }), "repair:request", async ({ documentId }, { user }) => {
  await removePendingRepairPhoto(user, documentId);
  return refreshed({ documentId });
});

export const assignRepairAction = authedAction(assignRepairSchema, "repair:manage", async (input, { user }) => refreshed(await assignRepair(user, input)));
export const startRepairAction = authedAction(repairStepSchema, "repair:manage", async (input, { user }) => refreshed(await startRepair(user, input)));
export const completeRepairAction = authedAction(completeRepairSchema, "repair:manage", async (input, { user }) => refreshed(await completeRepair(user, input)));
