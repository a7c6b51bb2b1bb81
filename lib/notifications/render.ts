import "server-only";
import { createTranslator } from "next-intl";
import type { JsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { localizeNotificationParams } from "./params";

type Locale = "zh-CN" | "en";

async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  return locale === "en"
    ? (await import("@/messages/en.json")).default
    : (await import("@/messages/zh-CN.json")).default;
}

/** The text of a notice from its template `notifications.<key>` and params. */
export async function renderNotification(templateKey: string, params: JsonValue, locale: Locale): Promise<string> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "notifications" });
  const values = localizeNotificationParams(params, locale);
  return (t as unknown as (key: string, values: Record<string, string | number>) => string)(templateKey, values);
}
