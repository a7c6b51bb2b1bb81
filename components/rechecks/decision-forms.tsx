"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { confirmCancellationAction, dismissRecheckAction } from "@/lib/rechecks/actions";
import { ConfirmPanel } from "./confirm-panel";

const textarea = "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";

function FieldErrorsList({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite">
      {errors?.map((m) => (
        <p key={m} className="text-sm font-medium text-accent-600">
          <span aria-hidden="true">⚠ </span>
          {m}
        </p>
      ))}
    </div>
  );
}

/** Confirm the cancellation (Art. 20): irreversible, so it asks once more. */
export function ConfirmCancellationForm({ recheckId }: { recheckId: string }) {
  const t = useTranslations("rechecks.decide");
  const tc = useTranslations("common");
  const { pending, fieldErrors, formError, formProps } = useFormAction(confirmCancellationAction);
  return (
    <form {...formProps} noValidate className="flex flex-col gap-3">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="recheckId" value={recheckId} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="cancel-note" className="font-medium">
          {t("noteLabel")}
        </label>
        <p id="cancel-note-hint" className="text-sm text-slate-600">
          {t("noteHint")}
        </p>
        <textarea id="cancel-note" name="note" rows={3} maxLength={500} className={textarea} aria-describedby="cancel-note-hint cancel-note-error" />
        <FieldErrorsList id="cancel-note-error" errors={fieldErrors.note} />
      </div>
      <ConfirmPanel
        openLabel={t("cancelOpen")}
        question={t("cancelQuestion")}
        confirmLabel={t("cancelConfirm")}
        cancelLabel={t("back")}
        pending={pending}
        pendingLabel={tc("submitting")}
      />
    </form>
  );
}

/** Dismiss: the household keeps its qualification; the reason is recorded. */
export function DismissRecheckForm({ recheckId }: { recheckId: string }) {
  const t = useTranslations("rechecks.decide");
  const tc = useTranslations("common");
  const { pending, fieldErrors, formError, formProps } = useFormAction(dismissRecheckAction);
  return (
    <form {...formProps} noValidate className="flex flex-col gap-3">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="recheckId" value={recheckId} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="dismiss-reason" className="font-medium">
          {t("reasonLabel")}
          <span className="ml-1 text-sm font-normal text-slate-600">{tc("required")}</span>
        </label>
        <p id="dismiss-reason-hint" className="text-sm text-slate-600">
          {t("reasonHint")}
        </p>
        <textarea
          id="dismiss-reason"
          name="reason"
          rows={3}
          maxLength={500}
          required
          aria-invalid={fieldErrors.reason ? true : undefined}
          aria-describedby="dismiss-reason-hint dismiss-reason-error"
          className={textarea}
        />
        <FieldErrorsList id="dismiss-reason-error" errors={fieldErrors.reason} />
      </div>
      <div>
        <SubmitButton variant="secondary" pending={pending} pendingLabel={tc("submitting")}>
          {t("dismissSubmit")}
        </SubmitButton>
      </div>
    </form>
  );
}
