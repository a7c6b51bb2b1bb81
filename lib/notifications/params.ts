import { ineligibilityTitle } from "@/lib/applications/status-reason-text";
import { catalogTranslator } from "@/lib/i18n/catalog";
import { INELIGIBILITY_ARTICLES, articleLabel, type IneligibilityCode, type RulesLocale } from "@/lib/rules";

// Notice params are stored language-neutral; a few are worded per language when the notice is
// shown or sent:
// - `articles` holds article numbers ("13.4、13.5") and becomes 第十三条第四项、第十三条第五项 or
//   Art. 13.4, Art. 13.5;
// - `reasonCodes` holds ineligibility codes ("INCOME_ABOVE_LIMIT,BANNED") and becomes `reasons`,
//   their short titles citing articles.

const translators: Record<RulesLocale, (key: string, values?: Record<string, string | number>) => string> = {
  "zh-CN": catalogTranslator("zh-CN"),
  en: catalogTranslator("en"),
};

export function localizeNotificationParams(params: unknown, locale: RulesLocale): Record<string, string | number> {
  const values = params && typeof params === "object" && !Array.isArray(params) ? { ...(params as Record<string, string | number>) } : {};
  if (typeof values.articles === "string") {
    const articles = values.articles.split(/[、,，]\s*/).filter(Boolean);
    values.articles = articles.map((a) => articleLabel(a, locale)).join(locale === "en" ? ", " : "、");
  }
  if (typeof values.reasonCodes === "string") {
    const codes = values.reasonCodes.split(",").filter((c): c is IneligibilityCode => Object.hasOwn(INELIGIBILITY_ARTICLES, c));
    values.reasons = codes.map((code) => ineligibilityTitle(code, translators[locale], locale)).join(locale === "en" ? "; " : "；");
    delete values.reasonCodes;
  }
  return values;
}
