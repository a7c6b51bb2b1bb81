import type { RulesLocale } from "./articles";
import type { IneligibilityCode, ReasonParams } from "./eligibility-types";
import { formatYuan } from "./money";

// What each ineligibility means, for the applicant, naming the article and what they could do.
// Placeholders are `{name}`, the simple-argument form of ICU messages, so the UI's message files
// (next-intl) can take these texts as they are, given the params from `explanationParams`.

// Which article each code cites, and how an article is written, live in ./articles, which the
// browser loads without these tables.
export type { RulesLocale } from "./articles";
export { INELIGIBILITY_ARTICLES, articleLabel } from "./articles";

export const INELIGIBILITY_MESSAGES: Record<RulesLocale, Record<IneligibilityCode, string>> = {
  "zh-CN": {
    INVALID_HOUSEHOLD:
      "每个申请家庭须有且只有一名申请人，配偶至多一名（第十二条）。请核对家庭成员名单及其与申请人的关系。",
    ALREADY_HOUSED:
      "家庭成员中有人已在其他公租房申请或租赁合同中，每人只能参与一个申请或租赁（第十二条）。请先撤回原申请或退出原租赁，再提交本申请。",
    UNDER_18:
      "申请人须年满18周岁，申请人将于 {adultOn} 年满18周岁（第十三条第一项）。届时可再申请，或由家庭中已成年的成员作为申请人。",
    NO_FULL_CIVIL_CAPACITY:
      "申请人须具有完全民事行为能力（第十三条第二项）。可由家庭中具有完全民事行为能力的成员作为申请人。",
    NO_STABLE_EMPLOYMENT:
      "申请人须在本市有稳定工作和收入来源：与本市用人单位签订劳动合同、持有本市营业执照或领取本市养老金；外来务工人员须在本市缴纳社会保险（第十三条第三项）。具备其中一项后可再申请。",
    INCOME_ABOVE_LIMIT:
      "家庭人均年收入 {perCapitaYuan} 元，高于{limitBasis} {limitYuan} 元（第十三条第四项）。如家庭收入已下降，可凭新的收入证明再申请。",
    ADEQUATE_HOUSING:
      "家庭在本市拥有城镇住房，人均住房建筑面积 {perCapitaAreaM2} 平方米，不低于 15 平方米（第十三条第五项）。",
    RECENT_HOUSING_TRANSFER:
      "家庭成员于 {transferDate} 出售或转让过住房，距申请日不足三年（第十三条第五项）。自 {eligibleFrom} 起可再申请。",
    FAMILY_CAN_SUPPORT:
      "申请人的父母、子女或配偶的父母有能力解决本家庭在当地的住房（第十三条第六项）。如情况有变，请如实申报并提交证明材料。",
    BANNED:
      "因违反第三十一条被收回公租房，{bannedUntil} 前不得再次申请（第四十条）。可自 {bannedUntil} 起重新申请。",
  },
  en: {
    INVALID_HOUSEHOLD:
      "A household applies with exactly one applicant and at most one spouse (Art. 12). Please check the list of members and how each is related to the applicant.",
    ALREADY_HOUSED:
      "A member of the household is already on another public rental housing application or lease, and each person may be on only one (Art. 12). Withdraw the other application or leave the other lease first.",
    UNDER_18:
      "The applicant must be at least 18; the applicant turns 18 on {adultOn} (Art. 13.1). Apply again then, or let an adult member of the household apply.",
    NO_FULL_CIVIL_CAPACITY:
      "The applicant must have full civil capacity (Art. 13.2). A member of the household who has it may apply instead.",
    NO_STABLE_EMPLOYMENT:
      "The applicant needs stable work and income in Chongqing: a labour contract with a Chongqing employer, a Chongqing business licence or a Chongqing pension; a migrant worker must pay social insurance in Chongqing (Art. 13.3). Apply again once one of these holds.",
    INCOME_ABOVE_LIMIT:
      "The household's income per person is {perCapitaYuan} yuan a year, above {limitBasis} of {limitYuan} yuan (Art. 13.4). If the household's income has fallen, apply again with new proof of income.",
    ADEQUATE_HOUSING:
      "The household owns urban housing in Chongqing with {perCapitaAreaM2} m² of floor area per person, not below 15 m² (Art. 13.5).",
    RECENT_HOUSING_TRANSFER:
      "A member of the household sold or transferred housing on {transferDate}, less than three years before the application (Art. 13.5). You may apply again from {eligibleFrom}.",
    FAMILY_CAN_SUPPORT:
      "The applicant's parents, children or spouse's parents can provide the household's housing locally (Art. 13.6). If this has changed, declare it truthfully with supporting documents.",
    BANNED:
      "The household's public rental unit was taken back for breaking Art. 31, so it may not apply again before {bannedUntil} (Art. 40). You may apply again from {bannedUntil}.",
  },
};

/**
 * The same reasons worded without figures, for a reason known only by its code: an officer's
 * finding from shared data or documents, where the pre-check computed no figures. A message is
 * never shown with a `{name}` left in it.
 */
