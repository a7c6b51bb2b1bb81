"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { publicPlansChanged } from "./public-cache";
import { acceptOffer, assignUnit, declineOffer, declineTurn, openSelection, pickUnit } from "./selection";
import { assignUnitSchema, declineOfferSchema, declineTurnSchema, offerStepSchema, openSelectionSchema, pickUnitSchema } from "./selection-schemas";

// Unit selection's pages are rendered per request; each step refreshes the officers' and the
// household's pages. The services decide whose turn it is and who manages the pool.

function refreshed<T>(result: T): T {
  revalidatePath("/[locale]/(staff)/staff", "layout");
  revalidatePath("/[locale]/(applicant)/me", "layout");
  publicPlansChanged();
  return result;
}

export const openSelectionAction = authedAction(openSelectionSchema, "allocation:manage", async (input, { user }) => refreshed(await openSelection(user, input)));
export const assignUnitAction = authedAction(assignUnitSchema, "allocation:manage", async (input, { user }) => refreshed(await assignUnit(user, input)));

export const pickUnitAction = authedAction(pickUnitSchema, "selection:take", async (input, { user }) => refreshed(await pickUnit(user, input)));
export const declineTurnAction = authedAction(declineTurnSchema, "selection:take", async (input, { user }) => refreshed(await declineTurn(user, input)));
export const acceptOfferAction = authedAction(offerStepSchema, "selection:take", async (input, { user }) => refreshed(await acceptOffer(user, input)));
export const declineOfferAction = authedAction(declineOfferSchema, "selection:take", async (input, { user }) => refreshed(await declineOffer(user, input)));
