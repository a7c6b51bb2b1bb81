import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteShell } from "@/components/layout/site-shell";
import type { Locale } from "@/i18n/config";

/**
 * Public pages. The header asks who is signed in from the browser, so that the home page and the
 * publicity lists can be served from the cache (docs/decisions/013-public-pages-cache.md).
 */
export default async function PublicLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale as Locale);
  return <SiteShell>{children}</SiteShell>;
}
