import { describe, expect, it } from "vitest";
import { articleLabel, formatCstDateTime, formatIsoDate } from "./format";

describe("format", () => {
  it("writes articles as the Measures do", () => {
    expect(articleLabel("13.4", "zh-CN")).toBe("第十三条第四项");
    expect(articleLabel("12", "zh-CN")).toBe("第十二条");
    expect(articleLabel("40", "zh-CN")).toBe("第四十条");
    expect(articleLabel("21", "zh-CN")).toBe("第二十一条");
    expect(articleLabel("13.4", "en")).toBe("Art. 13.4");
    expect(articleLabel("10", "zh-CN")).toBe("第十条");
  });

  it("shows instants in China Standard Time, whatever the machine's zone", () => {
    // 2026-03-01T17:30Z is 01:30 on 2 March in Chongqing.
    expect(formatCstDateTime(new Date("2026-03-01T17:30:00Z"), "zh-CN")).toContain("3月2日");
    expect(formatCstDateTime(new Date("2026-03-01T17:30:00Z"), "zh-CN")).toContain("01:30");
    expect(formatIsoDate("2026-03-02", "zh-CN")).toBe("2026年3月2日");
    expect(formatIsoDate("2026-03-02", "en")).toBe("2 March 2026");
  });
});
