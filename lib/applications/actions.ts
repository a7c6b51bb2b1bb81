"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { deleteApplicationDocument } from "@/lib/documents/service";
import { saveHouseholdStep, saveHousingStep, saveWhereStep, saveWorkStep, submitDraft } from "./drafts";
import { markNotificationsRead } from "./queries";
import { headers } from "next/headers";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { phoneCodeSchema } from "@/lib/auth/schemas";
import { liftIntakeLinkLock, linkIntakeWithResidentId, requestIntakeLinkCode } from "./link-intake";
import { householdStepSchema, housingStepSchema, residentIdSchema, submitDraftSchema, whereStepSchema, workStepSchema } from "./schemas";

// The applicant's form, one action per step (each saves the draft), and the final submission.
// Parsing and the role-wide permission are the wrapper's; ownership is the services'.

export const saveHouseholdStepAction = authedAction(householdStepSchema, "application:create", (input, { user }) => saveHouseholdStep(user, input));
export const saveWorkStepAction = authedAction(workStepSchema, "application:update", (input, { user }) => saveWorkStep(user, input));
export const saveHousingStepAction = authedAction(housingStepSchema, "application:update", (input, { user }) => saveHousingStep(user, input));
export const saveWhereStepAction = authedAction(whereStepSchema, "application:update", (input, { user }) => saveWhereStep(user, input));
export const submitDraftAction = authedAction(submitDraftSchema, "application:update", (input, { user }) => submitDraft(user, input));

export const deleteDocumentAction = authedAction(
  z.object({ documentId: z.string().min(1).max(64) }),
  "application:update",
  async ({ documentId }, { user }) => {
    await deleteApplicationDocument(user, documentId);
    return null;
  },
);

export const markNotificationsReadAction = authedAction(
  z.object({ ids: z.array(z.string().max(64)).max(100).optional(), applicationNo: z.string().max(40).optional() }),
  "application:read",
  ({ ids, applicationNo }, { user }) => markNotificationsRead(user, { ids, applicationNo }),
);

/** A code by SMS to the account's own number, for linking 渝快办 applications. */
export const requestIntakeLinkCodeAction = authedAction(z.object({}), "application:link", async (_input, { user }) => {
  await requestIntakeLinkCode(user, clientIpFrom(await headers()));
  return { sent: true };
});

export const linkIntakeAction = authedAction(
  z.object({ residentId: residentIdSchema, code: phoneCodeSchema }),
  "application:link",
  ({ residentId, code }, { user }) => linkIntakeWithResidentId(user, { residentId, code }),
);

/** An officer of the district lifts an account's lock on linking (docs/decisions/035). */
export const liftIntakeLinkLockAction = authedAction(z.object({ userId: z.string().min(1).max(64) }), "applicationLink:unlock", async ({ userId }, { user }) => {
  // The page keeps the entry with its "lifted" note; it is gone from the list when read again.
  await liftIntakeLinkLock(user, userId);
  return null;
});
