"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { lodgeAppealAction } from "@/lib/appeals/actions";

// The schema (and zod) comes when the form is first used (docs/decisions/009-client-bundles.md).
const loadLodgeAppealSchema = () => import("@/lib/appeals/schemas").then((m) => m.lodgeAppealSchema);

/** The applicant's appeal to the municipal agency (Art. 19). */
export function AppealForm({ applicationNo, documents }: { applicationNo: string; documents: Array<{ value: string; label: string }> }) {
  const t = useTranslations("appeals.applicant");
  const common = useTranslations("common");
  return (
    <ConfirmForm
      action={lodgeAppealAction}
      schema={loadLodgeAppealSchema}
      confirmTitle={t("formTitle")}
      confirmMessage={() => t("confirm")}
      submitLabel={t("submit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      testId="appeal-form"
    >
      {(errors) => (
        <>
          <input type="hidden" name="applicationNo" value={applicationNo} />
          <TextAreaField name="grounds" label={t("grounds")} hint={t("groundsHint")} rows={6} maxLength={4000} required requiredLabel={common("required")} errors={errors.grounds} />
          {documents.length > 0 ? (
            <SelectField name="documentId" label={t("document")} placeholder={t("noDocument")} options={documents} defaultValue="" errors={errors.documentId} />
          ) : null}
        </>
      )}
    </ConfirmForm>
  );
}
