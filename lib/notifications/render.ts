import "server-only";
import { createTranslator } from "next-intl";
import type { JsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { messagesFor } from "@/lib/i18n/catalog";
import { localizeNotificationParams } from "./params";

type Locale = "zh-CN" | "en";

/** The text of a notice from its template `notifications.<key>` and params. */
export async function renderNotification(templateKey: string, params: JsonValue, locale: Locale): Promise<string> {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "notifications" });
  const values = localizeNotificationParams(params, locale);
  return (t as unknown as (key: string, values: Record<string, string | number>) => string)(templateKey, values);
}
