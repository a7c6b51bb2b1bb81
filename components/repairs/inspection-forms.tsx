"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { cancelInspectionAction, recordInspectionAction, scheduleInspectionAction } from "@/lib/repairs/inspection-actions";

// The forms of inspections (Art. 35, 43). Each asks for confirmation before it posts.

const loadSchedule = () => import("@/lib/repairs/inspection-schemas").then((m) => m.scheduleInspectionSchema);
const loadRecord = () => import("@/lib/repairs/inspection-schemas").then((m) => m.recordInspectionSchema);

const METHODS = ["PATROL", "HOME_VISIT", "JOINT_CHECK", "COMMUNITY_REPORT", "SMART_ACCESS_DATA"] as const;
const CATEGORIES = ["COMMON_PARTS", "UNIT_STRUCTURE", "UNIT_FIXTURE", "CONSUMABLE"] as const;

export function ScheduleInspection({ estates, today }: { estates: { id: string; name: string }[]; today: string }) {
  const t = useTranslations("inspections.schedule");
  const methods = useTranslations("inspections.method");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={scheduleInspectionAction}
      schema={loadSchedule}
      confirmTitle={t("confirmTitle")}
      confirmMessage={(v) => t("confirm", { date: String(v.scheduledOn ?? "") })}
      submitLabel={t("submit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={(data) => router.push(`/staff/inspections/${(data as { inspectionId: string }).inspectionId}`)}
      testId="schedule-inspection"
    >
      {(errors) => (
        <div className="grid min-w-0 gap-3 sm:grid-cols-2">
          <SelectField id="inspection-estate" name="estateId" label={t("estate")} options={estates.map((e) => ({ value: e.id, label: e.name }))} required requiredLabel={common("required")} errors={errors.estateId} />
          <SelectField id="inspection-method" name="method" label={t("method")} defaultValue="PATROL" options={METHODS.map((m) => ({ value: m, label: methods(m) }))} required requiredLabel={common("required")} errors={errors.method} />
          <TextField id="inspection-date" name="scheduledOn" type="date" defaultValue={today} min={today} label={t("scheduledOn")} required requiredLabel={common("required")} errors={errors.scheduledOn} />
          <TextField id="inspection-lease" name="leaseNo" label={t("leaseNo")} hint={t("leaseNoHint")} maxLength={40} errors={errors.leaseNo} />
        </div>
      )}
    </ConfirmForm>
  );
}

export function RecordInspection({ inspectionId, today, hasHome }: { inspectionId: string; today: string; hasHome: boolean }) {
  const t = useTranslations("inspections.record");
  const categories = useTranslations("repairs.categoryShort");
  const common = useTranslations("common");
  const router = useRouter();
  const [raise, setRaise] = useState(false);
  return (
    <ConfirmForm
      action={recordInspectionAction}
      schema={loadRecord}
      confirmTitle={t("confirmTitle")}
      confirmMessage={() => t("confirm")}
      submitLabel={t("submit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="record-inspection"
    >
      {(errors) => (
        <div className="flex min-w-0 flex-col gap-3">
          <input type="hidden" name="inspectionId" value={inspectionId} />
          <TextField id="record-date" name="inspectedOn" type="date" defaultValue={today} max={today} label={t("inspectedOn")} required requiredLabel={common("required")} errors={errors.inspectedOn} />
          <TextAreaField id="record-findings" name="findings" label={t("findings")} hint={t("findingsHint")} rows={4} maxLength={2000} required requiredLabel={common("required")} errors={errors.findings} />
          <label className="flex items-start gap-3">
            <input type="checkbox" name="hasIssues" className="mt-1 size-5 accent-brand-700" />
            <span className="text-slate-900">{t("hasIssues")}</span>
          </label>
          <label className="flex items-start gap-3">
            <input type="checkbox" name="raiseRepair" className="mt-1 size-5 accent-brand-700" checked={raise} onChange={(e) => setRaise(e.target.checked)} />
            <span className="text-slate-900">{t("raiseRepair")}</span>
          </label>
          {raise ? (
            <div className="flex min-w-0 flex-col gap-3 rounded-md border border-slate-200 p-3">
              <SelectField
                id="record-category"
                name="repairCategory"
                label={t("repairCategory")}
                placeholder={t("choose")}
                defaultValue={hasHome ? "" : "COMMON_PARTS"}
                options={(hasHome ? CATEGORIES : (["COMMON_PARTS"] as const)).map((c) => ({ value: c, label: categories(c) }))}
                required
                requiredLabel={common("required")}
                errors={errors.repairCategory}
              />
              <TextAreaField id="record-repair" name="repairDescription" label={t("repairDescription")} hint={hasHome ? undefined : t("repairDescriptionHint")} rows={2} maxLength={500} required requiredLabel={common("required")} errors={errors.repairDescription} />
            </div>
          ) : null}
        </div>
      )}
    </ConfirmForm>
  );
}

export function CancelInspection({ inspectionId }: { inspectionId: string }) {
  const t = useTranslations("inspections.cancelStep");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={cancelInspectionAction}
      confirmTitle={t("confirmTitle")}
      confirmMessage={() => t("confirm")}
      submitLabel={t("submit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("back")}
      pendingLabel={common("submitting")}
      submitVariant="secondary"
      onSuccess={() => router.refresh()}
      testId="cancel-inspection"
    >
      {() => <input type="hidden" name="inspectionId" value={inspectionId} />}
    </ConfirmForm>
  );
}
