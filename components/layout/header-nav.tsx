"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { useTranslations } from "@/components/i18n/client-intl";
import { buttonClasses } from "@/components/ui/button-classes";
import { PUBLIC_NAV } from "./header-session";
import { MainNav } from "./main-nav";
import { forgetSession, refreshSession, useSession } from "./session-store";

/**
 * The header's second row on the public pages, which are served from the cache for everyone
 * alike: the navigation for the user's role and who is signed in. It renders as for a visitor,
 * then asks /api/session once per page load and after each navigation. (The signed-in areas know
 * the user and render this row on the server: components/layout/site-header.tsx.)
 */
export function HeaderNav() {
  const t = useTranslations();
  const pathname = usePathname();
  const live = useSession();
  useEffect(() => {
    void refreshSession();
  }, [pathname]);
  const user = live ?? null;
  const items = (user?.nav ?? PUBLIC_NAV).map((item) => ({ href: item.href, label: t(`nav.${item.key}`) }));
  return (
    <>
      <MainNav items={items} label={t("nav.label")} menuLabel={t("nav.menu")} />
      <div className="ml-auto flex min-w-0 items-center gap-1 py-1">
        {user ? (
          <>
            <span className="max-w-[12rem] truncate text-sm text-slate-700">{t("common.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}</span>
            {/* The user is forgotten once the form has gone: forgotten at once, the re-render would take the
                form out of the page before the browser sends it, and nobody would be signed out. */}
            <form method="post" action="/api/session/sign-out" onSubmit={() => window.setTimeout(forgetSession, 0)}>
              <button type="submit" className={buttonClasses("ghost", "px-3")}>
                {t("common.signOut")}
              </button>
            </form>
          </>
        ) : (
          <>
            <Link href="/login" className={buttonClasses("ghost", "px-3")}>
              {t("common.signIn")}
            </Link>
            <Link href="/register" className={buttonClasses("secondary", "px-3")}>
              {t("common.register")}
            </Link>
          </>
        )}
      </div>
    </>
  );
}
