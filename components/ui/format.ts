// Display helpers shared by the review, publicity and appeals pages. Dates are shown in China
// Standard Time whatever the server's or browser's zone. Amounts and areas: lib/money/format.

const TIME_ZONE = "Asia/Shanghai";

function tag(locale: string): string {
  return locale === "en" ? "en-GB" : "zh-CN";
}

/** An instant as "2025-06-09 10:00" (CST). */
export function formatInstant(value: Date | string | null | undefined, locale: string): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  const parts = new Intl.DateTimeFormat(tag(locale), {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** The CST calendar date of an instant, "2025-06-09". */
export function formatInstantDate(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** A `@db.Date` column (midnight UTC of the date) as its ISO date. */
export function formatDateColumn(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return (typeof value === "string" ? value : value.toISOString()).slice(0, 10);
}

/** A query string from the parameters that are set. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    search.set(k, v === true ? "1" : String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}
