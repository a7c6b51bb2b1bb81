"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { addNomineeAction, assignNomineeAction, closeDirectedAction, createDirectedAction } from "@/lib/allocation/directed-actions";

// The officers' forms of directed allocation (Art. 24). Each asks for confirmation.

const loadCreate = () => import("@/lib/allocation/directed-schemas").then((m) => m.createDirectedSchema);
const loadNominee = () => import("@/lib/allocation/directed-schemas").then((m) => m.addNomineeSchema);
const loadAssign = () => import("@/lib/allocation/directed-schemas").then((m) => m.assignNomineeSchema);

type Option = { value: string; label: string };

function Checkbox({ name, label, hint, defaultChecked }: { name: string; label: string; hint?: string; defaultChecked?: boolean }) {
  return (
    <label className="flex items-start gap-3">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-1 size-5 accent-brand-700" />
      <span>
        <span className="font-medium text-slate-900">{label}</span>
        {hint ? <span className="block text-sm text-slate-700">{hint}</span> : null}
      </span>
    </label>
  );
}

export function CreateDirected({ estates, unitTypes, kinds, today }: { estates: Option[]; unitTypes: Option[]; kinds: Option[]; today: string }) {
  const t = useTranslations("allocation.directed");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={createDirectedAction}
      schema={loadCreate}
      confirmTitle={t("create.confirmTitle")}
      confirmMessage={(v) => t("create.confirm", { recipient: String(v.recipientName ?? ""), quota: String(v.quota ?? "") })}
      submitLabel={t("create.submit")}
      confirmLabel={t("create.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={(data) => router.push(`/staff/directed/${(data as { allocationId: string }).allocationId}`)}
      testId="create-directed"
    >
      {(errors) => (
        <div className="flex flex-col gap-4">
          <SelectField id="d-estate" name="estateId" label={t("fields.estate")} placeholder={t("choose")} options={estates} required requiredLabel={common("required")} errors={errors.estateId} />
          <SelectField id="d-kind" name="kind" label={t("fields.kind")} placeholder={t("choose")} options={kinds} required requiredLabel={common("required")} errors={errors.kind} />
          <TextField id="d-recipient" name="recipientName" label={t("fields.recipient")} hint={t("fields.recipientHint")} maxLength={100} required requiredLabel={common("required")} errors={errors.recipientName} />
          <TextField id="d-credit" name="recipientCreditCode" label={t("fields.creditCode")} maxLength={18} autoComplete="off" errors={errors.recipientCreditCode} />
          <TextAreaField id="d-basis" name="basis" label={t("fields.basis")} hint={t("fields.basisHint")} maxLength={500} rows={2} required requiredLabel={common("required")} errors={errors.basis} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField id="d-type" name="unitType" label={t("fields.unitType")} placeholder={t("choose")} options={unitTypes} required requiredLabel={common("required")} errors={errors.unitType} />
            <TextField id="d-quota" name="quota" type="number" inputMode="numeric" min={1} max={500} label={t("fields.quota")} hint={t("fields.quotaHint")} required requiredLabel={common("required")} errors={errors.quota} />
            <TextField id="d-start" name="startDate" type="date" defaultValue={today} label={t("fields.startDate")} required requiredLabel={common("required")} errors={errors.startDate} />
            <TextField id="d-end" name="endDate" type="date" label={t("fields.endDate")} hint={t("fields.endDateHint")} required requiredLabel={common("required")} errors={errors.endDate} />
          </div>
          <Checkbox name="requireNoHome" label={t("fields.requireNoHome")} hint={t("fields.requireNoHomeHint")} defaultChecked />
        </div>
      )}
    </ConfirmForm>
  );
}

export function AddNominee({ allocationId, enterprise }: { allocationId: string; enterprise: boolean }) {
  const t = useTranslations("allocation.directed");
  const common = useTranslations("common");
  const router = useRouter();
  // A fresh, empty form after each nominee added (the next one is another person).
  const [round, setRound] = useState(0);
  return (
    <ConfirmForm
      key={round}
      action={addNomineeAction}
      schema={loadNominee}
      confirmTitle={t("nominee.confirmTitle")}
      confirmMessage={(v) => t("nominee.confirm", { name: String(v.name ?? "") })}
      submitLabel={t("nominee.submit")}
      confirmLabel={t("nominee.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => {
        setRound((r) => r + 1);
        router.refresh();
      }}
      testId="add-nominee"
    >
      {(errors) => (
        <div className="flex flex-col gap-4">
          <input type="hidden" name="allocationId" value={allocationId} />
          <TextField id="n-name" name="name" label={t("nominee.name")} maxLength={50} autoComplete="off" required requiredLabel={common("required")} errors={errors.name} />
          <TextField id="n-id" name="residentId" label={t("nominee.residentId")} maxLength={18} autoComplete="off" spellCheck={false} required requiredLabel={common("required")} errors={errors.residentId} />
          <TextField id="n-size" name="householdSize" type="number" inputMode="numeric" min={1} max={20} defaultValue="1" label={t("nominee.householdSize")} required requiredLabel={common("required")} errors={errors.householdSize} />
          {enterprise ? <Checkbox name="employmentConfirmed" label={t("nominee.employment")} hint={t("nominee.employmentHint")} /> : null}
        </div>
      )}
    </ConfirmForm>
  );
}

export function AssignNominee({ allocationId, nominees, units }: { allocationId: string; nominees: Option[]; units: Option[] }) {
  const t = useTranslations("allocation.directed");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={assignNomineeAction}
      schema={loadAssign}
      confirmTitle={t("assign.confirmTitle")}
      confirmMessage={(v) => t("assign.confirm", { nominee: nominees.find((n) => n.value === v.nomineeId)?.label ?? "", unit: units.find((u) => u.value === v.unitId)?.label ?? "" })}
      submitLabel={t("assign.submit")}
      confirmLabel={t("assign.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="assign-nominee"
    >
      {(errors) => (
        <div className="flex flex-col gap-4">
          <input type="hidden" name="allocationId" value={allocationId} />
          <SelectField id="a-nominee" name="nomineeId" label={t("assign.nominee")} placeholder={t("choose")} options={nominees} required requiredLabel={common("required")} errors={errors.nomineeId} />
          <SelectField id="a-unit" name="unitId" label={t("assign.unit")} placeholder={t("choose")} options={units} required requiredLabel={common("required")} errors={errors.unitId} />
        </div>
      )}
    </ConfirmForm>
  );
}

export function CloseDirected({ allocationId }: { allocationId: string }) {
  const t = useTranslations("allocation.directed");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={closeDirectedAction}
      confirmTitle={t("close.confirmTitle")}
      confirmMessage={() => t("close.confirm")}
      submitLabel={t("close.submit")}
      submitVariant="secondary"
      confirmLabel={t("close.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="close-directed"
    >
      {() => <input type="hidden" name="allocationId" value={allocationId} />}
    </ConfirmForm>
  );
}
