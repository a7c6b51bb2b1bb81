"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { TextAreaField } from "@/components/ui/field";
import { decideObjectionAction, startInvestigationAction } from "@/lib/publicity/actions";

// The schema (and zod) comes when the form is first used (docs/decisions/009-client-bundles.md).
const loadObjectionOutcomeSchema = () => import("@/lib/publicity/schemas").then((m) => m.objectionOutcomeSchema);

export function StartInvestigationButton({ objectionId }: { objectionId: string }) {
  const t = useTranslations("publicity.staff");
  const common = useTranslations("common");
  const { pending, formError, formProps } = useFormAction(startInvestigationAction);
  return (
    <form {...formProps} className="flex flex-col gap-2">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="objectionId" value={objectionId} />
      <div>
        <SubmitButton pending={pending} pendingLabel={common("submitting")} variant="secondary">
          {t("startInvestigation")}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Records the outcome of an objection's investigation (Art. 19). */
export function ObjectionOutcomeForm({ objectionId }: { objectionId: string }) {
  const t = useTranslations("publicity.staff");
  const common = useTranslations("common");
  return (
    <ConfirmForm
      action={decideObjectionAction}
      schema={loadObjectionOutcomeSchema}
      confirmTitle={t("outcomeTitle")}
      confirmMessage={(values) => (values.outcome === "UPHELD" ? t("confirmUpheld") : t("confirmNotUpheld"))}
      submitLabel={t("submitOutcome")}
      confirmLabel={t("submitOutcome")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      testId={`objection-outcome-${objectionId}`}
    >
      {(errors) => (
        <>
          <input type="hidden" name="objectionId" value={objectionId} />
          <ChoiceGroup
            idPrefix={`o-${objectionId}`}
            type="radio"
            name="outcome"
            legend={t("outcome")}
            required
            requiredLabel={common("required")}
            options={[
              { value: "UPHELD", label: t("upheld") },
              { value: "NOT_UPHELD", label: t("notUpheld") },
            ]}
            errors={errors.outcome}
          />
          <TextAreaField
            idPrefix={`o-${objectionId}`}
            name="findings"
            label={t("findingsLabel")}
            hint={t("findingsHint")}
            required
            requiredLabel={common("required")}
            maxLength={2000}
            errors={errors.findings}
          />
        </>
      )}
    </ConfirmForm>
  );
}
