"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button-classes";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/actions/action-result";

type RequestCode = (previous: ActionState<{ phone: string }>, formData: FormData) => Promise<ActionState<{ phone: string }>>;

/**
 * The first step of registration and of 忘记密码: the mobile number, and a code sent to it. The
 * answer never says whether the number has an account ("if this number can register, a code has
 * been sent"); then `children` gets the number for the second step's form.
 */
export function PhoneCodeStep({ namespace, requestCode, children }: { namespace: "auth.register" | "auth.reset"; requestCode: RequestCode; children: (phone: string) => ReactNode }) {
  const t = useTranslations();
  const { state, pending, fieldErrors, formError, formProps } = useFormAction(requestCode);
  const [changing, setChanging] = useState(false);
  const sentTo = state?.ok && !changing ? state.data.phone : null;
  const onSubmit: typeof formProps.onSubmit = (event) => {
    setChanging(false);
    formProps.onSubmit(event);
  };

  if (!sentTo) {
    return (
      <form action={formProps.action} onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <TextField
          name="phone"
          type="tel"
          inputMode="numeric"
          label={t(`${namespace}.phone`)}
          autoComplete="tel-national"
          maxLength={20}
          required
          requiredLabel={t("common.required")}
          errors={fieldErrors.phone}
        />
        <SubmitButton pending={pending} pendingLabel={t("common.submitting")} className="w-full">
          {t(`${namespace}.sendCode`)}
        </SubmitButton>
      </form>
    );
  }
  return (
    <div className="flex flex-col gap-5">
      <Alert tone="info">{t(`${namespace}.codeSent`, { phone: sentTo })}</Alert>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {children(sentTo)}
      <div className="flex flex-wrap gap-3">
        <form action={formProps.action} onSubmit={onSubmit}>
          <input type="hidden" name="phone" value={sentTo} />
          <SubmitButton variant="ghost" pending={pending} pendingLabel={t("common.submitting")}>
            {t(`${namespace}.resend`)}
          </SubmitButton>
        </form>
        <button type="button" className={buttonClasses("ghost")} onClick={() => setChanging(true)}>
          {t(`${namespace}.changePhone`)}
        </button>
      </div>
    </div>
  );
}

/** The code field of a second step. */
export function CodeField({ namespace, errors }: { namespace: "auth.register" | "auth.reset"; errors?: string[] }) {
  const t = useTranslations();
  return (
    <TextField
      name="code"
      inputMode="numeric"
      label={t(`${namespace}.code`)}
      hint={t(`${namespace}.codeHint`)}
      autoComplete="one-time-code"
      maxLength={8}
      required
      requiredLabel={t("common.required")}
      errors={errors}
    />
  );
}
