import { catalogTranslator } from "@/lib/i18n/catalog";
import type { RowErrorCode } from "./validate";

// The words for a row error (messages/*/sharedData.json, rowErrors): stored with each record in
// Chinese, and rendered in the reader's language on the batch page.

type Locale = "zh-CN" | "en";

const translators = {
  "zh-CN": catalogTranslator("zh-CN", "sharedData.rowErrors"),
  en: catalogTranslator("en", "sharedData.rowErrors"),
};

export function rowErrorText(issue: { column: string; code: RowErrorCode | string }, locale: Locale = "zh-CN"): string {
  const t = translators[locale];
  return t.has(issue.code) ? t(issue.code, { column: issue.column }) : t("INVALID", { column: issue.column });
}
