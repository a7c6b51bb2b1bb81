import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { buttonClasses } from "@/components/ui/button";
import type { HeaderSession } from "./header-session";
import { HeaderNav } from "./header-nav";
import { LanguageSwitcher } from "./language-switcher";
import { MainNav } from "./main-nav";

/**
 * The portal's header. It reads no session itself, so that the public pages can be served from
 * the cache: a signed-in area's layout passes the user's `session` (null: signed out), and without
 * one the navigation asks the server in the browser (components/layout/header-nav.tsx).
 */
export async function SiteHeader({ session }: { session?: HeaderSession | null }) {
  const t = await getTranslations("common");
  const nav = await getTranslations("nav");
  const roles = await getTranslations("roles");
  return (
    <header>
      <div className="border-t-4 border-accent-600 bg-brand-900 text-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-2 sm:px-6">
          <Link href="/" className="flex min-h-12 min-w-0 items-center gap-3 rounded-sm">
            <svg aria-hidden="true" viewBox="0 0 32 32" className="size-9 shrink-0">
              <rect width="32" height="32" rx="7" fill="#fff" />
              <path d="M6 15.5 16 7l10 8.5" fill="none" stroke="#174a85" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
              <path d="M9.5 14v10.5h13V14" fill="none" stroke="#174a85" strokeWidth="2.6" strokeLinejoin="round" />
              <rect x="14" y="18" width="4" height="6.5" fill="#b42318" />
            </svg>
            <span className="flex min-w-0 flex-col leading-tight sm:flex-row sm:items-baseline sm:gap-2">
              <span className="text-xl font-bold tracking-wide">{t("portalName")}</span>
              <span aria-hidden="true" className="hidden text-brand-200 sm:inline">
                ·
              </span>
              <span className="text-sm text-brand-100 sm:text-base">{t("portalSubtitle")}</span>
            </span>
          </Link>
          <LanguageSwitcher />
        </div>
      </div>
      <div className="relative z-20 border-b border-slate-200 bg-white shadow-xs">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 px-4 sm:px-6">
          {session === undefined ? (
            <ClientMessages base={false} namespaces={["nav", "roles", "common.signedInAs", "common.signOut", "common.signIn", "common.register"]}>
              <HeaderNav />
            </ClientMessages>
          ) : session ? (
            <>
              <MainNav items={session.nav.map((item) => ({ href: item.href, label: nav(item.key) }))} label={nav("label")} menuLabel={nav("menu")} />
              <div className="ml-auto flex min-w-0 items-center gap-1 py-1">
                <span className="max-w-[12rem] truncate text-sm text-slate-700">{t("signedInAs", { name: session.name, role: roles(session.role) })}</span>
                <form method="post" action="/api/session/sign-out">
                  <button type="submit" className={buttonClasses("ghost", "px-3")}>
                    {t("signOut")}
                  </button>
                </form>
              </div>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}
