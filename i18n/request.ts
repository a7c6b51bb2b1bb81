import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "@/lib/i18n/catalog";
import { isLocale, LOCALE_COOKIE, resolveLocale, timeZone } from "./config";

// The language of a request: the [locale] route segment (pages and layouts call setRequestLocale,
// which keeps the cached public pages free of cookies), else the header proxy.ts sets from the
// locale cookie (actions, dynamic pages), else the cookie itself (API routes, which the proxy
// does not see).
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
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
