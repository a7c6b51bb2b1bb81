"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { NewPasswordFields } from "./new-password-fields";
import { changePasswordAction } from "@/lib/auth/account-actions";

export function ChangePasswordForm() {
  const t = useTranslations();
  const { pending, fieldErrors, formError, formProps } = useFormAction(changePasswordAction);
  const required = t("common.required");
  return (
    <form {...formProps} noValidate className="flex flex-col gap-5" data-testid="change-password">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        name="currentPassword"
        type="password"
        label={t("auth.password.current")}
        autoComplete="current-password"
        required
        requiredLabel={required}
        errors={fieldErrors.currentPassword}
      />
      <NewPasswordFields labels={{ password: t("auth.password.new"), hint: t("auth.register.passwordHint"), confirm: t("auth.password.confirm") }} errors={fieldErrors} requiredLabel={required} />
      <SubmitButton pending={pending} pendingLabel={t("common.submitting")} className="w-full">
        {t("auth.password.submit")}
      </SubmitButton>
    </form>
  );
}
