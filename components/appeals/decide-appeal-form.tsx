"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { TextAreaField } from "@/components/ui/field";
import { decideAppealAction } from "@/lib/appeals/actions";

// The schema (and zod) comes when the form is first used (docs/decisions/009-client-bundles.md).
const loadDecideAppealSchema = () => import("@/lib/appeals/schemas").then((m) => m.decideAppealSchema);

/** The municipal agency's decision on an appeal (Art. 19). */
export function DecideAppealForm({ appealId }: { appealId: string }) {
  const t = useTranslations("appeals.staff");
  const common = useTranslations("common");
  return (
    <ConfirmForm
      action={decideAppealAction}
      schema={loadDecideAppealSchema}
      confirmTitle={t("decideTitle")}
      confirmMessage={(values) => (values.decision === "UPHELD_REJECTION" ? t("confirmUphold") : t("confirmReturn"))}
      submitLabel={t("submit")}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      testId="decide-appeal-form"
    >
      {(errors) => (
        <>
          <input type="hidden" name="appealId" value={appealId} />
          <ChoiceGroup
            type="radio"
            name="decision"
            legend={t("decision")}
            required
            requiredLabel={common("required")}
            options={[
              { value: "UPHELD_REJECTION", label: t("uphold") },
              { value: "RETURNED_FOR_REVIEW", label: t("returnForReview") },
            ]}
            errors={errors.decision}
          />
          <TextAreaField name="reason" label={t("reason")} hint={t("reasonHint")} required requiredLabel={common("required")} maxLength={4000} errors={errors.reason} />
        </>
      )}
    </ConfirmForm>
  );
}
