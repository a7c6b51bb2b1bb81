"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { actionFailure } from "@/lib/actions/authed-action";
import { actionInput, issuesToFieldKeys, translateFieldErrors, type ActionResult } from "@/lib/actions/action-result";
import { AppError } from "@/lib/errors";
import { getServerTranslator } from "@/lib/i18n/server-translator";
import { activateStaffAccount, changeOwnPassword } from "./accounts";
import { signOut } from "./auth";
import { clientIpFrom } from "./client-ip";
import { activateAccountSchema, changePasswordSchema } from "./schemas";
import { getUserToChangePassword } from "./session";

/**
 * A signed-in user's password change (also the one an administrator asked for). Every session of
 * the account ends with it, this one too: the user signs in again with the new password.
 */
export async function changePasswordAction(...args: unknown[]): Promise<ActionResult<null>> {
  const t = await getServerTranslator();
  try {
    const user = await getUserToChangePassword();
    if (!user) throw new AppError("UNAUTHENTICATED");
    const parsed = changePasswordSchema.safeParse(actionInput(args));
    if (!parsed.success) return { ok: false, fieldErrors: translateFieldErrors(issuesToFieldKeys(parsed.error), t), formError: null };
    await changeOwnPassword(user, parsed.data);
    await signOut({ redirect: false });
  } catch (error) {
    return actionFailure(error, t, "auth:changePassword");
  }
  redirect("/login?notice=passwordChanged");
}

/** A new staff member activates their account with the code from the administrator and chooses a password. */
export async function activateAccountAction(...args: unknown[]): Promise<ActionResult<null>> {
  const t = await getServerTranslator();
  try {
    const parsed = activateAccountSchema.safeParse(actionInput(args));
    if (!parsed.success) return { ok: false, fieldErrors: translateFieldErrors(issuesToFieldKeys(parsed.error), t), formError: null };
    await activateStaffAccount(parsed.data, clientIpFrom(await headers()));
  } catch (error) {
    return actionFailure(error, t, "auth:activate");
  }
  redirect("/login?notice=activated");
}
