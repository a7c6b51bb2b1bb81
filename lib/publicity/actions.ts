"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { randomBytes } from "node:crypto";
import { authedAction, describeError } from "@/lib/actions/authed-action";
import { actionInput, issuesToFieldKeys, translateFieldErrors, type ActionResult } from "@/lib/actions/action-result";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { isAppError } from "@/lib/errors";
import { getServerTranslator } from "@/lib/i18n/server-translator";
import { publishBatch } from "./batches";
import { entryPageOf } from "./entries";
import { decideObjection, lodgeObjection, startInvestigation } from "./objections";
import { investigateSchema, objectionOutcomeSchema, objectionSchema, publishBatchSchema } from "./schemas";

// Server actions for publicity. Officers' actions go through authedAction; the objection form is
// public (Art. 19: anyone may object), so it has its own small wrapper with the same result shape.

export const publishBatchAction = authedAction(publishBatchSchema, "publicity:manage", async (input, { user }) => {
  // The public lists are invalidated by the service (lib/publicity/public-cache.ts).
  const result = await publishBatch(user, input);
  redirect(`/staff/publicity/${result.batchId}?published=1`);
});

export const startInvestigationAction = authedAction(investigateSchema, "objection:decide", async (input, { user }) => {
  const result = await startInvestigation(user, input);
  // The officers' pages are rendered per request; this refreshes the one the officer is on.
  revalidatePath("/[locale]/(staff)/staff/publicity/[batchId]", "page");
  return result;
});

export const decideObjectionAction = authedAction(objectionOutcomeSchema, "objection:decide", async (input, { user }) => {
  const result = await decideObjection(user, input);
  // Back to the entry among the batch's thousands: the page of the list that holds it.
  const page = await entryPageOf(result.batchId, result.applicationNo);
  redirect(`/staff/publicity/${result.batchId}?${page > 1 ? `page=${page}&` : ""}saved=${encodeURIComponent(input.objectionId)}#objection-${input.objectionId}`);
});

/** Anyone may object (no sign-in); rate-limited by address and phone in the service. */
export async function lodgeObjectionAction(...args: unknown[]): Promise<ActionResult<{ referenceNo: string }>> {
  const t = await getServerTranslator();
  try {
    const parsed = objectionSchema.safeParse(actionInput(args));
    if (!parsed.success) return { ok: false, fieldErrors: translateFieldErrors(issuesToFieldKeys(parsed.error), t), formError: null };
    const clientIp = clientIpFrom(await headers());
    // Nothing public changes with an objection lodged (the lists show none).
    const result = await lodgeObjection(parsed.data, { clientIp });
    // Only the reference number goes back: it is what the objector quotes later.
    return { ok: true, data: { referenceNo: result.referenceNo } };
  } catch (error) {
    if (isAppError(error)) {
      return { ok: false, fieldErrors: translateFieldErrors(error.fieldErrors, t), formError: t(error.messageKey, error.values) };
    }
    const ref = randomBytes(4).toString("hex");
    console.error(`[action objection:lodge] unexpected error ref=${ref}: ${describeError(error)}`);
    return { ok: false, fieldErrors: {}, formError: t("errors.genericWithRef", { ref }) };
  }
}
