import "server-only";
import { catalogTranslator } from "@/lib/i18n/catalog";

// Messages of the intake API in the platform's language: Chinese unless the request prefers
// English (Accept-Language). The API sits outside next-intl's request scope, so it translates here.

export type ApiLocale = "zh-CN" | "en";

export function apiLocale(acceptLanguage: string | null): ApiLocale {
  if (!acceptLanguage) return "zh-CN";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}

const translators = {
  "zh-CN": catalogTranslator("zh-CN"),
  en: catalogTranslator("en"),
};

/** The text of a message key (e.g. "applications.validation.residentIdInvalid"); the key itself if unknown. */
export function apiMessage(locale: ApiLocale, key: string, values?: Record<string, string | number>): string {
  const t = translators[locale] as unknown as { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
  return t.has(key) ? t(key, values) : key;
}
