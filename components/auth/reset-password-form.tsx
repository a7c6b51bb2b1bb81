"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { NewPasswordFields } from "./new-password-fields";
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
      <NewPasswordFields labels={{ password: t("auth.reset.password"), hint: t("auth.reset.passwordHint"), confirm: t("auth.reset.confirmPassword") }} errors={fieldErrors} requiredLabel={required} />
      <SubmitButton pending={pending} pendingLabel={t("common.submitting")} className="w-full">
        {t("auth.reset.submit")}
      </SubmitButton>
    </form>
  );
}
