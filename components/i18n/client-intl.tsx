"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { useLocale as NextIntlLocale, useTranslations as NextIntlTranslations } from "next-intl";
import {
  createClientFormatter,
  createClientTranslator,
  type ClientFormatter,
  type ClientIntlConfig,
} from "@/lib/i18n/client-translator";

// Translation hooks for client components, with next-intl's names and types but a runtime small
// enough for the browser: messages arrive compiled from the server (ClientMessages), so no ICU
// parser is loaded (docs/decisions/009-client-bundles.md). Server components keep next-intl.

const IntlContext = createContext<ClientIntlConfig | null>(null);

/** Given by ClientMessages (a server component); an inner provider replaces an outer one. */
export function ClientIntlProvider({ children, ...config }: ClientIntlConfig & { children: ReactNode }) {
  const { locale, timeZone, messages } = config;
  const value = useMemo(() => ({ locale, timeZone, messages }), [locale, timeZone, messages]);
  return <IntlContext.Provider value={value}>{children}</IntlContext.Provider>;
}

function useConfig(): ClientIntlConfig {
  const config = useContext(IntlContext);
  if (!config) throw new Error("A client component that translates must be rendered inside ClientMessages");
  return config;
}

function useClientTranslations(namespace?: string) {
  const config = useConfig();
  return useMemo(() => createClientTranslator(config, namespace), [config, namespace]);
}

/** next-intl's useTranslations: keys are type-checked against messages/zh-CN. */
export const useTranslations = useClientTranslations as unknown as typeof NextIntlTranslations;

export const useLocale = (() => useConfig().locale) as unknown as typeof NextIntlLocale;

/** Numbers and dates in the reader's locale (the part of next-intl's useFormatter the portal uses). */
export function useFormatter(): ClientFormatter {
  const { locale, timeZone } = useConfig();
  return useMemo(() => createClientFormatter({ locale, timeZone }), [locale, timeZone]);
}
