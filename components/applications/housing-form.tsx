"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveHousingStepAction } from "@/lib/applications/actions";
import { PRIORITY_CATEGORIES } from "@/lib/rules/client";
import { CheckboxField, FormSection, RadioGroupField } from "./form-controls";
import { useStepForm } from "./use-step-form";

export interface HousingValues {
  ownsUrbanHousingInCity: "" | "yes" | "no";
  housingFloorAreaM2: string;
  lastHousingTransferDate: string;
  familyCanSupportHousing: "" | "yes" | "no";
  priorityCategories: string[];
  receivesRentalSubsidy: boolean;
}

export function HousingForm({ initial, today, back, next }: { initial: HousingValues; today: string; back: string; next: string }) {
  const t = useTranslations("applications");
  const tc = useTranslations("common");
  const [values, setValues] = useState<HousingValues>(initial);
  const { pending, fieldErrors, formError, save, check, prefetch } = useStepForm(saveHousingStepAction, next);
  const update = (patch: Partial<HousingValues>) => setValues((v) => ({ ...v, ...patch }));
  const flag = (v: string) => (v === "yes" ? true : v === "no" ? false : undefined);
  const yesNo = [
    { value: "yes", label: tc("yes") },
    { value: "no", label: tc("no") },
  ];

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const owns = flag(values.ownsUrbanHousingInCity);
    const input = {
      ownsUrbanHousingInCity: owns,
      housingFloorAreaM2: owns ? values.housingFloorAreaM2 : "",
      lastHousingTransferDate: values.lastHousingTransferDate || null,
      familyCanSupportHousing: flag(values.familyCanSupportHousing),
      priorityCategories: values.priorityCategories,
      receivesRentalSubsidy: values.receivesRentalSubsidy,
    };
    if (!(await check((s) => s.housingStepSchema, input))) return;
    save(input);
  }

  return (
    <form onSubmit={onSubmit} onFocus={prefetch} noValidate className="flex flex-col gap-6">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <FormSection id="housing" title={t("apply.housing.housingTitle")}>
        <RadioGroupField
          id="ownsUrbanHousingInCity"
          name="ownsUrbanHousingInCity"
          legend={t("apply.housing.owns")}
          hint={t("apply.housing.ownsHint")}
          options={yesNo}
          value={values.ownsUrbanHousingInCity}
          onChange={(v) => update({ ownsUrbanHousingInCity: v as "yes" | "no" })}
          errors={fieldErrors.ownsUrbanHousingInCity}
        />
        {values.ownsUrbanHousingInCity === "yes" ? (
          <TextField
            id="housingFloorAreaM2"
            name="housingFloorAreaM2"
            label={t("apply.housing.area")}
            hint={t("apply.housing.areaHint")}
            inputMode="decimal"
            maxLength={12}
            required
            requiredLabel={tc("required")}
            value={values.housingFloorAreaM2}
            onChange={(e) => update({ housingFloorAreaM2: e.target.value })}
            errors={fieldErrors.housingFloorAreaM2}
          />
        ) : null}
        <TextField
          id="lastHousingTransferDate"
          name="lastHousingTransferDate"
          type="date"
          max={today}
          min="1900-01-01"
          label={t("apply.housing.transferDate")}
          hint={t("apply.housing.transferDateHint")}
          value={values.lastHousingTransferDate}
          onChange={(e) => update({ lastHousingTransferDate: e.target.value })}
          errors={fieldErrors.lastHousingTransferDate}
        />
      </FormSection>
      <FormSection id="support" title={t("apply.housing.supportTitle")}>
        <RadioGroupField
          id="familyCanSupportHousing"
          name="familyCanSupportHousing"
          legend={t("apply.housing.familySupport")}
          hint={t("apply.housing.familySupportHint")}
          options={yesNo}
          value={values.familyCanSupportHousing}
          onChange={(v) => update({ familyCanSupportHousing: v as "yes" | "no" })}
          errors={fieldErrors.familyCanSupportHousing}
        />
      </FormSection>
      <FormSection id="priority" title={t("apply.housing.priorityTitle")}>
        <p className="-mt-2 text-sm text-slate-600">{t("apply.housing.priorityHint")}</p>
        {PRIORITY_CATEGORIES.map((c) => (
          <CheckboxField
            key={c}
            id={`priority-${c}`}
            label={t(`priority.${c}`)}
            description={t(`priorityHelp.${c}`)}
            checked={values.priorityCategories.includes(c)}
            onChange={(checked) =>
              update({ priorityCategories: checked ? [...values.priorityCategories, c] : values.priorityCategories.filter((x) => x !== c) })
            }
          />
        ))}
        {fieldErrors.priorityCategories ? <Alert tone="error">{fieldErrors.priorityCategories.join(" ")}</Alert> : null}
        <CheckboxField
          id="receivesRentalSubsidy"
          label={t("apply.housing.rentalSubsidy")}
          description={t("apply.housing.rentalSubsidyHint")}
          checked={values.receivesRentalSubsidy}
          onChange={(receivesRentalSubsidy) => update({ receivesRentalSubsidy })}
        />
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
