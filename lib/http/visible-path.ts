import { locales } from "@/i18n/config";

/** A path rendered under app/[locale] (as usePathname sees it while rendering) as the visitor's: /zh-CN/publicity → /publicity. */
export function visiblePath(pathname: string): string {
  for (const locale of locales) {
    if (pathname === `/${locale}`) return "/";
    if (pathname.startsWith(`/${locale}/`)) return pathname.slice(locale.length + 1);
  }
  return pathname;
}
