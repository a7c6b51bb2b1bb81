"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestPasswordResetCodeAction, resetPasswordAction } from "@/lib/auth/actions";
import { CodeField, PhoneCodeStep } from "./phone-code-step";

/** 忘记密码: the number and its SMS code, then the code and the new password. */
export function ResetPasswordForm() {
  return <PhoneCodeStep namespace="auth.reset" requestCode={requestPasswordResetCodeAction}>{(phone) => <NewPasswordStep phone={phone} />}</PhoneCodeStep>;
}

function NewPasswordStep({ phone }: { phone: string }) {
  const t = useTranslations();
  const { pending, fieldErrors, formError, formProps } = useFormAction(resetPasswordAction);
  const required = t("common.required");
  return (
    <form {...formProps} noValidate className="flex flex-col gap-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="phone" value={phone} />
      <CodeField namespace="auth.reset" errors={fieldErrors.code} />
      <TextField
        name="password"
        type="password"
        label={t("auth.reset.password")}
        hint={t("auth.reset.passwordHint")}
        autoComplete="new-password"
        required
        requiredLabel={required}
        errors={fieldErrors.password}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("auth.reset.confirmPassword")}
        autoComplete="new-password"
        required
        requiredLabel={required}
        errors={fieldErrors.confirmPassword}
      />
      <SubmitButton pending={pending} pendingLabel={t("common.submitting")} className="w-full">
        {t("auth.reset.submit")}
      </SubmitButton>
    </form>
  );
}