export const INELIGIBILITY_MESSAGES_WITHOUT_FIGURES: Record<RulesLocale, Partial<Record<IneligibilityCode, string>>> = {
  "zh-CN": {
    UNDER_18: "申请人须年满18周岁（第十三条第一项）。可在申请人年满18周岁后再申请，或由家庭中已成年的成员作为申请人。",
    INCOME_ABOVE_LIMIT:
      "家庭人均年收入高于本市上年度城镇居民人均可支配收入的规定标准（第十三条第四项）。如家庭收入已下降，可凭新的收入证明再申请。",
    ADEQUATE_HOUSING: "家庭在本市拥有城镇住房，人均住房建筑面积不低于 15 平方米（第十三条第五项）。",
    RECENT_HOUSING_TRANSFER: "家庭成员在申请前三年内出售或转让过住房（第十三条第五项）。自转让之日起满三年后可再申请。",
    BANNED: "因违反第三十一条被收回公租房，在规定期限内不得再次申请（第四十条）。",
  },
  en: {
    UNDER_18: "The applicant must be at least 18 (Art. 13.1). Apply again once the applicant is 18, or let an adult member of the household apply.",
    INCOME_ABOVE_LIMIT:
      "The household's income per person is above the limit set by last year's urban per-capita disposable income (Art. 13.4). If the household's income has fallen, apply again with new proof of income.",
    ADEQUATE_HOUSING: "The household owns urban housing in Chongqing with 15 m² or more of floor area per person (Art. 13.5).",
    RECENT_HOUSING_TRANSFER:
      "A member of the household sold or transferred housing in the three years before the application (Art. 13.5). You may apply again three years after the transfer.",
    BANNED: "The household's public rental unit was taken back for breaking Art. 31, so it may not apply again within the period set (Art. 40).",
  },
};

const LIMIT_BASIS: Record<RulesLocale, Record<string, string>> = {
  "zh-CN": {
    "1": "本市上年度城镇居民人均可支配收入",
    "1.1": "本市上年度城镇居民人均可支配收入的 1.1 倍",
    "1.2": "本市上年度城镇居民人均可支配收入的 1.2 倍",
  },
  en: {
    "1": "the limit for households of three or more, last year's urban per-capita disposable income,",
    "1.1": "the limit for two-person households, 1.1 times last year's urban per-capita disposable income,",
    "1.2": "the limit for one person, 1.2 times last year's urban per-capita disposable income,",
  },
};

/** The value a `{name}` placeholder stands for, in `locale`, derived from a reason's raw params. */
function paramValue(name: string, params: ReasonParams | undefined, locale: RulesLocale): string | undefined {
  if (!params) return undefined;
  switch (name) {
    case "perCapitaYuan":
      return typeof params.perCapitaIncomeFen === "number" ? formatYuan(params.perCapitaIncomeFen) : undefined;
    case "limitYuan":
      return typeof params.incomeLimitFen === "number" ? formatYuan(params.incomeLimitFen) : undefined;
    case "limitBasis":
      return params.limitFactor === undefined ? undefined : LIMIT_BASIS[locale][String(params.limitFactor)];
    default: {
      const v = params[name];
      return v === undefined ? undefined : String(v);
    }
  }
}

/** Turns a reason's raw params (fen, factors) into the words its message names, in `locale`. */
export function explanationParams(params: ReasonParams | undefined, locale: RulesLocale): Record<string, string> {
  const out: Record<string, string> = {};
  if (!params) return out;
  for (const key of Object.keys(params)) out[key] = String(params[key]);
  for (const name of ["perCapitaYuan", "limitYuan", "limitBasis"]) {
    const v = paramValue(name, params, locale);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

// Templates split once into literal text (even indexes) and placeholder names (odd indexes):
// eligibility is checked a million times a second, so filling must not re-parse.
type Compiled = string[];
const compiled = {} as Record<RulesLocale, Record<IneligibilityCode, Compiled>>;
for (const locale of Object.keys(INELIGIBILITY_MESSAGES) as RulesLocale[]) {
  compiled[locale] = {} as Record<IneligibilityCode, Compiled>;
  for (const code of Object.keys(INELIGIBILITY_MESSAGES[locale]) as IneligibilityCode[]) {
    compiled[locale][code] = INELIGIBILITY_MESSAGES[locale][code].split(/\{(\w+)\}/);
  }
}

/**
 * The explanation of an ineligibility in `locale`, with its figures filled in; worded without
 * figures (INELIGIBILITY_MESSAGES_WITHOUT_FIGURES) when the reason lacks any of them.
 */
export function explainIneligibility(
  reason: { code: IneligibilityCode; params?: ReasonParams },
  locale: RulesLocale = "zh-CN",
): string {
  const parts = compiled[locale][reason.code];
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = paramValue(parts[i]!, reason.params, locale);
    if (value === undefined) return INELIGIBILITY_MESSAGES_WITHOUT_FIGURES[locale][reason.code] ?? out;
    out += value + parts[i + 1]!;
  }
  return out;
}
