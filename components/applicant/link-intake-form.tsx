"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { linkIntakeAction } from "@/lib/applications/actions";

/** Asks for the applicant's resident ID before showing applications made through 渝快办. */
export function LinkIntakeForm({ count }: { count: number }) {
  const t = useTranslations("applicant.linkIntake");
  const tc = useTranslations("common");
  const router = useRouter();
  const { state, pending, fieldErrors, formError, formProps } = useFormAction(linkIntakeAction);
  const linked = state?.ok ? state.data.linked : 0;
  useEffect(() => {
    if (linked > 0) router.refresh();
  }, [linked, router]);
  return (
    <Card className="mb-6">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="mt-2 text-sm text-slate-700">{t("body", { count })}</p>
      {linked > 0 ? (
        <Alert tone="success" className="mt-4">
          {t("linked", { count: linked })}
        </Alert>
      ) : null}
      <form {...formProps} noValidate className="mt-4 flex flex-col gap-4">
        {formError && !fieldErrors.residentId ? <Alert tone="error">{formError}</Alert> : null}
        <TextField
          name="residentId"
          label={t("residentId")}
          autoComplete="off"
          maxLength={18}
          required
          requiredLabel={tc("required")}
          errors={fieldErrors.residentId}
        />
        <SubmitButton pending={pending} pendingLabel={tc("submitting")}>
          {t("submit")}
        </SubmitButton>
      </form>
    </Card>
  );
}
