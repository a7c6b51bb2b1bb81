"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { manageStaffAccount } from "./accounts";
import { createStaffSchema, staffAccountActionSchema } from "./schemas";
import { createStaffUser } from "./staff-users";

export const createStaffAction = authedAction(createStaffSchema, "user:manage", async (input, context) => {
  const created = await createStaffUser(input, context);
  revalidatePath("/staff/admin/users");
  return { username: created.username, activationCode: created.activation.code, activationExpiresAt: created.activation.expiresAt.toISOString() };
});

/** Deactivate, reactivate, reset (a new activation code) or require a new password: administrators, on other staff accounts. */
export const manageStaffAccountAction = authedAction(staffAccountActionSchema, "user:manage", async (input, { user }) => {
  const result = await manageStaffAccount(user, input);
  revalidatePath("/staff/admin/users");
  return {
    action: result.action,
    username: result.username,
    activationCode: result.activation?.code ?? null,
    activationExpiresAt: result.activation?.expiresAt.toISOString() ?? null,
  };
});
