import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages } from "@/lib/i18n/catalog";
import { compileMessages } from "@/lib/i18n/compile-messages";
import { ClientIntlProvider } from "./client-intl";

/** What every client component may use: shared words, error texts, shared validation messages. */
export const BASE_CLIENT_MESSAGES = ["common", "errors", "validation"] as const;

/**
 * Gives the client components below it the message namespaces (or dotted sub-trees) they use, and
 * no others: the rest of the catalogue stays on the server. Wrap each client form or widget in the
 * server component that renders it. The messages go out compiled, for the browser's small ICU
 * runtime (components/i18n/client-intl.tsx).
 */
export async function ClientMessages({
  namespaces,
  base = true,
  children,
}: {
  namespaces: readonly string[];
  /** Without the base namespaces: for a widget that needs only the few messages it names (a cached page's header). */
  base?: boolean;
  children: ReactNode;
}) {
  const [locale, timeZone, messages] = await Promise.all([getLocale(), getTimeZone(), getMessages()]);
  const compiled = compileMessages(messages as Record<string, unknown>);
  const picked = base ? [...BASE_CLIENT_MESSAGES, ...namespaces] : namespaces;
  return (
    <ClientIntlProvider locale={locale} timeZone={timeZone} messages={pickMessages(compiled, picked) as typeof compiled}>
      {children}
    </ClientIntlProvider>
  );
}
