"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { refreshedTenancy } from "./refresh";
import { publicRentStandardsChanged } from "./rent-standard-cache";
import { createRentStandardFrom, createReviewFrom, decideRentStandard } from "./rent-standards";
import { createRentStandardSchema, createReviewSchema, decideRentStandardSchema } from "./rent-standard-schemas";

// Rent standards (Art. 27): officers of the municipal agency draft and review them; a second
// officer decides. The services check the permission and the scope again, on the record.

export const createRentStandardAction = authedAction(createRentStandardSchema, "rentStandard:manage", async (data, { user }) => refreshedTenancy(await createRentStandardFrom(user, data)));
export const createReviewAction = authedAction(createReviewSchema, "rentStandard:manage", async (data, { user }) => refreshedTenancy(await createReviewFrom(user, data)));
export const decideRentStandardAction = authedAction(decideRentStandardSchema, "rentStandard:manage", async (input, { user }) => {
  const result = refreshedTenancy(await decideRentStandard(user, input));
  publicRentStandardsChanged();
  return result;
});
