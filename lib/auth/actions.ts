"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { actionInput, issuesToFieldKeys, translateFieldErrors, type ActionResult } from "@/lib/actions/action-result";
import { describeError } from "@/lib/actions/authed-action";
import { getServerTranslator } from "@/lib/i18n/server-translator";
import { signIn } from "./auth";
import { landingPathFor, safeNextPath } from "./landing";
import { registerApplicant } from "./registration";
import { registerSchema, signInSchema } from "./schemas";
import { getCurrentUser, PASSWORD_CHANGE_PATH } from "./session";

/**
 * Sign in with a mobile number or username and a password. On failure the message never says which
 * of the two was wrong; after too many failures it says how long to wait.
 */
export async function signInAction(...args: unknown[]): Promise<ActionResult<null>> {
  const t = await getServerTranslator();
  // Whatever a client sends (a form, an object, anything else) is parsed, never assumed a FormData.
  const parsed = signInSchema.safeParse(actionInput(args));
  if (!parsed.success) {
    return { ok: false, fieldErrors: translateFieldErrors(issuesToFieldKeys(parsed.error), t), formError: null };
  }
  const { account, password, next } = parsed.data;

  try {
    await signIn("credentials", { account: account.value, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const [code, minutes] = error.code.split(":");
      const formError =
        code === "locked"
          ? t("auth.login.locked", { minutes: Number(minutes) || 15 })
          : code === "inactive"
            ? t("auth.login.inactive")
            : t("auth.login.invalidCredentials");
      return { ok: false, fieldErrors: {}, formError };
    }
    if (error instanceof AuthError) {
      // Database down, misconfiguration: Auth.js wraps it; log the kind, show a generic message.
      console.error(`[sign-in] ${describeError(error)}`);
      return { ok: false, fieldErrors: {}, formError: t("errors.generic") };
    }
    throw error;
  }

  const user = await prisma.user.findUnique({
    where: account.kind === "phone" ? { phone: account.value } : { username: account.value },
    select: { id: true, role: true, districtCode: true, mustChangePassword: true },
  });
  // An administrator asked for a new password: nothing else opens before it is set.
  if (user?.mustChangePassword) redirect(PASSWORD_CHANGE_PATH);
  redirect(user ? (safeNextPath(next, user) ?? landingPathFor(user)) : "/");
}

/** Applicants register themselves; the account is signed in straight away. */
export async function registerAction(...args: unknown[]): Promise<ActionResult<null>> {
  const t = await getServerTranslator();
  const parsed = registerSchema.safeParse(actionInput(args));
  if (!parsed.success) {
    return { ok: false, fieldErrors: translateFieldErrors(issuesToFieldKeys(parsed.error), t), formError: null };
  }
  const { name, phone, password } = parsed.data;
  const phoneTaken = (): ActionResult<null> => ({
    ok: false,
    fieldErrors: { phone: [t("auth.register.phoneTaken")] },
    formError: null,
  });

  if ((await registerApplicant({ name, phone, password })) === "phone-taken") return phoneTaken();

  try {
    await signIn("credentials", { account: phone, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    redirect("/login");
  }
  redirect("/me");
}

