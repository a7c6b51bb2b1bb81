"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextAreaField, TextField } from "@/components/ui/field";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { lodgeObjectionAction } from "@/lib/publicity/actions";

// The schema (and zod) comes when the form is first used (docs/decisions/009-client-bundles.md).
const loadObjectionSchema = () => import("@/lib/publicity/schemas").then((m) => m.objectionSchema);

/** Anyone may object to a listed applicant during the period (Art. 19). */
export function ObjectionForm({ entryId }: { entryId: string }) {
  const t = useTranslations("publicity.objection");
  const common = useTranslations("common");
  const [referenceNo, setReferenceNo] = useState<string | null>(null);
  if (referenceNo) {
    return (
      <Alert tone="success" title={t("submitted")}>
        <p>
          {t("referenceLabel")} <strong className="whitespace-nowrap font-mono text-lg" data-testid="objection-reference">{referenceNo}</strong>
        </p>
        <p className="mt-1">{t("referenceHint")}</p>
      </Alert>
    );
  }
  return (
    <ConfirmForm
      action={lodgeObjectionAction}
      schema={loadObjectionSchema}
      confirmMessage={() => t("confirm")}
      confirmTitle={t("title")}
      submitLabel={t("submit")}
      confirmLabel={t("submit")}
      cancelLabel={common("previousPage")}
      pendingLabel={common("submitting")}
      onSuccess={(data) => setReferenceNo(data.referenceNo)}
      testId="objection-form"
    >
      {(errors) => (
        <>
          <input type="hidden" name="entryId" value={entryId} />
          <TextField name="contactName" label={t("contactName")} autoComplete="name" maxLength={50} required requiredLabel={common("required")} errors={errors.contactName} />
          <TextField
            name="contactPhone"
            type="tel"
            inputMode="tel"
            label={t("contactPhone")}
            autoComplete="tel"
            maxLength={20}
            required
            requiredLabel={common("required")}
            errors={errors.contactPhone}
          />
          <TextAreaField name="content" label={t("content")} hint={t("contentHint")} maxLength={2000} required requiredLabel={common("required")} errors={errors.content} />
        </>
      )}
    </ConfirmForm>
  );
}
