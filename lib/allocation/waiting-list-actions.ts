"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { offerVacatedUnit } from "./waiting-list";
import { offerVacatedUnitSchema } from "./waiting-list-schemas";

// The waiting list's one staff step: a vacated unit offered to the head of its list (Art. 23).
export const offerVacatedUnitAction = authedAction(offerVacatedUnitSchema, "allocation:manage", async (input, { user }) => {
  const result = await offerVacatedUnit(user, input);
  revalidatePath("/[locale]/(staff)/staff", "layout");
  revalidatePath("/[locale]/(applicant)/me", "layout");
  return result;
});
