"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { createStaffSchema } from "./schemas";
import { createStaffUser } from "./staff-users";

export const createStaffAction = authedAction(createStaffSchema, "user:manage", async (input, context) => {
  const created = await createStaffUser(input, context);
  revalidatePath("/staff/admin/users");
  return created;
});
