import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/catalog";
import { INELIGIBILITY_ARTICLES, type IneligibilityCode } from "@/lib/rules";
import { STATUS_REASON_KEYS } from "./status-reason";
import { articleList, statusReasonText } from "./status-reason-text";

const CODES = Object.keys(INELIGIBILITY_ARTICLES) as IneligibilityCode[];

describe("status reasons are worded by the message files, citing articles as the Measures do", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    const t = createTranslator({ locale, messages: messagesFor(locale) }) as unknown as (key: string, values?: Record<string, string | number>) => string;
    it(`${locale}: every key, with and without params, leaves no placeholder and no raw article number`, () => {
      for (const key of STATUS_REASON_KEYS) {
        for (const params of [{ articles: ["13.4", "19"], codes: CODES }, { articles: ["19"] }, {}]) {
          const { worded } = statusReasonText({ reason: null, reasonKey: key, reasonParams: params }, t, locale);
          expect(worded, key).toBeTruthy();
          expect(worded, key).not.toMatch(/[{}]/);
          expect(worded, key).not.toMatch(/第\d|\b13\.4条/);
        }
      }
    });
  }

  it("writes articles as the Measures do", () => {
    expect(articleList(["13.4", "13.5", "13.4"], "zh-CN")).toBe("第十三条第四项、第十三条第五项");
    expect(articleList(["19"], "en")).toBe("Art. 19");
    const t = createTranslator({ locale: "zh-CN", messages: messagesFor("zh-CN") }) as never;
    expect(statusReasonText({ reason: "收入超标", reasonKey: "refused", reasonParams: { articles: ["13.4"] } }, t, "zh-CN")).toEqual({
      text: "收入超标",
      worded: "不予通过，依据第十三条第四项。",
    });
    const cancelled = statusReasonText({ reason: null, reasonKey: "recheckCancelled", reasonParams: { articles: ["20"], codes: ["INCOME_ABOVE_LIMIT"] } }, t, "zh-CN");
    expect(cancelled.worded).toContain("第二十条");
    expect(cancelled.worded).toContain("家庭人均收入超过规定标准（第十三条第四项）");
    expect(statusReasonText({ reason: "旧的理由", reasonKey: null, reasonParams: null }, t, "zh-CN")).toEqual({ text: "旧的理由", worded: null });
  });
});
