"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveWorkStepAction } from "@/lib/applications/actions";
import { EMPLOYMENT_BASES } from "@/lib/rules/client";
import { FormSection, RadioGroupField } from "./form-controls";
import { useStepForm } from "./use-step-form";

export interface WorkValues {
  employment: string;
  employerName: string;
  workDistrictCode: string;
}

export interface DistrictOption {
  code: string;
  name: string;
  isCentralUrban: boolean;
}

export function WorkForm({
  initial,
  districts,
  employmentsNeedingEmployer,
  back,
  next,
}: {
  initial: WorkValues;
  districts: DistrictOption[];
  /** The schema's list (Art. 13.3), given by the server page (the schema itself comes on first use). */
  employmentsNeedingEmployer: readonly string[];
  back: string;
  next: string;
}) {
  const t = useTranslations("applications");
  const tc = useTranslations("common");
  const [values, setValues] = useState<WorkValues>(initial);
  const { pending, fieldErrors, formError, save, check, prefetch } = useStepForm(saveWorkStepAction, next);
  const update = (patch: Partial<WorkValues>) => setValues((v) => ({ ...v, ...patch }));
  const needsEmployer = employmentsNeedingEmployer.includes(values.employment);
  const noWork = values.employment === "NONE";
  const central = districts.filter((d) => d.isCentralUrban);
  const others = districts.filter((d) => !d.isCentralUrban);
  const chosen = districts.find((d) => d.code === values.workDistrictCode);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const input = {
      employment: values.employment || undefined,
      employerName: values.employerName,
      workDistrictCode: noWork ? null : values.workDistrictCode,
    };
    if (!(await check((s) => s.workStepSchema, input))) return;
    save(input);
  }

  return (
    <form onSubmit={onSubmit} onFocus={prefetch} noValidate className="flex flex-col gap-6">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <FormSection id="work" title={t("apply.work.title")}>
        <RadioGroupField
          id="employment"
          name="employment"
          legend={t("apply.work.employment")}
          hint={t("apply.work.employmentHint")}
          columns
          required
          requiredLabel={tc("required")}
          options={EMPLOYMENT_BASES.map((e) => ({ value: e, label: t(`employment.${e}`), description: t(`employmentHelp.${e}`) }))}
          value={values.employment}
          onChange={(employment) => update({ employment })}
          errors={fieldErrors.employment}
        />
        {noWork ? null : (
          <>
            <TextField
              id="employerName"
              name="employerName"
              label={needsEmployer ? t("apply.work.employerName") : t("apply.work.employerNameOptional")}
              hint={t("apply.work.employerHint")}
              maxLength={100}
              required={needsEmployer}
              requiredLabel={tc("required")}
              value={values.employerName}
              onChange={(e) => update({ employerName: e.target.value })}
              errors={fieldErrors.employerName}
            />
            <SelectField
              id="workDistrictCode"
              name="workDistrictCode"
              label={t("apply.work.workDistrict")}
              hint={t("apply.work.workDistrictHint")}
              placeholder={t("apply.choose")}
              required
              requiredLabel={tc("required")}
              options={[
                ...central.map((d) => ({ value: d.code, label: t("apply.centralDistrict", { name: d.name }) })),
                ...others.map((d) => ({ value: d.code, label: d.name })),
              ]}
              value={values.workDistrictCode}
              onChange={(e) => update({ workDistrictCode: e.target.value })}
              errors={fieldErrors.workDistrictCode}
            />
            {chosen ? (
              <Alert tone="info">{chosen.isCentralUrban ? t("apply.work.centralConsequence", { district: chosen.name }) : t("apply.work.districtConsequence", { district: chosen.name })}</Alert>
            ) : null}
          </>
        )}
      </FormSection>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
        <ButtonLink href={back} variant="secondary" className="w-full sm:w-auto">
          {t("apply.back")}
        </ButtonLink>
        <SubmitButton pending={pending} pendingLabel={t("apply.saving")} className="w-full sm:w-auto">
          {t("apply.saveAndContinue")}
        </SubmitButton>
      </div>
    </form>
  );
}
