import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages } from "@/lib/i18n/catalog";

/** What every client component may use: shared words, error texts, shared validation messages. */
export const BASE_CLIENT_MESSAGES = ["common", "errors", "validation"] as const;

/**
 * Gives the client components below it the message namespaces (or dotted sub-trees) they use, and
 * no others: the rest of the catalogue stays on the server. Wrap each client form or widget in the
 * server component that renders it.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  return <NextIntlClientProvider messages={pickMessages(messages, [...BASE_CLIENT_MESSAGES, ...namespaces])}>{children}</NextIntlClientProvider>;
}
