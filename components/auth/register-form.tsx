"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { registerAction } from "@/lib/auth/actions";

export function RegisterForm() {
  const t = useTranslations();
  const { pending, fieldErrors, formError, formProps } = useFormAction(registerAction);
  const required = t("common.required");
  return (
    <form {...formProps} noValidate className="flex flex-col gap-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        name="name"
        label={t("auth.register.name")}
        hint={t("auth.register.nameHint")}
        autoComplete="name"
        maxLength={50}
        required
        requiredLabel={required}
        errors={fieldErrors.name}
      />
      <TextField
        name="phone"
        type="tel"
        inputMode="numeric"
        label={t("auth.register.phone")}
        hint={t("auth.register.phoneHint")}
        autoComplete="tel-national"
        maxLength={20}
        required
        requiredLabel={required}
        errors={fieldErrors.phone}
      />
      <TextField
        name="password"
        type="password"
        label={t("auth.register.password")}
        hint={t("auth.register.passwordHint")}
        autoComplete="new-password"
        required
        requiredLabel={required}
        errors={fieldErrors.password}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("auth.register.confirmPassword")}
        autoComplete="new-password"
        required
        requiredLabel={required}
        errors={fieldErrors.confirmPassword}
      />
      <SubmitButton pending={pending} pendingLabel={t("common.submitting")} className="w-full">
        {t("auth.register.submit")}
      </SubmitButton>
    </form>
  );
}
