import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SiteFooter } from "@/components/layout/site-footer";
import { isLocale } from "@/i18n/config";
import "../globals.css";

// The root layout, once per language: the proxy rewrites every page to /zh-CN/... or /en/...
// (docs/decisions/013-public-pages-cache.md). It reads no cookie and no session, so that the
// public pages below it can be served from the cache. No language is rendered at build time (the
// pages that read the database need it at run time): each page is made on its first visit.
export function generateStaticParams(): Array<{ locale: string }> {
  return [];
}

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    title: { default: t("title"), template: t("titleTemplate") },
    description: t("description"),
    robots: { index: true, follow: true },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0f2f54",
};

export default async function RootLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col bg-slate-50 text-slate-900 antialiased">
        <ClientMessages namespaces={[]}>
          <a
            href="#main"
            className="sr-only z-50 rounded-md bg-white px-4 py-3 font-medium text-brand-800 shadow-lg focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
          >
            {t("skipToContent")}
          </a>
          {children}
          <SiteFooter />
        </ClientMessages>
      </body>
    </html>
  );
}
