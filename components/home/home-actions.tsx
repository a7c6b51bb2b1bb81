"use client";

import { useEffect } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { refreshSession, useSession } from "@/components/layout/session-store";
import { ButtonLink } from "@/components/ui/button";

/**
 * The home page's buttons: register and sign in, or, for a signed-in user, the way to their own
 * area. The page is served from the cache for everyone, so who is signed in is asked in the
 * browser (the header asks too: one request for both).
 */
export function HomeActions() {
  const t = useTranslations("home");
  const session = useSession();
  useEffect(() => {
    if (session === undefined) void refreshSession();
  }, [session]);
  return (
    <div className="mt-7 flex flex-col gap-3 sm:flex-row">
      {session ? (
        <ButtonLink href={session.landing}>{session.isApplicant ? t("goToMyApplication") : t("goToWorkbench")}</ButtonLink>
      ) : (
        <>
          <ButtonLink href="/register">{t("startApplying")}</ButtonLink>
          <ButtonLink href="/login" variant="secondary">
            {t("signIn")}
          </ButtonLink>
        </>
      )}
    </div>
  );
}
