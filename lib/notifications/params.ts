import { articleLabel, type RulesLocale } from "@/lib/rules";

// Notice params are stored language-neutral; a few are worded per language when the notice is
// shown or sent. `articles` holds article numbers ("13.4、13.5") and becomes
// 第十三条第四项、第十三条第五项 or Art. 13.4, Art. 13.5.

export function localizeNotificationParams(params: unknown, locale: RulesLocale): Record<string, string | number> {
  const values = params && typeof params === "object" && !Array.isArray(params) ? { ...(params as Record<string, string | number>) } : {};
  if (typeof values.articles === "string") {
    const articles = values.articles.split(/[、,，]\s*/).filter(Boolean);
    values.articles = articles.map((a) => articleLabel(a, locale)).join(locale === "en" ? ", " : "、");
  }
  return values;
}
