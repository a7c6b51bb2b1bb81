"use client";

import { TextField } from "@/components/ui/field";

/** A new password and its confirmation, as every form that sets one asks them (register, reset, change, activate). */
export function NewPasswordFields({
  labels,
  errors,
  requiredLabel,
}: {
  labels: { password: string; hint: string; confirm: string };
  errors: { password?: string[]; confirmPassword?: string[] };
  requiredLabel: string;
}) {
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={labels.password}
        hint={labels.hint}
        autoComplete="new-password"
        required
        requiredLabel={requiredLabel}
        errors={errors.password}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={labels.confirm}
        autoComplete="new-password"
        required
        requiredLabel={requiredLabel}
        errors={errors.confirmPassword}
      />
    </>
  );
}
