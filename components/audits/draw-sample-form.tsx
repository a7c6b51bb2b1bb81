"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { drawSampleAction } from "@/lib/audits/actions";

/** Municipal officers draw a reproducible sample of a district's review decisions (Art. 20). */
export function DrawSampleForm({
  districts,
  defaultStart,
  defaultEnd,
  maxSampleSize,
}: {
  districts: Array<{ value: string; label: string }>;
  defaultStart: string;
  defaultEnd: string;
  /** The schema's limit, given by the server page (the schema stays off the page). */
  maxSampleSize: number;
}) {
  const t = useTranslations("audits.draw");
  const tc = useTranslations("common");
  const router = useRouter();
  const { state, pending, fieldErrors, formError, formProps } = useFormAction(drawSampleAction);
  useEffect(() => {
    if (state?.ok) router.push(`/staff/audits/${state.data.auditId}`);
  }, [state, router]);
  return (
    <form {...formProps} noValidate className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <SelectField
        name="districtCode"
        label={t("district")}
        placeholder={t("districtPlaceholder")}
        options={districts}
        defaultValue=""
        required
        requiredLabel={tc("required")}
        errors={fieldErrors.districtCode}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="periodStart" type="date" label={t("periodStart")} defaultValue={defaultStart} required requiredLabel={tc("required")} errors={fieldErrors.periodStart} />
        <TextField name="periodEnd" type="date" label={t("periodEnd")} defaultValue={defaultEnd} required requiredLabel={tc("required")} errors={fieldErrors.periodEnd} />
      </div>
      <TextField
        name="sampleSize"
        type="number"
        inputMode="numeric"
        min={1}
        max={maxSampleSize}
        defaultValue="10"
        label={t("sampleSize")}
        hint={t("sampleSizeHint", { max: maxSampleSize })}
        required
        requiredLabel={tc("required")}
        errors={fieldErrors.sampleSize}
      />
      <TextField name="seed" label={t("seed")} hint={t("seedHint")} autoComplete="off" spellCheck={false} maxLength={64} errors={fieldErrors.seed} />
      <div>
        <SubmitButton pending={pending} pendingLabel={tc("submitting")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
