// Locales the portal speaks. Chinese first: it is the default for every visitor without a choice.
export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";

/** The cookie that carries the visitor's language choice (no locale in the URL). */
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function resolveLocale(value: string | undefined | null): Locale {
  return isLocale(value) ? value : defaultLocale;
}

/** China Standard Time for every date shown, whatever the server's zone. */
export const timeZone = "Asia/Shanghai";
