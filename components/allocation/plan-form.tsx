"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createPlanAction } from "@/lib/allocation/actions";

/** A vacant unit the plan may offer, as the form lists it. */
export interface PlanUnitChoice {
  id: string;
  label: string;
}

/** The units of one building and type, offered together (all ticked or picked one by one). */
export interface PlanUnitGroup {
  key: string;
  title: string;
  units: PlanUnitChoice[];
}

/** Drafts an allocation plan of an estate's vacant units (Art. 23). */
export function PlanForm({ estateId, groups }: { estateId: string; groups: PlanUnitGroup[] }) {
  const t = useTranslations("allocation.plan");
  const common = useTranslations("common");
  const router = useRouter();
  const { state, pending, fieldErrors, formError, formProps } = useFormAction(createPlanAction);
  const [method, setMethod] = useState<"LOTTERY" | "WAITING_LIST">("LOTTERY");
  const [picked, setPicked] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (state?.ok) router.push(`/staff/plans/${state.data.planId}`);
  }, [state, router]);
  const required = common("required");
  const toggle = (ids: string[], on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id); else next.delete(id);
      return next;
    });
  const lottery = method === "LOTTERY";
  return (
    <form {...formProps} noValidate className="flex flex-col gap-5" data-testid="plan-form">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="estateId" value={estateId} />
      <TextField name="title" label={t("title")} hint={t("titleHint")} maxLength={100} required requiredLabel={required} errors={fieldErrors.title} />
      <ChoiceGroup
        type="radio"
        name="method"
        legend={t("method")}
        options={[
          { value: "LOTTERY", label: t("methods.LOTTERY"), hint: t("methodHints.LOTTERY") },
          { value: "WAITING_LIST", label: t("methods.WAITING_LIST"), hint: t("methodHints.WAITING_LIST") },
        ]}
        defaultValue="LOTTERY"
        onChange={(value, checked) => {
          if (checked) setMethod(value === "WAITING_LIST" ? "WAITING_LIST" : "LOTTERY");
        }}
        required
        requiredLabel={required}
        errors={fieldErrors.method}
      />
      {lottery ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="applicationPeriodStart" type="date" label={t("periodStart")} required requiredLabel={required} errors={fieldErrors.applicationPeriodStart} />
          <TextField name="applicationPeriodEnd" type="date" label={t("periodEnd")} required requiredLabel={required} errors={fieldErrors.applicationPeriodEnd} />
          <TextField name="freezeDate" type="date" label={t("freezeDate")} required requiredLabel={required} errors={fieldErrors.freezeDate} />
          <TextField name="drawDate" type="date" label={t("drawDate")} required requiredLabel={required} errors={fieldErrors.drawDate} />
          <TextField name="prioritySharePercent" inputMode="decimal" label={t("priorityShare")} hint={t("priorityShareHint")} errors={fieldErrors.prioritySharePercent} />
          <TextField name="beaconSource" label={t("beaconSource")} hint={t("beaconSourceHint")} maxLength={500} required requiredLabel={required} errors={fieldErrors.beaconSource} />
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="selectionStartDate" type="date" label={t("selectionStart")} required requiredLabel={required} errors={fieldErrors.selectionStartDate} />
        <TextField name="selectionEndDate" type="date" label={t("selectionEnd")} required requiredLabel={required} errors={fieldErrors.selectionEndDate} />
      </div>
      <TextAreaField name="description" label={t("description")} maxLength={2000} rows={3} errors={fieldErrors.description} />
      <fieldset className="flex flex-col gap-3" aria-describedby={fieldErrors.unitIds ? "plan-units-error" : undefined}>
        <legend className="text-base font-medium">
          {t("units")} <span className="text-sm font-normal text-slate-600">{t("unitsPicked", { count: picked.size })}</span>
        </legend>
        {fieldErrors.unitIds ? (
          <p id="plan-units-error" className="text-sm font-medium text-red-800">
            {fieldErrors.unitIds.join(" ")}
          </p>
        ) : null}
        {groups.map((g) => {
          const ids = g.units.map((u) => u.id);
          const all = ids.every((id) => picked.has(id));
          return (
            <details key={g.key} className="rounded-md border border-slate-200 p-3" data-group={g.key}>
              <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-3">
                <span className="font-medium">{g.title}</span>
                <label className="flex items-center gap-2 text-sm" onClick={(e) => e.stopPropagation()}>
                  <input type="checkbox" className="h-5 w-5" checked={all} onChange={(e) => toggle(ids, e.currentTarget.checked)} />
                  {t("pickAll", { count: ids.length })}
                </label>
              </summary>
              <ul className="mt-2 flex flex-wrap gap-2">
                {g.units.map((u) => (
                  <li key={u.id}>
                    <label className="flex min-h-11 items-center gap-2 rounded border border-slate-300 px-2 text-sm">
                      <input type="checkbox" name="unitIds" value={u.id} className="h-5 w-5" checked={picked.has(u.id)} onChange={(e) => toggle([u.id], e.currentTarget.checked)} />
                      {u.label}
                    </label>
                  </li>
                ))}
              </ul>
            </details>
          );
        })}
      </fieldset>
      <SubmitButton pending={pending} pendingLabel={common("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
