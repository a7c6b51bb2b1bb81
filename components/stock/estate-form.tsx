"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createEstateAction, updateEstateAction } from "@/lib/stock/actions";
import { INVESTMENT_TYPES, STOCK_SOURCES } from "@/lib/stock/schema-options";


/** The estate as its edit form starts from it. */
export interface EstateFormValues {
  name: string;
  nameEn: string;
  stockSource: string;
  investment: string;
  ownerName: string;
  operatorName: string;
  address: string;
  elderlyCareServices: string;
  childCareServices: string;
}

/**
 * Adds an estate (its code and district chosen once: `districts` are those the officer may choose)
 * or corrects one (`estateId` and its values).
 */
export function EstateForm(props: { districts: Array<{ value: string; label: string }> } | { estateId: string; values: EstateFormValues }) {
  const t = useTranslations("stock");
  const common = useTranslations("common");
  const editing = "estateId" in props;
  const { state, pending, fieldErrors, formError, formProps } = useFormAction(editing ? updateEstateAction : createEstateAction);
  const formRef = useRef<HTMLFormElement>(null);
  const values: Partial<EstateFormValues> = editing ? props.values : {};
  const created = state?.ok && !editing ? state.data.estateCode : null;
  useEffect(() => {
    if (state?.ok && !editing) formRef.current?.reset();
  }, [state, editing]);
  const required = common("required");
  const f = (key: keyof EstateFormValues) => ({ id: `${editing ? "edit" : "new"}-estate-${key}`, name: key, defaultValue: values[key] ?? "", errors: fieldErrors[key] });
  return (
    <form ref={formRef} {...formProps} noValidate className="flex flex-col gap-4" data-testid={editing ? "edit-estate-form" : "create-estate-form"}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success">
          {created ? (
            <>
              {t("createEstate.saved", { code: created })}{" "}
              <Link href={`/staff/estates/${encodeURIComponent(created)}`} className="font-medium underline">
                {t("createEstate.open")}
              </Link>
            </>
          ) : (
            t("editEstate.saved")
          )}
        </Alert>
      ) : null}
      {editing ? <input type="hidden" name="estateId" value={props.estateId} /> : null}
      <div className={editing ? "grid gap-4" : "grid gap-4 sm:grid-cols-2"}>
        {editing ? null : (
          <>
            <TextField id="new-estate-code" name="code" label={t("estateFields.code")} hint={t("estateFields.codeHint")} maxLength={20} autoCapitalize="characters" required requiredLabel={required} errors={fieldErrors.code} />
            <SelectField
              id="new-estate-districtCode"
              name="districtCode"
              label={t("estateFields.district")}
              placeholder={props.districts.length > 1 ? t("estateFields.chooseDistrict") : undefined}
              options={props.districts}
              defaultValue={props.districts.length === 1 ? props.districts[0]!.value : ""}
              required
              requiredLabel={required}
              errors={fieldErrors.districtCode}
            />
          </>
        )}
        <TextField {...f("name")} label={t("estateFields.name")} maxLength={50} required requiredLabel={required} />
        <TextField {...f("nameEn")} label={t("estateFields.nameEn")} maxLength={100} />
        <SelectField {...f("stockSource")} label={t("estateFields.stockSource")} placeholder={t("estateFields.choose")} options={STOCK_SOURCES.map((s) => ({ value: s, label: t(`stockSource.${s}`) }))} required requiredLabel={required} />
        <SelectField {...f("investment")} label={t("estateFields.investment")} placeholder={t("estateFields.choose")} options={INVESTMENT_TYPES.map((s) => ({ value: s, label: t(`investment.${s}`) }))} required requiredLabel={required} />
        <TextField {...f("ownerName")} label={t("estateFields.owner")} maxLength={100} required requiredLabel={required} />
        <TextField {...f("operatorName")} label={t("estateFields.operator")} maxLength={100} required requiredLabel={required} />
      </div>
      <TextField {...f("address")} label={t("estateFields.address")} maxLength={200} required requiredLabel={required} />
      <TextField {...f("elderlyCareServices")} label={t("estateFields.elderlyCare")} maxLength={200} />
      <TextField {...f("childCareServices")} label={t("estateFields.childCare")} maxLength={200} />
      <SubmitButton pending={pending} pendingLabel={common("submitting")} variant={editing ? "primary" : "secondary"}>
        {editing ? t("editEstate.submit") : t("createEstate.submit")}
      </SubmitButton>
    </form>
  );
}
