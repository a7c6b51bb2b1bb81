"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { liftIntakeLinkLockAction } from "@/lib/applications/actions";

/** Lifts an account's lock on linking once the officer has checked the holder's resident ID card. */
export function LiftLinkLockButton({ userId }: { userId: string }) {
  const t = useTranslations("staff.linkLocks");
  const tc = useTranslations("common");
  const { state, pending, formError, formProps } = useFormAction(liftIntakeLinkLockAction);
  const [checked, setChecked] = useState(false);
  if (state?.ok) return <Alert tone="success">{t("lifted")}</Alert>;
  return (
    <form {...formProps} className="flex flex-col gap-3">
      <input type="hidden" name="userId" value={userId} />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <label className="flex min-h-11 items-start gap-3 text-base">
        <input type="checkbox" className="mt-1 size-5" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
        <span>{t("liftConfirm")}</span>
      </label>
      <div>
        {checked ? (
          <SubmitButton pending={pending} pendingLabel={tc("submitting")} variant="secondary">
            {t("lift")}
          </SubmitButton>
        ) : null}
      </div>
    </form>
  );
}
