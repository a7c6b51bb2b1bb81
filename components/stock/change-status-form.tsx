"use client";

import { useState } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { changeUnitStatusAction } from "@/lib/stock/actions";
import type { ManualUnitStatus, UnitStatusCode } from "@/lib/stock/unit-status";

// The schema (and zod) comes when the form is first used (docs/decisions/009-client-bundles.md).
const loadSchema = () => import("@/lib/stock/schemas").then((m) => m.changeUnitStatusSchema);

/** Sets a home vacant, under repair or withheld, with the reason; asks before it changes anything. */
export function ChangeStatusForm({ unitId, unitLabel, fromStatus, targets }: { unitId: string; unitLabel: string; fromStatus: UnitStatusCode; targets: ManualUnitStatus[] }) {
  const t = useTranslations("stock");
  const common = useTranslations("common");
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-4">
      {saved ? <Alert tone="success">{t("changeStatus.saved", { status: saved })}</Alert> : null}
      <ConfirmForm
        action={changeUnitStatusAction}
        schema={loadSchema}
        confirmTitle={t("changeStatus.confirmTitle")}
        confirmMessage={(values) => {
          const chosen = targets.find((s) => s === values.toStatus);
          return t("changeStatus.confirm", { unit: unitLabel, status: chosen ? t(`status.${chosen}`) : "" });
        }}
        submitLabel={t("changeStatus.submit")}
        confirmLabel={t("changeStatus.confirmButton")}
        cancelLabel={t("changeStatus.cancel")}
        pendingLabel={common("submitting")}
        onSuccess={(data) => setSaved(t(`status.${data.status}`))}
        testId="change-status-form"
      >
        {(errors) => (
          <>
            <input type="hidden" name="unitId" value={unitId} />
            <input type="hidden" name="fromStatus" value={fromStatus} />
            <SelectField
              name="toStatus"
              label={t("changeStatus.toStatus")}
              options={targets.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              defaultValue={targets[0]}
              required
              requiredLabel={common("required")}
              errors={errors.toStatus}
            />
            <TextAreaField name="reason" label={t("changeStatus.reason")} hint={t("changeStatus.reasonHint")} maxLength={500} rows={3} required requiredLabel={common("required")} errors={errors.reason} />
          </>
        )}
      </ConfirmForm>
    </div>
  );
}
