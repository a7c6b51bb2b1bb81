"use client";

import { useFormatter, useTranslations } from "@/components/i18n/client-intl";
import { Alert } from "@/components/ui/alert";

/** The one-time activation code of a new or reset staff account, shown to the administrator once. */
export function ActivationCodeNotice({ lead, code, expiresAt }: { lead: string; code: string; expiresAt: string }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <Alert tone="success">
      <p>{lead}</p>
      <p className="mt-2 text-lg font-semibold">
        {t("admin.users.activationCode")}
        <span className="font-mono tracking-wider" data-testid="activation-code">
          {code}
        </span>
      </p>
      <p className="mt-1">{t("admin.users.activationNote", { expires: format.dateTime(new Date(expiresAt), { dateStyle: "medium", timeStyle: "short"}) })}</p>
    </Alert>
  );
}
