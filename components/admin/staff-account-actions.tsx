"use client";

import { useState } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { manageStaffAccountAction } from "@/lib/auth/admin-actions";
import type { StaffAccountAction } from "@/lib/auth/schemas";
import { ActivationCodeNotice } from "./activation-code-notice";

/** In the order shown. */
const ORDER: readonly StaffAccountAction[] = ["forceChange", "reset", "deactivate", "reactivate"];

type Done = { action: StaffAccountAction; username: string; activationCode: string | null; activationExpiresAt: string | null };

/** An administrator's actions on one staff account, each confirmed first. */
export function StaffAccountActions({ userId, username, actions }: { userId: string; username: string; actions: readonly StaffAccountAction[] }) {
  const t = useTranslations();
  const [done, setDone] = useState<Done | null>(null);
  return (
    <div className="flex min-w-[17rem] flex-col gap-3" data-testid={`staff-actions-${username}`}>
      {done ? (
        done.activationCode && done.activationExpiresAt ? (
          <ActivationCodeNotice lead={t(`admin.users.done.${done.action}`, { username })} code={done.activationCode} expiresAt={done.activationExpiresAt} />
        ) : (
          <Alert tone="success">{t(`admin.users.done.${done.action}`, { username })}</Alert>
        )
      ) : null}
      <div className="flex flex-wrap gap-2">
        {/* Every form stays mounted and those the account's state does not offer are hidden: the list
            refreshes with the result, and an unmounted form would lose the answer it is showing. */}
        {ORDER.map((action) => (
          <div key={action} hidden={!actions.includes(action)}>
          <ConfirmForm<Done>
            action={manageStaffAccountAction}
            confirmTitle={t("admin.users.confirmTitle")}
            confirmMessage={() => t(`admin.users.confirm.${action}`, { username })}
            submitLabel={t(`admin.users.${action}`)}
            confirmLabel={t("admin.users.confirmButton")}
            cancelLabel={t("admin.users.cancel")}
            pendingLabel={t("common.submitting")}
            submitVariant={action === "deactivate" || action === "reset" ? "danger" : "secondary"}
            onSuccess={setDone}
            className="flex flex-col gap-2"
            testId={`staff-${action}-${username}`}
          >
            {() => (
              <>
                <input type="hidden" name="userId" value={userId} />
                <input type="hidden" name="action" value={action} />
              </>
            )}
          </ConfirmForm>
          </div>
        ))}
      </div>
    </div>
  );
}
