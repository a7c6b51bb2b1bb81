"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { saveReferenceIncome } from "./reference-income";
import { saveReferenceIncomeSchema } from "./schemas";

export const saveReferenceIncomeAction = authedAction(saveReferenceIncomeSchema, "referenceIncome:manage", async (input, { user }) => {
  const result = await saveReferenceIncome(user, input);
  revalidatePath("/staff/reference-incomes");
  return result;
});
