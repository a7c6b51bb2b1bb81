"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { TextField } from "@/components/ui/field";
import { saveReferenceIncomeAction } from "@/lib/reference/actions";

// The schema (and zod) comes when the form is first used (docs/decisions/009-client-bundles.md).
const loadSchema = () => import("@/lib/reference/schemas").then((m) => m.saveReferenceIncomeSchema);

/** Records or corrects a year's urban per-capita disposable income (Art. 13.4), for municipal officers. */
export function ReferenceIncomeForm({ suggestedYear, today }: { suggestedYear: number; today: string }) {
  const t = useTranslations("referenceIncomes");
  const common = useTranslations("common");
  const [saved, setSaved] = useState<number | null>(null);
  return (
    <div className="flex flex-col gap-4">
      {saved !== null ? <Alert tone="success">{t("saved", { year: saved })}</Alert> : null}
      <ConfirmForm
        action={saveReferenceIncomeAction}
        schema={loadSchema}
        confirmTitle={t("confirmTitle")}
        confirmMessage={(values) => t("confirm", { year: String(values.year ?? "") })}
        submitLabel={t("submit")}
        confirmLabel={t("confirmButton")}
        cancelLabel={t("cancel")}
        pendingLabel={common("submitting")}
        onSuccess={(data) => setSaved(data.year)}
        testId="reference-income-form"
      >
        {(errors) => (
          <>
            <TextField name="year" label={t("year")} hint={t("yearHint", { example: suggestedYear })} inputMode="numeric" defaultValue={String(suggestedYear)} required requiredLabel={common("required")} errors={errors.year} />
            <TextField name="amountYuan" label={t("amount")} hint={t("amountHint")} inputMode="decimal" required requiredLabel={common("required")} errors={errors.amountYuan} />
            <TextField name="source" label={t("source")} hint={t("sourceHint")} maxLength={200} required requiredLabel={common("required")} errors={errors.source} />
            <TextField name="publishedOn" label={t("publishedOn")} type="date" max={today} required requiredLabel={common("required")} errors={errors.publishedOn} />
          </>
        )}
      </ConfirmForm>
    </div>
  );
}
