"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveWhereStepAction } from "@/lib/applications/actions";
import { UNIT_TYPES } from "@/lib/rules/client";
import { CheckboxField, FormSection, RadioGroupField } from "./form-controls";
import { useStepForm } from "./use-step-form";
import type { DistrictOption } from "./work-form";

export interface EstateOption {
  code: string;
  name: string;
  level: "MUNICIPAL" | "DISTRICT";
  districtCode: string;
  districtName: string;
  unitTypes: string[];
}

export interface WhereValues {
  districtCode: string;
  estateLevel: string;
  estateCodes: string[];
  unitType: string;
}

export function WhereForm({
  initial,
  districts,
  estates,
  workDistrict,
  allowedUnitTypes,
  countedSize,
  headCount,
  maxEstates,
  back,
  next,
}: {
  initial: WhereValues;
  districts: DistrictOption[];
  estates: EstateOption[];
  workDistrict: DistrictOption | null;
  allowedUnitTypes: string[];
  countedSize: number;
  headCount: number;
  /** The schema's limit, given by the server page (the schema itself comes on first use). */
  maxEstates: number;
  back: string;
  next: string;
}) {
  const t = useTranslations("applications");
  const tc = useTranslations("common");
  const [values, setValues] = useState<WhereValues>(initial);
  const { pending, fieldErrors, formError, save, check, prefetch } = useStepForm(saveWhereStepAction, next);
  const update = (patch: Partial<WhereValues>) => setValues((v) => ({ ...v, ...patch }));

  // Art. 15: municipal estates need work in a central urban district; district estates are in the
  // district where the applicant works.
  const municipalAllowed = Boolean(workDistrict?.isCentralUrban);
  const officeOptions = (values.estateLevel === "MUNICIPAL" ? districts.filter((d) => d.isCentralUrban) : districts).map((d) => ({
    value: d.code,
    label: d.isCentralUrban ? t("apply.centralDistrict", { name: d.name }) : d.name,
  }));
  const visibleEstates = estates.filter((e) =>
    values.estateLevel === "MUNICIPAL" ? e.level === "MUNICIPAL" : values.estateLevel === "DISTRICT" ? e.level === "DISTRICT" && e.districtCode === values.districtCode : false,
  );

  function chooseLevel(level: string) {
    const office = workDistrict && (level === "DISTRICT" || workDistrict.isCentralUrban) ? workDistrict.code : values.districtCode;
    update({ estateLevel: level, districtCode: office, estateCodes: [] });
  }

  function toggleEstate(code: string, checked: boolean) {
    update({ estateCodes: checked ? [...values.estateCodes, code].slice(0, maxEstates) : values.estateCodes.filter((c) => c !== code) });
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const input = {
      districtCode: values.districtCode,
      estateLevel: values.estateLevel || undefined,
      estateCodes: values.estateCodes,
      unitType: values.unitType || undefined,
    };
    if (!(await check((s) => s.whereStepSchema, input, (path) => path.split(".")[0] ?? ""))) return;
    save(input);
  }

  const estateErrors = Object.entries(fieldErrors)
    .filter(([k]) => k === "estateCodes" || k.startsWith("estateCodes."))
    .flatMap(([k, v]) => {
      const index = Number(k.split(".")[1]);
      const estate = Number.isInteger(index) ? estates.find((e) => e.code === values.estateCodes[index]) : undefined;
      return v.map((m) => (estate ? `${estate.name}${t("colon")}${m}` : m));
    });

  return (
    <form onSubmit={onSubmit} onFocus={prefetch} noValidate className="flex flex-col gap-6">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <FormSection id="level" title={t("apply.where.levelTitle")}>
        <Alert tone="info" title={t("apply.where.art15Title")}>
          <p>{t("apply.where.art15Body")}</p>
          <p className="mt-1 font-medium">
            {workDistrict
              ? workDistrict.isCentralUrban
                ? t("apply.where.yourWorkCentral", { district: workDistrict.name })
                : t("apply.where.yourWorkDistrict", { district: workDistrict.name })
              : t("apply.where.noWorkDistrict")}
          </p>
        </Alert>
        <RadioGroupField
          id="estateLevel"
          name="estateLevel"
          legend={t("apply.where.estateLevel")}
          columns
          required
          requiredLabel={tc("required")}
          options={[
            {
              value: "MUNICIPAL",
              label: t("estateLevel.MUNICIPAL"),
              description: municipalAllowed ? t("apply.where.municipalHelp") : t("apply.where.municipalNotAllowed"),
              disabled: !municipalAllowed,
            },
            { value: "DISTRICT", label: t("estateLevel.DISTRICT"), description: t("apply.where.districtHelp") },
          ]}
          value={values.estateLevel}
          onChange={chooseLevel}
          errors={fieldErrors.estateLevel}
        />
        <SelectField
          id="districtCode"
          name="districtCode"
          label={t("apply.where.office")}
          hint={values.estateLevel === "MUNICIPAL" ? t("apply.where.officeHintMunicipal") : t("apply.where.officeHintDistrict")}
          placeholder={t("apply.choose")}
          required
          requiredLabel={tc("required")}
          options={officeOptions}
          value={values.districtCode}
          onChange={(e) => update({ districtCode: e.target.value, estateCodes: values.estateLevel === "DISTRICT" ? [] : values.estateCodes })}
          errors={fieldErrors.districtCode}
        />
      </FormSection>

      <FormSection id="unit-type" title={t("apply.where.unitTypeTitle")}>
        <Alert tone="info" title={t("apply.where.art21Title")}>
          {countedSize !== headCount
            ? t("apply.where.art21ParentChild", { count: headCount, counted: countedSize })
            : t("apply.where.art21Body", { count: headCount })}{" "}
          {t("apply.where.art21Allowed", { types: allowedUnitTypes.map((u) => t(`unitType.${u}` as "unitType.STUDIO")).join(t("listSeparator")) })}
        </Alert>
        <RadioGroupField
          id="unitType"
          name="unitType"
          legend={t("apply.where.unitType")}
          columns
          required
          requiredLabel={tc("required")}
          options={UNIT_TYPES.map((u) => ({
            value: u,
            label: t(`unitType.${u}`),
            description: allowedUnitTypes.includes(u) ? t(`unitTypeHelp.${u}`) : t("apply.where.unitTypeTooLarge"),
            disabled: !allowedUnitTypes.includes(u),
          }))}
          value={values.unitType}
          onChange={(unitType) => update({ unitType })}
          errors={fieldErrors.unitType}
        />
      </FormSection>

      <FormSection id="estates" title={t("apply.where.estatesTitle")}>
        <p className="-mt-2 text-sm text-slate-600">{t("apply.where.estatesHint", { max: maxEstates })}</p>
        {estateErrors.length ? (
          <Alert tone="error">
            <ul className="list-disc pl-5">
              {estateErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {!values.estateLevel ? (
          <p className="text-slate-600">{t("apply.where.chooseLevelFirst")}</p>
        ) : visibleEstates.length === 0 ? (
          <p className="text-slate-600">{t("apply.where.noEstates")}</p>
        ) : (
          visibleEstates.map((e) => {
            const rank = values.estateCodes.indexOf(e.code);
            const hasType = !values.unitType || e.unitTypes.includes(values.unitType);
            return (
              <CheckboxField
                key={e.code}
                id={`estate-${e.code}`}
                label={
                  <>
                    {rank >= 0 ? <span className="mr-2 rounded bg-brand-700 px-1.5 text-sm text-white">{t("apply.where.choiceRank", { rank: rank + 1 })}</span> : null}
                    {e.name}
                  </>
                }
                description={`${e.districtName} · ${e.code} · ${e.unitTypes.map((u) => t(`unitType.${u}` as "unitType.STUDIO")).join(t("listSeparator"))}${hasType ? "" : ` · ${t("apply.where.noSuchUnitType")}`}`}
                checked={rank >= 0}
                onChange={(checked) => toggleEstate(e.code, checked)}
              />
            );
          })
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
