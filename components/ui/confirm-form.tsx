"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { formDataToObject, type ActionState, type FieldErrors } from "@/lib/actions/action-result";
import type { z } from "zod";

type FormActionFn<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * A form for an irreversible decision: checks the input with the feature's zod schema for instant
 * feedback, then asks for confirmation before it posts to the server action. Double submissions
 * are stopped by the disabled button here and by the state machine on the server.
 */
export function ConfirmForm<T>({
  action,
  schema,
  confirmMessage,
  confirmTitle,
  submitLabel,
  confirmLabel,
  cancelLabel,
  pendingLabel,
  submitVariant = "primary",
  onSuccess,
  children,
  className,
  testId,
}: {
  action: FormActionFn<T>;
  schema?: z.ZodType;
  confirmMessage: (values: Record<string, unknown>) => string;
  confirmTitle?: string;
  submitLabel: string;
  confirmLabel: string;
  cancelLabel: string;
  pendingLabel: string;
  submitVariant?: "primary" | "danger" | "secondary";
  onSuccess?: (data: T) => void;
  children: (errors: FieldErrors) => ReactNode;
  className?: string;
  testId?: string;
}) {
  const t = useTranslations();
  const translate = t as unknown as { (key: string): string; has(key: string): boolean };
  const { state, pending, fieldErrors, formError, formProps } = useFormAction(action);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const confirmRef = useRef<HTMLDivElement>(null);
  const handled = useRef<unknown>(null);
  // Set once hydrated: before that a click would miss the confirmation step (tests wait for it).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      onSuccess?.(state.data);
    }
  }, [state, onSuccess]);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formDataToObject(new FormData(event.currentTarget));
    if (!confirming) {
      if (schema) {
        const parsed = schema.safeParse(values);
        if (!parsed.success) {
          const errors: FieldErrors = {};
          for (const issue of parsed.error.issues) {
            const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
            const text = translate.has(issue.message) ? translate(issue.message) : translate("validation.invalid");
            (errors[field] ??= []).includes(text) || errors[field]!.push(text);
          }
          setClientErrors(errors);
          return;
        }
      }
      setClientErrors({});
      setConfirming(confirmMessage(values));
      return;
    }
    setConfirming(null);
    formProps.onSubmit(event);
  };

  const errors = Object.keys(clientErrors).length > 0 ? clientErrors : fieldErrors;
  return (
    <form action={formProps.action} onSubmit={onSubmit} noValidate className={className ?? "flex flex-col gap-5"} data-testid={testId} data-ready={ready || undefined}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {/* inert, not disabled: disabled controls would drop out of the submitted form data. */}
      <div inert={Boolean(confirming) || pending} className="flex min-w-0 flex-col gap-5">
        {children(errors)}
      </div>
      {confirming ? (
        <div ref={confirmRef} tabIndex={-1} role="alertdialog" aria-label={confirmTitle ?? confirmLabel} className="rounded-md border border-amber-600 bg-amber-50 p-4">
          {confirmTitle ? <p className="font-semibold text-amber-900">{confirmTitle}</p> : null}
          <p className="mt-1 text-amber-900">{confirming}</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <SubmitButton pending={pending} pendingLabel={pendingLabel} variant={submitVariant}>
              {confirmLabel}
            </SubmitButton>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {cancelLabel}
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <SubmitButton pending={pending} pendingLabel={pendingLabel} variant={submitVariant}>
            {submitLabel}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
