"use server";

import { randomBytes } from "node:crypto";
import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { prisma } from "@/lib/db/client";
import { actionInput, issuesToFieldKeys, translateFieldErrors, type ActionResult } from "@/lib/actions/action-result";
import { describeError } from "@/lib/actions/authed-action";
import { getServerTranslator } from "@/lib/i18n/server-translator";
import { signIn } from "./auth";
import { landingPathFor, safeNextPath } from "./landing";
import { isAppError } from "@/lib/errors";
import { clientIpFrom } from "./client-ip";
import { completePasswordReset, requestPasswordResetCode } from "./password-reset";
import { completeRegistration, requestRegistrationCode } from "./registration";
import { phoneStepSchema, registerSchema, resetPasswordSchema, signInSchema } from "./schemas";
import { PASSWORD_CHANGE_PATH } from "./session";

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

/**
 * A public form's action (no sign-in): parse, run, and answer with the one result shape; expected
 * failures (AppError) as the user's message, anything else logged with a reference number only.
 */
async function publicAction<S extends z.ZodType, T>(name: string, schema: S, args: unknown[], fn: (input: z.output<S>, ip: string | null) => Promise<T>): Promise<ActionResult<T>> {
  const t = await getServerTranslator();
  try {
    const parsed = await schema.safeParseAsync(actionInput(args));
    if (!parsed.success) return { ok: false, fieldErrors: translateFieldErrors(issuesToFieldKeys(parsed.error), t), formError: null };
    return { ok: true, data: await fn(parsed.data, clientIpFrom(await headers())) };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) return { ok: false, fieldErrors: translateFieldErrors(error.fieldErrors, t), formError: t(error.messageKey, error.values) };
    const ref = randomBytes(4).toString("hex");
    console.error(`[action ${name}] unexpected error ref=${ref}: ${describeError(error)}`);
    return { ok: false, fieldErrors: {}, formError: t("errors.genericWithRef", { ref }) };
  }
}

/**
 * Registration, step 1: a code to the number. The answer is the same whether the number has an
 * account or not (the form says "if this number can register, a code has been sent").
 */
export async function requestRegistrationCodeAction(...args: unknown[]): Promise<ActionResult<{ phone: string }>> {
  return publicAction("register:code", phoneStepSchema, args, async ({ phone }, ip) => {
    await requestRegistrationCode(phone, ip);
    return { phone };
  });
}

/** Registration, step 2: the code, the name and the password; the account is signed in straight away. */
export async function registerAction(...args: unknown[]): Promise<ActionResult<null>> {
  const result = await publicAction("register", registerSchema, args, async ({ name, phone, code, password }) => {
    await completeRegistration({ name, phone, code, password });
    return { phone, password };
  });
  if (!result.ok) return result;
  try {
    await signIn("credentials", { account: result.data.phone, password: result.data.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    redirect("/login");
  }
  redirect("/me");
}

/** 忘记密码, step 1: a code to the number when it has an account; the same answer either way. */
export async function requestPasswordResetCodeAction(...args: unknown[]): Promise<ActionResult<{ phone: string }>> {
  return publicAction("reset:code", phoneStepSchema, args, async ({ phone }, ip) => {
    await requestPasswordResetCode(phone, ip);
    return { phone };
  });
}

/** 忘记密码, step 2: the code and the new password; then the login page says so. */
export async function resetPasswordAction(...args: unknown[]): Promise<ActionResult<null>> {
  const result = await publicAction("reset", resetPasswordSchema, args, async ({ phone, code, password }) => {
    await completePasswordReset({ phone, code, password });
    return null;
  });
  if (!result.ok) return result;
  redirect("/login?reset=1");
}
