import { locales, type Locale } from "@/i18n/config";

// Where proxy.ts sends a visitor's request (docs/decisions/013-public-pages-cache.md). The address
// a visitor sees has no language in it (/publicity); every page lives under app/[locale], and the
// proxy rewrites to /zh-CN/publicity or /en/publicity after the locale cookie. The public pages
// that Next serves from its cache can read no query string, so their query becomes path segments:
//
//   /publicity                        → /{l}/publicity                       (cached)
//   /publicity?district=D&page=N      → /{l}/publicity/list/{D|all}/{N}      (cached)
//   /publicity/B                      → /{l}/publicity/B                     (cached)
//   /publicity/B?page=N               → /{l}/publicity/B/p/{N}               (cached, N ≥ 2)
//   /publicity/B?q=GZF…[&page=N]      → /{l}/publicity/B/search?q=…&page=N   (rendered per request)
//
// Anything else keeps its path and query. Parameters a page would not take are dropped, so a
// crafted query cannot make new cache entries; the pages check what is left (unknown district,
// page past the last: 404).

/** Request headers the proxy sets (a visitor's own values are replaced): next-intl's locale header… */
export const LOCALE_HEADER = "X-NEXT-INTL-LOCALE";
/** …and the address the visitor asked for, for an action that sends them back to it. */
export const VISIBLE_PATH_HEADER = "x-anju-visible-path";

const BATCH_ID = /^[A-Za-z0-9_-]{1,64}$/;
const DISTRICT = /^\d{6}$/;

/** A page number as the lists take it: 1-10000, else 1. */
export function pageParam(value: string | null): number {
  if (!value || !/^\d{1,5}$/.test(value)) return 1;
  const n = Number(value);
  return n >= 1 && n <= 10_000 ? n : 1;
}

export interface InternalRoute {
  pathname: string;
  /** Query string to keep (with its "?"), or "". */
  search: string;
}

/** The route under app/[locale] (without the locale) that serves a visitor's path and query. */
export function internalRoute(pathname: string, search: URLSearchParams): InternalRoute {
  const keep = (params: URLSearchParams): string => {
    // Next's own cache-busting parameter of client navigations passes through.
    const rsc = search.get("_rsc");
    if (rsc !== null) params.set("_rsc", rsc);
    const text = params.toString();
    return text ? `?${text}` : "";
  };
  if (pathname === "/publicity") {
    const district = search.get("district") ?? "";
    const page = pageParam(search.get("page"));
    const filtered = DISTRICT.test(district);
    if (!filtered && page === 1) return { pathname, search: keep(new URLSearchParams()) };
    return { pathname: `/publicity/list/${filtered ? district : "all"}/${page}`, search: keep(new URLSearchParams()) };
  }
  const batch = /^\/publicity\/([^/]+)$/.exec(pathname);
  if (batch && BATCH_ID.test(batch[1]!) && batch[1] !== "list") {
    const id = batch[1]!;
    const q = (search.get("q") ?? "").trim();
    const page = pageParam(search.get("page"));
    if (q !== "") {
      const params = new URLSearchParams({ q: q.slice(0, 64) });
      if (page > 1) params.set("page", String(page));
      return { pathname: `/publicity/${id}/search`, search: keep(params) };
    }
    return { pathname: page > 1 ? `/publicity/${id}/p/${page}` : pathname, search: keep(new URLSearchParams()) };
  }
  return { pathname, search: search.size > 0 ? `?${search.toString()}` : "" };
}

/** The locale segment prefixed to an internal route: `/en` + `/publicity` (the home page is `/en`). */
export function localizedPath(locale: Locale, pathname: string): string {
  return pathname === "/" ? `/${locale}` : `/${locale}${pathname}`;
}

export { visiblePath } from "./visible-path";
