import type { z } from "zod";

/** Field name → messages to show under that field (already translated). */
export type FieldErrors = Record<string, string[]>;

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: FieldErrors; formError: string | null };

/**
 * A schema as client forms use it for instant feedback: its verdict and issues. Forms load their
 * zod schemas when first used, not with the page (docs/decisions/009-client-bundles.md).
 */
export interface FormSchema {
  safeParse(input: unknown): { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** The state a form keeps between submissions (null before the first). */
export type ActionState<T> = ActionResult<T> | null;

/**
 * A FormData as a plain object for zod: repeated names become arrays, Next's internal `$ACTION_*`
 * fields are dropped. Values stay strings (or Files); the schema coerces.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

export function toInput(raw: unknown): unknown {
  return raw instanceof FormData ? formDataToObject(raw) : raw;
}

/**
 * The input of a server action called as `action(input)` or, through useActionState,
 * `action(previousState, input)`: the last argument, as a plain object when it is a form. A client
 * can send anything, so this never assumes a FormData; the schema then judges it.
 */
export function actionInput(args: readonly unknown[]): unknown {
  return toInput(args.length >= 2 ? args[1] : args[0]);
}

/** zod issues → field name → message keys (form-level issues under "_form"). */
export function issuesToFieldKeys(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    const messages = (out[field] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return out;
}

export function translateFieldErrors(
  keys: Record<string, string[]> | undefined,
  translate: (key: string, values?: undefined, fallbackKey?: string) => string,
): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(keys ?? {})) {
    out[field] = messages.map((m) => translate(m, undefined, "validation.invalid"));
  }
  return out;
}
