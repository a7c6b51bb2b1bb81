"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/authed-action";
import { closeRectification, completeAudit, drawSample, recordFinding, submitRectificationReport } from "./audit-service";
import { closeRectificationSchema, completeAuditSchema, drawSampleSchema, recordFindingSchema, submitReportSchema } from "./schemas";

// Server actions of sample audits and rectifications (Art. 20): thin wrappers around audit-service.

export const drawSampleAction = authedAction(drawSampleSchema, "review:sample", async (input, { user }) => {
  const result = await drawSample(user, input);
  revalidatePath("/staff/audits");
  return result;
});

export const recordFindingAction = authedAction(recordFindingSchema, "review:sample", async (input, { user }) => {
  await recordFinding(user, input);
  revalidatePath("/staff/audits", "layout");
  return { itemId: input.itemId, result: input.result };
});

export const completeAuditAction = authedAction(completeAuditSchema, "review:sample", async (input, { user }) => {
  const result = await completeAudit(user, input);
  revalidatePath("/staff/audits", "layout");
  // The page no longer has the forms: show the outcome at its top.
  redirect(`/staff/audits/${input.auditId}?done=${result.rectificationId ? "rectification" : "completed"}`);
});

export const submitReportAction = authedAction(submitReportSchema, "rectification:report", async (input, { user }) => {
  await submitRectificationReport(user, input);
  revalidatePath("/staff/audits", "layout");
  redirect(`/staff/audits/rectifications/${input.rectificationId}?done=reported`);
});

export const closeRectificationAction = authedAction(closeRectificationSchema, "rectification:close", async (input, { user }) => {
  const result = await closeRectification(user, input);
  revalidatePath("/staff/audits", "layout");
  redirect(`/staff/audits/rectifications/${input.rectificationId}?done=${result.status === "ACCEPTED" ? "accepted" : "reopened"}`);
});
