import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "@/lib/i18n/catalog";
import { LOCALE_COOKIE, resolveLocale, timeZone } from "./config";

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = resolveLocale(store.get(LOCALE_COOKIE)?.value);
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
