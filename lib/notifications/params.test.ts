import { describe, expect, it } from "vitest";
import { localizeNotificationParams } from "./params";

describe("notice params worded per language", () => {
  it("writes cited articles as the Measures do", () => {
    const params = { applicationNo: "GZF-500103-2026-000001", articles: "13.4、13.5" };
    expect(localizeNotificationParams(params, "zh-CN")).toEqual({ applicationNo: "GZF-500103-2026-000001", articles: "第十三条第四项、第十三条第五项" });
    expect(localizeNotificationParams(params, "en").articles).toBe("Art. 13.4, Art. 13.5");
  });
  it("leaves other params and odd values alone", () => {
    expect(localizeNotificationParams({ count: 3 }, "zh-CN")).toEqual({ count: 3 });
    expect(localizeNotificationParams(null, "en")).toEqual({});
    expect(localizeNotificationParams({ articles: "附件" }, "zh-CN")).toEqual({ articles: "附件" });
  });
});

describe("re-check reasons in notices", () => {
  it("words the codes in the reader's language, citing articles", () => {
    const params = { applicationNo: "GZF-500103-2026-000001", reasonCodes: "INCOME_ABOVE_LIMIT,BANNED,NOT_A_CODE" };
    expect(localizeNotificationParams(params, "zh-CN")).toEqual({
      applicationNo: "GZF-500103-2026-000001",
      reasons: "家庭人均收入超过规定标准（第十三条第四项）；在不得申请的期限内（第四十条）",
    });
    expect(localizeNotificationParams(params, "en").reasons).toBe("income per person above the limit (Art. 13.4); within a period barred from applying (Art. 40)");
  });
});
