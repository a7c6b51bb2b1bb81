"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { ActionResult, FieldErrors, FormSchema } from "@/lib/actions/action-result";
import { groupIssues } from "@/lib/applications/steps";
import { useMessage } from "./form-controls";

type StepSchemas = typeof import("@/lib/applications/schemas");

// The steps' schemas bring zod, which the step pages do not load with the page: they come when a
// form is first focused or submitted (docs/decisions/009-client-bundles.md).
let stepSchemas: Promise<StepSchemas> | null = null;

function loadStepSchemas(): Promise<StepSchemas> {
  stepSchemas ??= import("@/lib/applications/schemas").catch((error: unknown) => {
    stepSchemas = null; // try again next time
    throw error;
  });
  return stepSchemas;
}

/**
 * Saves one step of the application through its server action, then goes to `next`. Keeps the
 * field errors (keyed by field path, e.g. "members.0.residentId") and the form error of a refusal.
 */
export function useStepForm<T>(action: (input: object) => Promise<ActionResult<T>>, next: string | null) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [checking, setChecking] = useState(false);
  const busy = useRef(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const message = useMessage();

  /** Starts fetching the schemas (give it to the form's onFocus), so that they are there on submit. */
  function prefetch() {
    loadStepSchemas().catch(() => {});
  }

  /**
   * Instant feedback with the server's own schema (the server checks again): shows the issues by
   * field (`field` maps an issue's path to the field that shows it) and resolves whether the input
   * passed. False also while an earlier submission is still being checked. Should the schemas not
   * load, the server's answer stands in.
   */
  async function check(pick: (schemas: StepSchemas) => FormSchema, input: object, field?: (path: string) => string): Promise<boolean> {
    if (busy.current) return false;
    busy.current = true;
    setChecking(true);
    try {
      const parsed = pick(await loadStepSchemas()).safeParse(input);
      if (parsed.success) return true;
      setFieldErrors(groupIssues(parsed.error.issues, message, field));
      return false;
    } catch {
      return true;
    } finally {
      busy.current = false;
      setChecking(false);
    }
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

  return { pending: pending || checking, fieldErrors, formError, save, check, prefetch, setFieldErrors };
}
