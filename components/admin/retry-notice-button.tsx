"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { retryNoticeAction } from "@/lib/notifications/actions";

/** Sends a failed notice again (it goes back to the outbox; the next delivery run sends it). */
export function RetryNoticeButton({ notificationId }: { notificationId: string }) {
  const t = useTranslations("admin.notifications");
  const { state, pending, formError, formProps } = useFormAction(retryNoticeAction);
  if (state?.ok) return <p className="text-sm font-medium text-green-800">{t("queued")}</p>;
  return (
    <form {...formProps} className="flex flex-col gap-2">
      <input type="hidden" name="notificationId" value={notificationId} />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div>
        <SubmitButton pending={pending} pendingLabel={t("retrying")} variant="secondary">
          {t("retry")}
        </SubmitButton>
      </div>
    </form>
  );
}
