import type { IneligibilityCode } from "./eligibility-types";

// The articles of the Measures as the portal cites them. Split from ./explanations so that pages
// in the browser can name an article without loading the explanation tables.

export type RulesLocale = "zh-CN" | "en";

export const INELIGIBILITY_ARTICLES: Record<IneligibilityCode, string> = {
  INVALID_HOUSEHOLD: "12",
  ALREADY_HOUSED: "12",
  UNDER_18: "13.1",
  NO_FULL_CIVIL_CAPACITY: "13.2",
  NO_STABLE_EMPLOYMENT: "13.3",
  INCOME_ABOVE_LIMIT: "13.4",
  ADEQUATE_HOUSING: "13.5",
  RECENT_HOUSING_TRANSFER: "13.5",
  FAMILY_CAN_SUPPORT: "13.6",
  BANNED: "40",
};

const CN_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1..99 in Chinese numerals as the Measures number their articles: 十三, 二十一, 四十. */
function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : CN_DIGITS[tens]}十${ones === 0 ? "" : CN_DIGITS[ones]}`;
}

/**
 * An article as the Measures write it: '13.4' -> 第十三条第四项 (zh-CN) or Art. 13.4 (en);
 * '40' -> 第四十条 / Art. 40. Anything else is returned as it is.
 */
export function articleLabel(article: string, locale: RulesLocale = "zh-CN"): string {
  const m = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(article.trim());
  if (!m) return article;
  if (locale === "en") return `Art. ${article.trim()}`;
  const main = `第${chineseNumber(Number(m[1]))}条`;
  return m[2] ? `${main}第${chineseNumber(Number(m[2]))}项` : main;
}
