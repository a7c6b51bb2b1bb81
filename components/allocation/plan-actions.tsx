"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { TextAreaField } from "@/components/ui/field";
import { approvePlanAction, publishPlanAction, submitPlanAction, withdrawPlanAction } from "@/lib/allocation/actions";

const loadWithdraw = () => import("@/lib/allocation/plan-schemas").then((m) => m.withdrawPlanSchema);

type Step = "submit" | "approve" | "publish";
const ACTIONS = { submit: submitPlanAction, approve: approvePlanAction, publish: publishPlanAction } as const;

/** The next step of a plan (submit, approve, publish), each confirmed before it is taken. */
export function PlanStep({ planId, step, title }: { planId: string; step: Step; title: string }) {
  const t = useTranslations("allocation.plan");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={ACTIONS[step]}
      confirmTitle={t(`steps.${step}.confirmTitle`)}
      confirmMessage={() => t(`steps.${step}.confirm`, { title })}
      submitLabel={t(`steps.${step}.submit`)}
      confirmLabel={t(`steps.${step}.confirmButton`)}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId={`plan-${step}-form`}
    >
      {() => <input type="hidden" name="planId" value={planId} />}
    </ConfirmForm>
  );
}

/** Withdraws a published plan with its reason, which is made public. */
export function WithdrawPlan({ planId, title }: { planId: string; title: string }) {
  const t = useTranslations("allocation.plan");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={withdrawPlanAction}
      schema={loadWithdraw}
      confirmTitle={t("withdraw.confirmTitle")}
      confirmMessage={() => t("withdraw.confirm", { title })}
      submitLabel={t("withdraw.submit")}
      confirmLabel={t("withdraw.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      submitVariant="danger"
      onSuccess={() => router.refresh()}
      testId="plan-withdraw-form"
    >
      {(errors) => (
        <>
          <input type="hidden" name="planId" value={planId} />
          <TextAreaField name="reason" label={t("withdraw.reason")} hint={t("withdraw.reasonHint")} maxLength={500} rows={3} required requiredLabel={common("required")} errors={errors.reason} />
        </>
      )}
    </ConfirmForm>
  );
}
