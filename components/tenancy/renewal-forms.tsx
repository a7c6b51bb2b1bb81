"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { decideRenewalAction, requestRenewalAction } from "@/lib/tenancy/renewal-actions";

// The renewal forms (Art. 32): the tenant's request and the officer's decision, each confirmed first.

const schemas = () => import("@/lib/tenancy/renewal-schemas");
const loadRequest = () => schemas().then((m) => m.requestRenewalSchema);
const loadDecide = () => schemas().then((m) => m.decideRenewalSchema);
const TERMS = [12, 24, 36, 48, 60];

export function RequestRenewal({ leaseId, defaultTerm }: { leaseId: string; defaultTerm: number }) {
  const t = useTranslations("renewals");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={requestRenewalAction}
      schema={loadRequest}
      confirmTitle={t("confirmTitle")}
      confirmMessage={(v) => t("confirm", { months: String(v.termMonths ?? "") })}
      submitLabel={t("submit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="request-renewal"
    >
      {(errors) => (
        <>
          <input type="hidden" name="leaseId" value={leaseId} />
          <SelectField
            id="renewal-term"
            name="termMonths"
            label={t("term")}
            defaultValue={String(TERMS.includes(defaultTerm) ? defaultTerm : 36)}
            options={TERMS.map((m) => ({ value: String(m), label: t("months", { months: m }) }))}
            required
            requiredLabel={common("required")}
            errors={errors.termMonths}
          />
        </>
      )}
    </ConfirmForm>
  );
}

export function DecideRenewal({ requestId, eligible }: { requestId: string; eligible: boolean }) {
  const t = useTranslations("renewals");
  const common = useTranslations("common");
  const router = useRouter();
  const form = (decision: "APPROVE" | "REJECT") => (
    <ConfirmForm
      key={decision}
      action={decideRenewalAction}
      schema={loadDecide}
      confirmTitle={t(decision === "APPROVE" ? "review.approveTitle" : "review.rejectTitle")}
      confirmMessage={() => t(decision === "APPROVE" ? "review.approveConfirm" : "review.rejectConfirm")}
      submitLabel={t(decision === "APPROVE" ? "review.approve" : "review.reject")}
      confirmLabel={t(decision === "APPROVE" ? "review.approveButton" : "review.rejectButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      submitVariant={decision === "APPROVE" ? "primary" : "danger"}
      onSuccess={() => router.refresh()}
      testId={`renewal-${decision.toLowerCase()}`}
    >
      {(errors) => (
        <>
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="decision" value={decision} />
          <TextAreaField id={`renewal-reason-${decision}`} name="reason" rows={2} label={t("review.reason")} required requiredLabel={common("required")} errors={errors.reason} />
        </>
      )}
    </ConfirmForm>
  );
  return <div className="flex flex-col gap-4">{eligible ? form("APPROVE") : null}{form("REJECT")}</div>;
}
