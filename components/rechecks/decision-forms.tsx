"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { confirmCancellationAction, confirmTenancyEndAction, dismissRecheckAction } from "@/lib/rechecks/actions";
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
      <div className="flex flex-col gap-1.5">
        <label htmlFor="end-deadline" className="font-medium">
          {t("deadlineLabel")}
          <span className="ml-1 text-sm font-normal text-slate-600">{tc("required")}</span>
        </label>
        <p id="end-deadline-hint" className="text-sm text-slate-600">
          {t("deadlineHint")}
        </p>
        <input
          id="end-deadline"
          name="deadline"
          type="date"
          min={today}
          required
          aria-invalid={fieldErrors.deadline ? true : undefined}
          aria-describedby="end-deadline-hint end-deadline-error"
          className="block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base sm:w-56"
        />
        <FieldErrorsList id="end-deadline-error" errors={fieldErrors.deadline} />
      </div>
      <div className="flex items-start gap-3">
        <input id="end-transition" name="transitionGranted" type="checkbox" defaultChecked className="mt-1 h-5 w-5" aria-describedby="end-transition-hint end-transition-error" />
        <div>
          <label htmlFor="end-transition" className="font-medium">
            {t("transitionLabel")}
          </label>
          <p id="end-transition-hint" className="text-sm text-slate-600">
            {t("transitionHint")}
          </p>
          <FieldErrorsList id="end-transition-error" errors={fieldErrors.transitionGranted} />
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="end-note" className="font-medium">
          {td("noteLabel")}
        </label>
        <p id="end-note-hint" className="text-sm text-slate-600">
          {t("noteHint")}
        </p>
        <textarea id="end-note" name="note" rows={3} maxLength={500} className={textarea} aria-describedby="end-note-hint end-note-error" />
        <FieldErrorsList id="end-note-error" errors={fieldErrors.note} />
      </div>
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
          {tenancy ? tt("dismissSubmit") : t("dismissSubmit")}
        </SubmitButton>
      </div>
    </form>
  );
}
