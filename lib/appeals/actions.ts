"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/authed-action";
import { z } from "zod";
import { decideAppeal, lodgeAppeal } from "./appeals";
import { deleteAppealDocument } from "./evidence";
import { decideAppealSchema, lodgeAppealSchema } from "./schemas";

export const lodgeAppealAction = authedAction(lodgeAppealSchema, "appeal:submit", async (input, { user }) => {
  const result = await lodgeAppeal(user, input);
  revalidatePath(`/me/applications/${result.applicationNo}`, "layout");
  revalidatePath("/staff/appeals");
  redirect(`/me/applications/${encodeURIComponent(result.applicationNo)}/appeal?submitted=1`);
});

export const decideAppealAction = authedAction(decideAppealSchema, "appeal:decide", async (input, { user }) => {
  await decideAppeal(user, input);
  revalidatePath("/staff/appeals", "layout");
  revalidatePath("/staff/review");
  redirect(`/staff/appeals/${encodeURIComponent(input.appealId)}?saved=1`);
});

export const deleteAppealDocumentAction = authedAction(
  z.object({ documentId: z.string({ error: "appeals.validation.missingId" }).trim().min(1, { error: "appeals.validation.missingId" }).max(64) }),
  "appeal:submit",
  async ({ documentId }, { user }) => {
    await deleteAppealDocument(user, documentId);
    return null;
  },
);
