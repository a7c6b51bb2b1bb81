"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { useFormKey } from "@/components/ui/form-key";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createRentStandardAction, createReviewAction, decideRentStandardAction } from "@/lib/tenancy/rent-standard-actions";

// Rent standards (Art. 27): drafting one, creating a review's draft, and the second officer's
// decision, each sent once (a form key) and the decisions confirmed first.

const INCOME_ROWS = 4;
const loadDecide = () => import("@/lib/tenancy/rent-standard-schemas").then((m) => m.decideRentStandardSchema);

/** Drafts a standard: estate, unit type, date, document number, market rent and the tiers. */
export function RentStandardForm({ estates, unitTypes, today }: { estates: Array<{ id: string; label: string }>; unitTypes: Array<{ value: string; label: string }>; today: string }) {
  const t = useTranslations("rentStandards");
  const common = useTranslations("common");
  const router = useRouter();
  const [formKey] = useFormKey("rs");
  const { state, pending, fieldErrors, formError, formProps } = useFormAction(createRentStandardAction);
  useEffect(() => {
    if (state?.ok) router.push(`/staff/rent-standards/${state.data.standardId}`);
  }, [state, router]);
  const required = common("required");
  return (
    <form {...formProps} noValidate className="flex flex-col gap-5" data-testid="rent-standard-form">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="formKey" value={formKey} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="estateId" label={t("fields.estate")} placeholder={t("fields.estatePlaceholder")} options={estates.map((e) => ({ value: e.id, label: e.label }))} required requiredLabel={required} errors={fieldErrors.estateId} />
        <SelectField name="unitType" label={t("fields.unitType")} hint={t("fields.unitTypeHint")} placeholder={t("allTypes")} options={unitTypes} errors={fieldErrors.unitType} />
        <TextField name="effectiveFrom" type="date" min={today} label={t("fields.effectiveFrom")} hint={t("fields.effectiveFromHint")} required requiredLabel={required} errors={fieldErrors.effectiveFrom} />
        <TextField name="documentNo" label={t("fields.documentNo")} hint={t("fields.documentNoHint")} maxLength={100} required requiredLabel={required} errors={fieldErrors.documentNo} />
        <TextField name="marketRent" inputMode="decimal" label={t("fields.marketRent")} hint={t("fields.marketRentHint")} required requiredLabel={required} errors={fieldErrors.marketRent} />
        <TextField name="lowRentRate" inputMode="decimal" label={t("fields.lowRentRate")} hint={t("fields.lowRentRateHint")} errors={fieldErrors.lowRentRate} />
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="text-base font-medium">{t("fields.tiers")}</legend>
        <p className="text-sm text-slate-600">{t("fields.tiersHint")}</p>
        {Array.from({ length: INCOME_ROWS }, (_, i) => (
          <div key={i} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2" data-tier-row={i}>
            <TextField id={`tier-rate-${i}`} name="tierRate" inputMode="decimal" label={t("fields.tierRate", { n: i + 1 })} errors={fieldErrors[`tierRate.${i}`]} />
            <TextField id={`tier-max-${i}`} name="tierMax" inputMode="decimal" label={t("fields.tierMax", { n: i + 1 })} errors={fieldErrors[`tierMax.${i}`]} />
          </div>
        ))}
      </fieldset>
      <SubmitButton pending={pending} pendingLabel={common("submitting")}>
        {t("fields.submit")}
      </SubmitButton>
    </form>
  );
}

/** Saves a review's computed rates as a new dated draft (the inputs come from the preview). */
export function CreateReviewForm({ inputs, effectiveFrom }: { inputs: Record<string, string>; effectiveFrom: string }) {
  const t = useTranslations("rentStandards");
  const common = useTranslations("common");
  const [formKey] = useFormKey("rv");
  return (
    <ConfirmForm
      action={createReviewAction}
      confirmTitle={t("createDraftConfirmTitle")}
      confirmMessage={() => t("createDraftConfirm", { date: effectiveFrom })}
      submitLabel={t("createDraft")}
      confirmLabel={t("createDraftConfirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      testId="create-review-form"
    >
      {(errors) => (
        <>
          <input type="hidden" name="formKey" value={formKey} />
          {Object.entries(inputs).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <TextField name="documentNo" label={t("fields.documentNo")} hint={t("fields.documentNoHint")} maxLength={100} required requiredLabel={common("required")} errors={errors.documentNo} />
          {Object.entries(errors)
            .filter(([field]) => field !== "documentNo")
            .map(([field, messages]) => (
              <Alert key={field} tone="error">
                {messages.join(" ")}
              </Alert>
            ))}
        </>
      )}
    </ConfirmForm>
  );
}

/** The second officer's decision: approve (published at once) or reject with a reason. */
export function DecideRentStandardForm({ standardId, documentNo }: { standardId: string; documentNo: string }) {
  const t = useTranslations("rentStandards");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={decideRentStandardAction}
      schema={loadDecide}
      confirmTitle={t("decideConfirmTitle")}
      confirmMessage={(values) => (values.decision === "REJECT" ? t("decideConfirmReject", { documentNo }) : t("decideConfirmApprove", { documentNo }))}
      submitLabel={t("decideSubmit")}
      confirmLabel={t("decideConfirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="decide-rent-standard-form"
    >
      {(errors) => (
        <>
          <input type="hidden" name="standardId" value={standardId} />
          <ChoiceGroup
            type="radio"
            name="decision"
            legend={t("decision")}
            options={[
              { value: "APPROVE", label: t("approve") },
              { value: "REJECT", label: t("reject") },
            ]}
            required
            requiredLabel={common("required")}
            errors={errors.decision}
          />
          <TextAreaField name="reason" label={t("reason")} hint={t("reasonHint")} maxLength={1000} rows={3} errors={errors.reason} />
        </>
      )}
    </ConfirmForm>
  );
}
