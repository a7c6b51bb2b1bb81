import { createTranslator } from "next-intl";
import { messagesFor } from "@/lib/i18n/catalog";
import type { RowErrorCode } from "./validate";

// The words for a row error (messages/*.json, sharedData.rowErrors): stored with each record in
// Chinese, and rendered in the reader's language on the batch page.

type Locale = "zh-CN" | "en";

const translators = {
  "zh-CN": createTranslator({ locale: "zh-CN", messages: messagesFor("zh-CN"), namespace: "sharedData.rowErrors" }),
  en: createTranslator({ locale: "en", messages: messagesFor("en"), namespace: "sharedData.rowErrors" }),
};

export function rowErrorText(issue: { column: string; code: RowErrorCode | string }, locale: Locale = "zh-CN"): string {
  const t = translators[locale] as unknown as { (key: string, values: Record<string, string>): string; has(key: string): boolean };
  return t.has(issue.code) ? t(issue.code, { column: issue.column }) : t("INVALID", { column: issue.column });
}
