"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { linkIntakeAction, requestIntakeLinkCodeAction } from "@/lib/applications/actions";

/**
 * Asks for a code sent to the account's number and the applicant's resident ID before showing
 * applications made through 渝快办 (docs/decisions/035). Locked for good after repeated wrong IDs.
 */
export function LinkIntakeForm({ count, locked }: { count: number; locked: boolean }) {
  const t = useTranslations("applicant.linkIntake");
  const tc = useTranslations("common");
  const router = useRouter();
  const codeForm = useFormAction(requestIntakeLinkCodeAction);
  const { state, pending, fieldErrors, formError, formProps } = useFormAction(linkIntakeAction);
  const linked = state?.ok ? state.data.linked : 0;
  // After a link or a failed attempt the page is read again: it says whether linking is now locked.
  useEffect(() => {
    if (state) router.refresh();
  }, [state, router]);
  return (
    <Card className="mb-6">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="mt-2 text-sm text-slate-700">{t("body", { count })}</p>
      {linked > 0 ? (
        <Alert tone="success" className="mt-4">
          {t("linked", { count: linked })}
        </Alert>
      ) : null}
      {locked ? (
        <Alert tone="error" className="mt-4">
          {t("lockedForGood")}
        </Alert>
      ) : (
        <>
          <form {...codeForm.formProps} className="mt-4 flex flex-col gap-3">
            {codeForm.state?.ok ? <Alert tone="info">{t("codeSent")}</Alert> : null}
            {codeForm.formError ? <Alert tone="error">{codeForm.formError}</Alert> : null}
            <SubmitButton variant="secondary" pending={codeForm.pending} pendingLabel={tc("submitting")}>
              {t("sendCode")}
            </SubmitButton>
          </form>
          <form {...formProps} noValidate className="mt-4 flex flex-col gap-4">
            {formError && !fieldErrors.code ? <Alert tone="error">{formError}</Alert> : null}
            <TextField
              name="code"
              inputMode="numeric"
              label={t("code")}
              autoComplete="one-time-code"
              maxLength={8}
              required
              requiredLabel={tc("required")}
              errors={fieldErrors.code}
            />
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
        </>
      )}
    </Card>
  );
}
