"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { signInAction } from "@/lib/auth/actions";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations();
  const { pending, fieldErrors, formError, formProps } = useFormAction(signInAction);
  return (
    <form {...formProps} noValidate className="flex flex-col gap-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        name="account"
        label={t("auth.login.account")}
        hint={t("auth.login.accountHint")}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        errors={fieldErrors.account}
      />
      <TextField
        name="password"
        type="password"
        label={t("auth.login.password")}
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      <SubmitButton pending={pending} pendingLabel={t("common.submitting")} className="w-full">
        {t("auth.login.submit")}
      </SubmitButton>
    </form>
  );
}
