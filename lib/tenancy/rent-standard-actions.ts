"use server";

import { redirect } from "next/navigation";
import { authedAction } from "@/lib/actions/authed-action";
import { refreshedTenancy } from "./refresh";
import { publicRentStandardsChanged } from "./rent-standard-cache";
import { createRentStandardFrom, createReviewFrom, decideRentStandard } from "./rent-standards";
import { createRentStandardSchema, createReviewSchema, decideRentStandardSchema } from "./rent-standard-schemas";

// Rent standards (Art. 27): officers of the municipal agency draft and review them; a second
// officer decides. The services check the permission and the scope again, on the record.

export const createRentStandardAction = authedAction(createRentStandardSchema, "rentStandard:manage", async (data, { user }) => refreshedTenancy(await createRentStandardFrom(user, data)));
// The review page no longer offers a review once its draft exists, so the draft's page is reached
// by a redirect rather than from the form after the refresh.
export const createReviewAction = authedAction(createReviewSchema, "rentStandard:manage", async (data, { user }) => {
  const { standardId } = refreshedTenancy(await createReviewFrom(user, data));
  redirect(`/staff/rent-standards/${standardId}`);
});
export const decideRentStandardAction = authedAction(decideRentStandardSchema, "rentStandard:manage", async (input, { user }) => {
  const result = refreshedTenancy(await decideRentStandard(user, input));
  publicRentStandardsChanged();
  return result;
});
