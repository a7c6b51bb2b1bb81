import { articleLabel, INELIGIBILITY_ARTICLES, type IneligibilityCode, type RulesLocale } from "@/lib/rules";
import { isStatusReasonKey, type StatusReasonParams } from "./status-reason";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Articles as the Measures write them, joined for the reader: 第十三条第四项、第十九条 / Art. 13.4, Art. 19. */
export function articleList(articles: readonly string[], locale: RulesLocale): string {
  return [...new Set(articles)].map((a) => articleLabel(a, locale)).join(locale === "en" ? ", " : "、");
}

/** One ineligibility as a short title citing its article: 家庭人均收入超过规定标准（第十三条第四项）. */
export function ineligibilityTitle(code: IneligibilityCode, t: Translate, locale: RulesLocale): string {
  return t(`statusReasons.codeTitles.${code}`, { article: articleLabel(INELIGIBILITY_ARTICLES[code], locale) });
}

/**
 * The words of a status event's reason, in `locale`: the officer's text as written and the
 * portal's own wording from its key and params (null where there is none). `t` translates from
 * the root of the messages.
 */
export function statusReasonText(
  event: { reason: string | null; reasonKey: string | null; reasonParams: unknown },
  t: Translate,
  locale: RulesLocale,
): { text: string | null; worded: string | null } {
  const params = (event.reasonParams && typeof event.reasonParams === "object" ? event.reasonParams : {}) as StatusReasonParams;
  let worded: string | null = null;
  if (isStatusReasonKey(event.reasonKey)) {
    const separator = locale === "en" ? "; " : "；";
    worded = t(`statusReasons.${event.reasonKey}`, {
      articles: articleList(params.articles ?? [], locale),
      reasons: (params.codes ?? []).map((code) => ineligibilityTitle(code, t, locale)).join(separator),
    });
  }
  return { text: event.reason, worded };
}
