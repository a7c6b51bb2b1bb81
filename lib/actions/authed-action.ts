import "server-only";
import { randomBytes } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { can, type Permission, type ResourceScope } from "@/lib/auth/permissions";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { getServerTranslator, type Translate } from "@/lib/i18n/server-translator";
import { actionInput, issuesToFieldKeys, translateFieldErrors, type ActionResult } from "./action-result";

export type { ActionResult, ActionState, FieldErrors } from "./action-result";

export interface ActionContext {
  user: CurrentUser;
}

/**
 * What the action needs: a permission name (checked role-wide before the input is even parsed),
 * `{ permission, resource }` to also check the record the input points at (district or owner), or
 * null for any signed-in user.
 */
export type ActionPermission<I> =
  | Permission
  | null
  | {
      permission: Permission;
      resource: (input: I, user: CurrentUser) => ResourceScope | Promise<ResourceScope>;
    };

/** Works as `action(input)`, `<form action={action}>` and `useActionState(action, null)`. */
export interface AuthedAction<T> {
  (input: FormData | object): Promise<ActionResult<T>>;
  (previous: unknown, input: FormData | object): Promise<ActionResult<T>>;
}

/**
 * Wraps a service call as a server action: parse input with the feature's zod schema, load the
 * user, check the permission table, run `fn`, and return `{ ok: true, data }` or
 * `{ ok: false, fieldErrors, formError }` with messages in the user's language. Expected failures
 * (AppError) become a formError (and fieldErrors); anything else is logged with a reference
 * number (no input, no personal data) and shown as a generic message. Next's redirect(),
 * notFound() and forbidden() propagate.
 *
 * Use it from a "use server" file:
 *   export const createStaffAction = authedAction(createStaffSchema, "user:manage", createStaffUser);
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  permission: ActionPermission<z.output<S>>,
  fn: (input: z.output<S>, context: ActionContext) => Promise<T>,
): AuthedAction<T> {
  const name = typeof permission === "string" ? permission : (permission?.permission ?? "signed-in");

  async function action(...args: unknown[]): Promise<ActionResult<T>> {
    let translate: Translate | undefined;
    try {
      translate = await getServerTranslator();
      const user = await getCurrentUser();
      if (!user) throw new AppError("UNAUTHENTICATED");
      const permissionName = typeof permission === "string" ? permission : permission?.permission;
      if (permissionName && !can(user, permissionName)) throw new AppError("FORBIDDEN");

      const parsed = await schema.safeParseAsync(actionInput(args));
      if (!parsed.success) {
        return { ok: false, fieldErrors: translateFieldErrors(issuesToFieldKeys(parsed.error), translate), formError: null };
      }

      if (permission && typeof permission === "object") {
        const resource = await permission.resource(parsed.data, user);
        if (!can(user, permission.permission, resource)) throw new AppError("FORBIDDEN");
      }

      return { ok: true, data: await fn(parsed.data, { user }) };
    } catch (error) {
      return actionFailure(error, translate, name);
    }
  }

  return action as AuthedAction<T>;
}

/**
 * The failed result of an action that threw: an AppError as a formError (and fieldErrors) in the
 * user's language; anything else logged with a reference number (no input, no personal data) and
 * shown as a generic message. Next's redirect(), notFound() and forbidden() are rethrown.
 */
export async function actionFailure<T>(error: unknown, translate: Translate | undefined, name: string): Promise<ActionResult<T>> {
  unstable_rethrow(error);
  if (isAppError(error)) {
    const t = translate ?? (await getServerTranslator());
    return { ok: false, fieldErrors: translateFieldErrors(error.fieldErrors, t), formError: t(error.messageKey, error.values) };
  }
  const ref = randomBytes(4).toString("hex");
  console.error(`[action ${name}] unexpected error ref=${ref}: ${describeError(error)}`);
  const t = translate ?? (await getServerTranslator().catch(() => undefined));
  return { ok: false, fieldErrors: {}, formError: t ? t("errors.genericWithRef", { ref }) : `Error ${ref}` };
}

/**
 * Error class, code and stack frames — not the message, which for database errors can quote the
 * values that were written (names, phone numbers).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trim().startsWith("at ")).slice(0, 8);
  return [`${error.name}${typeof code === "string" ? ` (${code})` : ""}`, ...frames].join("\n");
}
