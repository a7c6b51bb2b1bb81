import { cookies } from "next/headers";
import { locale as rootLocale } from "next/root-params";
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "@/lib/i18n/catalog";
import { isLocale, LOCALE_COOKIE, resolveLocale, timeZone } from "./config";

/**
 * The [locale] segment every page is under (proxy.ts rewrites to it), read by any server component
 * without a cookie or a header, so the cached public pages stay static (their not-found and
 * forbidden boundaries included, which Next renders apart from the layout). Actions and route
 * handlers have no segment: undefined.
 */
async function segmentLocale(): Promise<string | undefined> {
  try {
    return (await rootLocale()) as string | undefined;
  } catch {
    return undefined;
  }
}

// The language of a request: the [locale] segment, else what setRequestLocale or the header
// proxy.ts sets from the locale cookie say (actions, dynamic pages), else the cookie itself (API
// routes, which the proxy does not see).
export default getRequestConfig(async ({ requestLocale }) => {
  const segment = await segmentLocale();
  const requested = isLocale(segment) ? segment : await requestLocale;
  const locale = isLocale(requested) ? requested : resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: messagesFor(locale),
    timeZone,
    onError(error) {
      // A missing message is a bug to fix, not a reason to fail the page.
      console.error(`[i18n] ${error.code}: ${error.message}`);
    },
    getMessageFallback({ namespace, key }) {
      return [namespace, key].filter(Boolean).join(".");
    },
  };
});
