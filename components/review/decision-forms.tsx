"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useState } from "react";
import { acceptApplicationAction, decideReviewAction, returnApplicationAction } from "@/lib/review/actions";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { TextAreaField } from "@/components/ui/field";

// The schema (and zod) comes when the form is first used (docs/decisions/009-client-bundles.md).
const loadReturnSchema = () => import("@/lib/review/schemas").then((m) => m.returnSchema);
const loadReviewDecisionSchema = () => import("@/lib/review/schemas").then((m) => m.reviewDecisionSchema);

// The actions redirect back to the application with ?done=… once decided.

/** Acceptance (受理) of a submitted application. */
export function AcceptForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("review.forms");
  const common = useTranslations("common");
  return (
    <ConfirmForm
      action={acceptApplicationAction}
      confirmMessage={() => t("acceptConfirm")}
      confirmTitle={t("confirmTitle")}
      submitLabel={t("accept")}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      testId="accept-form"
    >
      {() => <input type="hidden" name="applicationId" value={applicationId} />}
    </ConfirmForm>
  );
}

/** Return for missing documents (Art. 16). */
export function ReturnForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("review.forms");
  const common = useTranslations("common");
  return (
    <ConfirmForm
      action={returnApplicationAction}
      schema={loadReturnSchema}
      confirmMessage={() => t("returnConfirm")}
      confirmTitle={t("confirmTitle")}
      submitLabel={t("return")}
      submitVariant="secondary"
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      testId="return-form"
    >
      {(errors) => (
        <>
          <input type="hidden" name="applicationId" value={applicationId} />
          <TextAreaField
            name="reason"
            label={t("returnReason")}
            hint={t("returnReasonHint")}
            required
            requiredLabel={common("required")}
            maxLength={1000}
            errors={errors.reason}
          />
        </>
      )}
    </ConfirmForm>
  );
}

export interface ReasonOption {
  code: string;
  label: string;
  fromPrecheck: boolean;
}

/** A first or second review decision: pass, or refuse with reasons citing articles (Art. 19). */
export function ReviewDecisionForm({
  applicationId,
  level,
  reasons,
}: {
  applicationId: string;
  level: "FIRST" | "SECOND";
  reasons: ReasonOption[];
}) {
  const t = useTranslations("review.forms");
  const levels = useTranslations("review.level");
  const common = useTranslations("common");
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <ConfirmForm
      action={decideReviewAction}
      schema={loadReviewDecisionSchema}
      confirmTitle={t("confirmTitle")}
      confirmMessage={(values) =>
        values.outcome === "REJECTED" ? t("confirmReject", { level: levels(level) }) : t("confirmPass", { level: levels(level) })
      }
      submitLabel={t("submit")}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      testId={`review-form-${level.toLowerCase()}`}
    >
      {(errors) => (
        <>
          <input type="hidden" name="applicationId" value={applicationId} />
          <input type="hidden" name="level" value={level} />
          <ChoiceGroup
            type="radio"
            name="outcome"
            legend={t("outcome")}
            required
            requiredLabel={common("required")}
            options={[
              { value: "PASSED", label: t("pass") },
              { value: "REJECTED", label: t("reject") },
            ]}
            errors={errors.outcome}
            onChange={(value, checked) => checked && setOutcome(value)}
          />
          {outcome === "REJECTED" ? (
            <>
              <ChoiceGroup
                type="checkbox"
                name="reasonCodes"
                legend={t("reasonCodes")}
                hint={t("reasonCodesHint")}
                required
                requiredLabel={common("required")}
                options={reasons.map((r) => ({
                  value: r.code,
                  label: (
                    <>
                      {r.label}
                      {r.fromPrecheck ? (
                        <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">{t("precheckHint")}</span>
                      ) : null}
                    </>
                  ),
                }))}
                errors={errors.reasonCodes}
              />
              <TextAreaField
                name="reasonText"
                label={t("reasonText")}
                hint={t("reasonTextHint")}
                required
                requiredLabel={common("required")}
                maxLength={2000}
                errors={errors.reasonText}
              />
            </>
          ) : outcome === "PASSED" ? (
            <TextAreaField name="reasonText" label={t("passMessage")} hint={t("passMessageHint")} rows={2} maxLength={2000} errors={errors.reasonText} />
          ) : null}
          <TextAreaField name="comment" label={t("comment")} hint={t("commentHint")} rows={2} maxLength={2000} errors={errors.comment} />
        </>
      )}
    </ConfirmForm>
  );
}
