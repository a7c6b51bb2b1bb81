import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "./language-switcher";

/**
 * The portal's header: the name and the language switch, then `nav`, the row with the navigation
 * and who is signed in. It reads no session itself, so that the public pages can be served from
 * the cache; the row comes from site-shell.tsx: asked in the browser on the public pages, rendered
 * with the user on the signed-in areas' (two files, so that neither loads the other's code).
 */
export async function SiteHeader({ nav }: { nav: ReactNode }) {
  const t = await getTranslations("common");
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
          {nav}
        </div>
      </div>
    </header>
  );
}
