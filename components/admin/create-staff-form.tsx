"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useRef, useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { createStaffAction } from "@/lib/auth/admin-actions";
import type { staffRoles } from "@/lib/auth/schemas";
import { ActivationCodeNotice } from "./activation-code-notice";

export function CreateStaffForm({
  districts,
  roles,
}: {
  districts: Array<{ value: string; label: string }>;
  /** The roles an administrator can give (lib/auth/schemas), from the server page. */
  roles: typeof staffRoles;
}) {
  const t = useTranslations();
  const { state, pending, fieldErrors, formError, formProps } = useFormAction(createStaffAction);
  const formRef = useRef<HTMLFormElement>(null);
  const required = t("common.required");

  // Clear the form after a successful creation (the new account shows in the list above).
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  return (
    <form ref={formRef} {...formProps} noValidate className="flex flex-col gap-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? (
        <ActivationCodeNotice
          lead={t("admin.users.created", { username: state.data.username })}
          code={state.data.activationCode}
          expiresAt={state.data.activationExpiresAt}
        />
      ) : null}
      <SelectField
        name="role"
        label={t("admin.users.role")}
        placeholder={t("admin.users.rolePlaceholder")}
        options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        required
        requiredLabel={required}
        errors={fieldErrors.role}
        defaultValue=""
      />
      <SelectField
        name="districtCode"
        label={t("admin.users.district")}
        hint={t("admin.users.districtHint")}
        placeholder={t("admin.users.districtPlaceholder")}
        options={districts}
        errors={fieldErrors.districtCode}
        defaultValue=""
      />
      <TextField
        name="username"
        label={t("admin.users.username")}
        hint={t("admin.users.usernameHint")}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={32}
        required
        requiredLabel={required}
        errors={fieldErrors.username}
      />
      <TextField
        name="name"
        label={t("admin.users.name")}
        autoComplete="off"
        maxLength={50}
        required
        requiredLabel={required}
        errors={fieldErrors.name}
      />
      <SubmitButton pending={pending} pendingLabel={t("common.submitting")}>
        {t("admin.users.submit")}
      </SubmitButton>
    </form>
  );
}
