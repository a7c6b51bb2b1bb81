"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult, FieldErrors } from "@/lib/actions/action-result";
import { groupIssues } from "@/lib/applications/schemas";
import { useMessage } from "./form-controls";

/** A zod schema, as far as the steps use it: its verdict and issues. */
interface StepSchema {
  safeParse(input: unknown): { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * Saves one step of the application through its server action, then goes to `next`. Keeps the
 * field errors (keyed by field path, e.g. "members.0.residentId") and the form error of a refusal.
 */
export function useStepForm<T>(action: (input: object) => Promise<ActionResult<T>>, next: string | null) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const message = useMessage();

  /**
   * Instant feedback with the server's own schema (the server checks again): shows the issues by
   * field (`field` maps an issue's path to the field that shows it) and returns whether the input passed.
   */
  function check(schema: StepSchema, input: object, field?: (path: string) => string): boolean {
    const parsed = schema.safeParse(input);
    if (parsed.success) return true;
    setFieldErrors(groupIssues(parsed.error.issues, message, field));
    return false;
  }

  function save(input: object, options: { then?: string | null } = {}) {
    startTransition(async () => {
      const result = await action(input);
      if (result.ok) {
        setFieldErrors({});
        setFormError(null);
        const target = options.then === undefined ? next : options.then;
        if (target) router.push(target);
        else router.refresh();
      } else {
        setFieldErrors(result.fieldErrors);
        setFormError(result.formError);
        // Move the person to the first problem (screen readers hear the summary via role=alert).
        requestAnimationFrame(() => {
          const first = document.querySelector<HTMLElement>("[aria-invalid='true'], [role='alert']");
          first?.focus?.();
          first?.scrollIntoView?.({ block: "center" });
        });
      }
    });
  }

  return { pending, fieldErrors, formError, save, check, setFieldErrors };
}
