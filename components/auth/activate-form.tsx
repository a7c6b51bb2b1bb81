"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { NewPasswordFields } from "./new-password-fields";
import { activateAccountAction } from "@/lib/auth/account-actions";

export function ActivateForm() {
  const t = useTranslations();
  const { pending, fieldErrors, formError, formProps } = useFormAction(activateAccountAction);
  const required = t("common.required");
  return (
    <form {...formProps} noValidate className="flex flex-col gap-5" data-testid="activate-account">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        name="username"
        label={t("auth.activate.username")}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={32}
        required
        requiredLabel={required}
        errors={fieldErrors.username}
      />
      <TextField
        name="code"
        label={t("auth.activate.code")}
        hint={t("auth.activate.codeHint")}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        required
        requiredLabel={required}
        errors={fieldErrors.code}
      />
      <NewPasswordFields labels={{ password: t("auth.password.new"), hint: t("auth.register.passwordHint"), confirm: t("auth.password.confirm") }} errors={fieldErrors} requiredLabel={required} />
      <SubmitButton pending={pending} pendingLabel={t("common.submitting")} className="w-full">
        {t("auth.activate.submit")}
      </SubmitButton>
    </form>
  );
}
