"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { FieldErrorList, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { confirmCancellationAction, confirmTenancyEndAction, dismissRecheckAction } from "@/lib/rechecks/actions";
import { ConfirmPanel } from "./confirm-panel";

/** Confirm the cancellation (Art. 20): irreversible, so it asks once more. */
export function ConfirmCancellationForm({ recheckId }: { recheckId: string }) {
  const t = useTranslations("rechecks.decide");
  const tc = useTranslations("common");
  const { pending, fieldErrors, formError, formProps } = useFormAction(confirmCancellationAction);
  return (
    <form {...formProps} noValidate className="flex flex-col gap-3">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="recheckId" value={recheckId} />
      <TextAreaField id="cancel-note" name="note" rows={3} maxLength={500} label={t("noteLabel")} hint={t("noteHint")} errors={fieldErrors.note} />
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

/**
 * End the tenancy after a failed check (Art. 42): the deadline to leave (Art. 41), the transition
 * (Art. 38) and words for the tenant; irreversible, so it asks once more.
 */
export function EndTenancyForm({ recheckId, today }: { recheckId: string; today: string }) {
  const t = useTranslations("rechecks.tenancy.decide");
  const td = useTranslations("rechecks.decide");
  const tc = useTranslations("common");
  const { pending, fieldErrors, formError, formProps } = useFormAction(confirmTenancyEndAction);
  return (
    <form {...formProps} noValidate className="flex flex-col gap-3">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="recheckId" value={recheckId} />
      <TextField
        id="end-deadline"
        name="deadline"
        type="date"
        min={today}
        required
        requiredLabel={tc("required")}
        label={t("deadlineLabel")}
        hint={t("deadlineHint")}
        errors={fieldErrors.deadline}
        className="sm:w-56"
      />
      <div className="flex items-start gap-3">
        <input id="end-transition" name="transitionGranted" type="checkbox" defaultChecked className="mt-1 h-5 w-5" aria-describedby="end-transition-hint end-transition-error" />
        <div>
          <label htmlFor="end-transition" className="font-medium">
            {t("transitionLabel")}
          </label>
          <p id="end-transition-hint" className="text-sm text-slate-600">
            {t("transitionHint")}
          </p>
          <FieldErrorList id="end-transition-error" errors={fieldErrors.transitionGranted} />
        </div>
      </div>
      <TextAreaField id="end-note" name="note" rows={3} maxLength={500} label={td("noteLabel")} hint={t("noteHint")} errors={fieldErrors.note} />
      <ConfirmPanel
        openLabel={t("endOpen")}
        question={t("endQuestion")}
        confirmLabel={t("endConfirm")}
        cancelLabel={td("back")}
        pending={pending}
        pendingLabel={tc("submitting")}
      />
    </form>
  );
}

/** Dismiss: the household keeps its qualification (or its tenancy); the reason is recorded. */
export function DismissRecheckForm({ recheckId, tenancy = false }: { recheckId: string; tenancy?: boolean }) {
  const t = useTranslations("rechecks.decide");
  const tt = useTranslations("rechecks.tenancy.decide");
  const tc = useTranslations("common");
  const { pending, fieldErrors, formError, formProps } = useFormAction(dismissRecheckAction);
  return (
    <form {...formProps} noValidate className="flex flex-col gap-3">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="recheckId" value={recheckId} />
      <TextAreaField
        id="dismiss-reason"
        name="reason"
        rows={3}
        maxLength={500}
        required
        requiredLabel={tc("required")}
        label={t("reasonLabel")}
        hint={t("reasonHint")}
        errors={fieldErrors.reason}
      />
      <div>
        <SubmitButton variant="secondary" pending={pending} pendingLabel={tc("submitting")}>
          {tenancy ? tt("dismissSubmit") : t("dismissSubmit")}
        </SubmitButton>
      </div>
    </form>
  );
}
