import type { ISODate } from "@/lib/rules/client";

// Dates for people, in China Standard Time whatever the server's zone. Pure: server and browser.

type Locale = "zh-CN" | "en" | string;

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", options);
    dateTimeFormats.set(key, f);
  }
  return f;
}

/** An instant as a CST date and time, e.g. "2026年3月2日 10:05". */
export function formatCstDateTime(at: Date, locale: Locale): string {
  return formatter(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).format(at);
}

/** A calendar date ("YYYY-MM-DD", already CST), e.g. "2026年3月2日（周一）". */
export function formatIsoDate(date: ISODate, locale: Locale, options: { weekday?: boolean } = {}): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime())) return date;
  return formatter(locale, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric", ...(options.weekday ? { weekday: "short" } : {}) }).format(d);
}

/** A @db.Date column or an instant's CST calendar date, formatted. */
export function formatCstDate(at: Date, locale: Locale): string {
  return formatter(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" }).format(at);
}

/** File sizes: the one byte formatter is lib/documents/format.ts. */
export { formatBytes } from "@/lib/documents/format";

/** An article of the Measures as written in each language (the one definition is in lib/rules). */
export { articleLabel } from "@/lib/rules/client";
