"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { NewPasswordFields } from "./new-password-fields";
import { registerAction, requestRegistrationCodeAction } from "@/lib/auth/actions";
import { CodeField, PhoneCodeStep } from "./phone-code-step";

/** Registration in two steps: the number and its SMS code, then the code, the name and the password. */
export function RegisterForm() {
  return <PhoneCodeStep namespace="auth.register" requestCode={requestRegistrationCodeAction}>{(phone) => <AccountStep phone={phone} />}</PhoneCodeStep>;
}

function AccountStep({ phone }: { phone: string }) {
  const t = useTranslations();
  const { pending, fieldErrors, formError, formProps } = useFormAction(registerAction);
  const required = t("common.required");
  return (
    <form {...formProps} noValidate className="flex flex-col gap-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="phone" value={phone} />
      <CodeField namespace="auth.register" errors={fieldErrors.code} />
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
      <NewPasswordFields labels={{ password: t("auth.register.password"), hint: t("auth.register.passwordHint"), confirm: t("auth.register.confirmPassword") }} errors={fieldErrors} requiredLabel={required} />
      <SubmitButton pending={pending} pendingLabel={t("common.submitting")} className="w-full">
        {t("auth.register.submit")}
      </SubmitButton>
    </form>
  );
}
