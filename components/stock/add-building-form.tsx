"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { addBuildingAction } from "@/lib/stock/actions";

/** Adds a building to an estate (the officers who manage it). */
export function AddBuildingForm({ estateId, estateCode }: { estateId: string; estateCode: string }) {
  const t = useTranslations("stock");
  const common = useTranslations("common");
  const { state, pending, fieldErrors, formError, formProps } = useFormAction(addBuildingAction);
  const formRef = useRef<HTMLFormElement>(null);
  const added = state?.ok ? state.data : null;
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} {...formProps} noValidate className="flex flex-col gap-4" data-testid="add-building-form">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {added ? (
        <Alert tone="success">
          {t("addBuilding.saved", { name: added.name })}{" "}
          <Link href={`/staff/estates/${encodeURIComponent(estateCode)}/buildings/${added.buildingId}`} className="font-medium underline">
            {t("addBuilding.open")}
          </Link>
        </Alert>
      ) : null}
      <input type="hidden" name="estateId" value={estateId} />
      <TextField
        name="name"
        label={t("fields.buildingName")}
        hint={t("fields.buildingNameHint")}
        maxLength={20}
        required
        requiredLabel={common("required")}
        errors={fieldErrors.name}
      />
      <TextField name="floors" label={t("fields.floors")} inputMode="numeric" required requiredLabel={common("required")} errors={fieldErrors.floors} />
      <SubmitButton pending={pending} pendingLabel={common("submitting")} variant="secondary">
        {t("addBuilding.submit")}
      </SubmitButton>
    </form>
  );
}
