"use client";

import { useRouter } from "next/navigation";
import { useFormKey } from "@/components/ui/form-key";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { reportChangeAction, reviewChangeAction } from "@/lib/tenancy/change-actions";

// Change reports (Art. 42): the tenant's report and the officer's review, each confirmed first.

const schemas = () => import("@/lib/tenancy/change-schemas");
const loadReport = () => schemas().then((m) => m.reportChangeSchema);
const loadReview = () => schemas().then((m) => m.reviewChangeSchema);
const KINDS = ["WORK", "INCOME", "HOUSING", "HOUSEHOLD"] as const;

export function ReportChange({ leaseId }: { leaseId: string }) {
  const t = useTranslations("changes");
  const common = useTranslations("common");
  const router = useRouter();
  // A fresh key per form shown: the same form sent twice is recorded once.
  const [formKey, renewFormKey] = useFormKey("c");
  return (
    <ConfirmForm
      key={formKey}
      action={reportChangeAction}
      schema={loadReport}
      confirmTitle={t("confirmTitle")}
      confirmMessage={() => t("confirm")}
      submitLabel={t("submit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => {
        renewFormKey();
        router.refresh();
      }}
      testId="report-change"
    >
      {(errors) => (
        <div className="flex flex-col gap-3">
          <input type="hidden" name="leaseId" value={leaseId} />
          <input type="hidden" name="formKey" value={formKey} />
          <SelectField id="change-kind" name="kind" label={t("kindLabel")} placeholder="" options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} required requiredLabel={common("required")} errors={errors.kind} />
          <TextAreaField id="change-description" name="description" rows={3} label={t("description")} hint={t("descriptionHint")} required requiredLabel={common("required")} errors={errors.description} />
        </div>
      )}
    </ConfirmForm>
  );
}

export function ReviewChange({ reportId }: { reportId: string }) {
  const t = useTranslations("changes");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={reviewChangeAction}
      schema={loadReview}
      confirmTitle={t("review.confirmTitle")}
      confirmMessage={() => t("review.confirm")}
      submitLabel={t("review.submit")}
      confirmLabel={t("review.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId={`review-change-${reportId}`}
    >
      {(errors) => (
        <>
          <input type="hidden" name="reportId" value={reportId} />
          <TextAreaField id={`change-outcome-${reportId}`} name="outcome" rows={2} label={t("review.outcome")} hint={t("review.outcomeHint")} required requiredLabel={common("required")} errors={errors.outcome} />
        </>
      )}
    </ConfirmForm>
  );
}
