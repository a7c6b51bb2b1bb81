"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { recordFundSchema } from "./fund-schemas";
import { recordFundAllocation } from "./maintenance-fund";

// The maintenance fund (Art. 35): the service decides whose estate it is. The report's rows stay
// on the page after a record, so it is refreshed in place.
export const recordFundAction = authedAction(recordFundSchema, "maintenanceFund:manage", async (input, { user }) => {
  const { amount, ...rest } = input;
  const result = await recordFundAllocation(user, { ...rest, amountFen: amount });
  revalidatePath("/[locale]/(staff)/staff/maintenance-fund", "layout");
  return result;
});
