"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { formDataToObject, type ActionState, type FieldErrors, type FormSchema } from "@/lib/actions/action-result";

type FormActionFn<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * A form for an irreversible decision: checks the input with the feature's zod schema for instant
 * feedback, then asks for confirmation before it posts to the server action. Double submissions
 * are stopped by the disabled button here and by the state machine on the server. `schema` loads
 * the schema (`() => import("...schemas").then((m) => m.x)`): zod comes when the form is first
 * focused or submitted, not with the page (docs/decisions/009-client-bundles.md); should it not
 * load, the server's check stands in.
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
  schema?: () => Promise<FormSchema>;
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
  const [checking, setChecking] = useState(false);
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

  /** The schema's issues by field, translated; null when the input passes (or the schema did not load). */
  async function clientCheck(values: Record<string, unknown>): Promise<FieldErrors | null> {
    let loaded: FormSchema;
    try {
      loaded = await schema!();
    } catch {
      return null;
    }
    const parsed = loaded.safeParse(values);
    if (parsed.success) return null;
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
      const text = translate.has(issue.message) ? translate(issue.message) : translate("validation.invalid");
      (errors[field] ??= []).includes(text) || errors[field]!.push(text);
    }
    return errors;
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (checking) return;
    const values = formDataToObject(new FormData(event.currentTarget));
    if (!confirming) {
      if (schema) {
        setChecking(true);
        const errors = await clientCheck(values).finally(() => setChecking(false));
        if (errors) {
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

  /** Fetches the schema while the person fills the form in, so that it is there on submit. */
  const prefetch = () => {
    schema?.().catch(() => {});
  };

  const errors = Object.keys(clientErrors).length > 0 ? clientErrors : fieldErrors;
  return (
    <form action={formProps.action} onSubmit={onSubmit} onFocus={prefetch} noValidate className={className ?? "flex flex-col gap-5"} data-testid={testId} data-ready={ready || undefined}>
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
          <SubmitButton pending={pending || checking} pendingLabel={pendingLabel} variant={submitVariant}>
            {submitLabel}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
