"use client";

import { useRouter } from "next/navigation";
import { useFormKey } from "@/components/ui/form-key";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextField } from "@/components/ui/field";
import { recordFundAction } from "@/lib/repairs/fund-actions";

// Recording money set aside for an estate's maintenance fund (Art. 35), once per form.

const loadFund = () => import("@/lib/repairs/fund-schemas").then((m) => m.recordFundSchema);

export function RecordFund({ estates, year }: { estates: { id: string; name: string }[]; year: number }) {
  const t = useTranslations("repairs.fund.record");
  const common = useTranslations("common");
  const router = useRouter();
  const [formKey, renewFormKey] = useFormKey("m");
  return (
    <ConfirmForm
      key={formKey}
      action={recordFundAction}
      schema={loadFund}
      confirmTitle={t("confirmTitle")}
      confirmMessage={(v) => t("confirm", { amount: String(v.amount ?? "") })}
      submitLabel={t("submit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => {
        renewFormKey();
        router.refresh();
      }}
      testId="record-fund"
    >
      {(errors) => (
        <div className="grid min-w-0 gap-3 sm:grid-cols-2">
          <input type="hidden" name="formKey" value={formKey} />
          <SelectField id="fund-estate" name="estateId" label={t("estate")} options={estates.map((e) => ({ value: e.id, label: e.name }))} required requiredLabel={common("required")} errors={errors.estateId} />
          <TextField id="fund-year" name="year" inputMode="numeric" defaultValue={String(year)} label={t("year")} required requiredLabel={common("required")} errors={errors.year} />
          <TextField id="fund-amount" name="amount" inputMode="decimal" label={t("amount")} required requiredLabel={common("required")} errors={errors.amount} />
          <TextField id="fund-note" name="note" maxLength={200} label={t("note")} errors={errors.note} />
        </div>
      )}
    </ConfirmForm>
  );
}
