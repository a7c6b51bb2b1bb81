"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { addUnitAction, updateUnitAction } from "@/lib/stock/actions";
import { UNIT_ORIENTATIONS, UNIT_TYPES } from "@/lib/stock/schema-options";

/** What the edit form starts from: the unit as stored, in the form's units (m², yuan). */
export interface UnitFormValues {
  unitNo: string;
  floor: string;
  unitType: string;
  floorAreaM2: string;
  orientation: string;
  marketRentYuan: string;
  standardRentYuan: string;
  structure: string;
  fixtures: string;
}

/** Adds a home to a building (`buildingId`) or corrects one (`unitId` and its values). */
export function UnitForm(props: { buildingId: string; defaultFloor?: number } | { unitId: string; values: UnitFormValues }) {
  const t = useTranslations("stock");
  const common = useTranslations("common");
  const editing = "unitId" in props;
  const { state, pending, fieldErrors, formError, formProps } = useFormAction(editing ? updateUnitAction : addUnitAction);
  const formRef = useRef<HTMLFormElement>(null);
  const data: unknown = state?.ok ? state.data : null;
  const added = data && typeof data === "object" && "unitNo" in data ? String(data.unitNo) : null;
  const values: Partial<UnitFormValues> = editing ? props.values : { floor: props.defaultFloor ? String(props.defaultFloor) : "" };
  useEffect(() => {
    if (state?.ok && !editing) formRef.current?.reset();
  }, [state, editing]);
  const required = common("required");
  const idPrefix = editing ? "edit-unit" : "add-unit";
  return (
    <form
      ref={formRef}
      {...formProps}
      noValidate
      className="flex flex-col gap-4"
      data-testid={editing ? "edit-unit-form" : "add-unit-form"}
    >
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">{added ? t("addUnit.saved", { unitNo: added }) : t("editUnit.saved")}</Alert> : null}
      {editing ? <input type="hidden" name="unitId" value={props.unitId} /> : <input type="hidden" name="buildingId" value={props.buildingId} />}
      {/* Two columns where the form has the width (adding, below a building); one beside a unit's facts. */}
      <div className={editing ? "grid gap-4" : "grid gap-4 sm:grid-cols-2"}>
        <TextField id={`${idPrefix}-unitNo`} name="unitNo" label={t("fields.unitNo")} hint={t("fields.unitNoHint")} maxLength={10} autoCapitalize="characters" defaultValue={values.unitNo} required requiredLabel={required} errors={fieldErrors.unitNo} />
        <TextField id={`${idPrefix}-floor`} name="floor" label={t("fields.floor")} inputMode="numeric" defaultValue={values.floor} required requiredLabel={required} errors={fieldErrors.floor} />
        <SelectField
          id={`${idPrefix}-unitType`}
          name="unitType"
          label={t("fields.unitType")}
          placeholder={t("fields.chooseUnitType")}
          options={UNIT_TYPES.map((u) => ({ value: u, label: t(`unitType.${u}`) }))}
          defaultValue={values.unitType ?? ""}
          required
          requiredLabel={required}
          errors={fieldErrors.unitType}
        />
        <TextField id={`${idPrefix}-floorAreaM2`} name="floorAreaM2" label={t("fields.area")} inputMode="decimal" defaultValue={values.floorAreaM2} required requiredLabel={required} errors={fieldErrors.floorAreaM2} />
        <SelectField
          id={`${idPrefix}-orientation`}
          name="orientation"
          label={t("fields.orientation")}
          placeholder={t("fields.noOrientation")}
          options={UNIT_ORIENTATIONS.map((o) => ({ value: o, label: t(`orientation.${o}`) }))}
          defaultValue={values.orientation ?? ""}
          errors={fieldErrors.orientation}
        />
        <TextField id={`${idPrefix}-marketRentYuan`} name="marketRentYuan" label={t("fields.marketRent")} inputMode="decimal" defaultValue={values.marketRentYuan} required requiredLabel={required} errors={fieldErrors.marketRentYuan} />
        <TextField
          id={`${idPrefix}-standardRentYuan`}
          name="standardRentYuan"
          label={t("fields.standardRent")}
          hint={t("fields.standardRentHint")}
          inputMode="decimal"
          defaultValue={values.standardRentYuan}
          required
          requiredLabel={required}
          errors={fieldErrors.standardRentYuan}
        />
        <TextField id={`${idPrefix}-structure`} name="structure" label={t("fields.structure")} maxLength={100} defaultValue={values.structure} errors={fieldErrors.structure} />
      </div>
      <TextField id={`${idPrefix}-fixtures`} name="fixtures" label={t("fields.fixtures")} maxLength={200} defaultValue={values.fixtures} errors={fieldErrors.fixtures} />
      <SubmitButton pending={pending} pendingLabel={common("submitting")} variant={editing ? "primary" : "secondary"}>
        {editing ? t("editUnit.submit") : t("addUnit.submit")}
      </SubmitButton>
    </form>
  );
}
