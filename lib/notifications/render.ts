import "server-only";
import type { JsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { catalogTranslator } from "@/lib/i18n/catalog";
import { localizeNotificationParams } from "./params";

type Locale = "zh-CN" | "en";

/** The text of a notice from its template `notifications.<key>` and params. */
export async function renderNotification(templateKey: string, params: JsonValue, locale: Locale): Promise<string> {
  const t = catalogTranslator(locale, "notifications");
  const values = localizeNotificationParams(params, locale);
  return t(templateKey, values);
}
