"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { ConfirmPanel } from "@/components/rechecks/confirm-panel";
import { closeRectificationAction, completeAuditAction, recordFindingAction, submitReportAction } from "@/lib/audits/actions";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { TextAreaField, TextField } from "@/components/ui/field";

// The audit notes have always been 3 rows tall (the shared TextAreaField defaults to 4), hence rows={3} below.

/** The finding on one sampled decision: OK, or a problem with notes. */
export function FindingForm({ itemId, current, finding }: { itemId: string; current: boolean | null; finding: string | null }) {
  const t = useTranslations("audits.finding");
  const tc = useTranslations("common");
  const { state, pending, fieldErrors, formError, formProps } = useFormAction(recordFindingAction);
  return (
    <form {...formProps} noValidate className="flex flex-col gap-3">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">{t("saved")}</Alert> : null}
      <input type="hidden" name="itemId" value={itemId} />
      <ChoiceGroup
        inline
        type="radio"
        id={`result-${itemId}`}
        name="result"
        legend={t("result")}
        defaultValue={current === null ? undefined : current ? "OK" : "PROBLEM"}
        options={[
          { value: "OK", label: t("ok") },
          { value: "PROBLEM", label: t("problem") },
        ]}
        errors={fieldErrors.result}
      />
      <TextAreaField rows={3} id={`finding-${itemId}`} name="finding" label={t("notes")} hint={t("notesHint")} defaultValue={finding ?? ""} maxLength={1000} errors={fieldErrors.finding} />
      <div>
        <SubmitButton variant="secondary" pending={pending} pendingLabel={tc("submitting")}>
          {t("save")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Completes the audit; problems open a rectification due in 15 working days (Art. 20). The action redirects to the audit. */
export function CompleteAuditForm({ auditId, problems }: { auditId: string; problems: number }) {
  const t = useTranslations("audits.complete");
  const tc = useTranslations("common");
  const { pending, fieldErrors, formError, formProps } = useFormAction(completeAuditAction);
  return (
    <form {...formProps} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="auditId" value={auditId} />
      <TextAreaField rows={3} id="audit-summary" name="summary" label={t("summary")} required requiredLabel={tc("required")} maxLength={2000} errors={fieldErrors.summary} />
      <TextAreaField
        rows={3}
        id="audit-requirement"
        name="requirement"
        label={t("requirement")}
        hint={problems > 0 ? t("requirementHintProblems", { count: problems }) : t("requirementHintNone")}
        required={problems > 0}
        requiredLabel={tc("required")}
        maxLength={2000}
        errors={fieldErrors.requirement}
      />
      <ConfirmPanel
        variant="primary"
        openLabel={t("open")}
        question={problems > 0 ? t("questionProblems", { count: problems }) : t("question")}
        confirmLabel={t("confirm")}
        cancelLabel={t("back")}
        pending={pending}
        pendingLabel={tc("submitting")}
      />
    </form>
  );
}

/** The district's report on a rectification: text plus an optional document reference. */
export function ReportForm({ rectificationId }: { rectificationId: string }) {
  const t = useTranslations("audits.report");
  const tc = useTranslations("common");
  const { pending, fieldErrors, formError, formProps } = useFormAction(submitReportAction);
  return (
    <form {...formProps} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="rectificationId" value={rectificationId} />
      <TextAreaField id="report-text" name="report" label={t("report")} hint={t("reportHint")} rows={6} required requiredLabel={tc("required")} maxLength={5000} errors={fieldErrors.report} />
      <TextField name="documentRef" label={t("documentRef")} hint={t("documentRefHint")} maxLength={100} errors={fieldErrors.documentRef} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tc("submitting")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Municipal officers accept (close) the report, or reopen the rectification with a new deadline. */
export function CloseRectificationForm({ rectificationId }: { rectificationId: string }) {
  const t = useTranslations("audits.close");
  const tc = useTranslations("common");
  const { pending, fieldErrors, formError, formProps } = useFormAction(closeRectificationAction);
  return (
    <form {...formProps} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="rectificationId" value={rectificationId} />
      <ChoiceGroup
        inline
        type="radio"
        id="close-decision"
        name="decision"
        legend={t("decision")}
        options={[
          { value: "ACCEPT", label: t("accept") },
          { value: "REOPEN", label: t("reopen") },
        ]}
        errors={fieldErrors.decision}
      />
      <TextAreaField rows={3} id="close-note" name="note" label={t("note")} hint={t("noteHint")} maxLength={2000} errors={fieldErrors.note} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tc("submitting")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
