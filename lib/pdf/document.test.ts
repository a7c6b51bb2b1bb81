import { describe, expect, it } from "vitest";
import { pdfPages, pdfText } from "@/tests/support/pdf-text";
import { renderDocumentPdf, type PdfDocument } from "./document";
import { splitForLineBreaks } from "./fonts";

const ARTICLES = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const TOPICS = ["租赁房屋", "租赁期限", "租金及支付方式", "履约保证金", "房屋使用", "维修责任", "合同变更", "合同解除", "违约责任", "争议解决"];

function article(index: number): string {
  return (
    `承租人应当按照本合同约定的用途合理使用承租住房及其附属设施，不得擅自转租、转借、调换、经营或者改变房屋用途，` +
    `不得破坏或者擅自装修房屋，不得利用承租住房从事违法活动。本条所称租金为每月人民币1,234.50元（大写：壹仟贰佰叁拾肆元伍角），` +
    `由承租人于每月5日前缴纳至出租人指定的“重庆市公共租赁住房管理局专户”；逾期缴纳的，每日按欠缴租金的万分之五支付违约金，` +
    `累计欠缴租金超过6个月的，出租人有权解除合同并收回住房（第${index + 1}条）。`
  );
}

const LAST_PHRASE = "本合同一式三份，甲乙双方各执一份，住房保障机构留存一份，具有同等法律效力";

const LEASE: PdfDocument = {
  title: "重庆市公共租赁住房租赁合同",
  subtitle: "合同编号 L-2026-000123",
  facts: [
    { label: "出租人（甲方）", value: "重庆市公共租赁房管理局" },
    { label: "承租人（乙方）", value: "张三（身份证号 500101199001011234）" },
    { label: "房屋坐落", value: "重庆市渝北区民心佳园小区3栋2单元1801号，建筑面积52.36平方米，套内建筑面积41.20平方米" },
    { label: "租赁期限", value: "2026年5月1日至2029年4月30日" },
  ],
  sections: ARTICLES.map((number, index) => ({
    heading: `第${number}条　${TOPICS[index]}`,
    paragraphs: index === 9 ? [article(index), `${LAST_PHRASE}，自双方签字盖章之日起生效。`] : [article(index), article(index)],
  })),
  table: {
    columns: ["项目", "计费期间", "金额（元）"],
    rows: [
      ["租金", "2026年5月", "1,234.50"],
      ["物业服务费", "2026年5月", "156.00"],
      ["合计", "", "1,390.50"],
    ],
    alignRight: [2],
  },
  signatures: [
    { label: "甲方（盖章）", value: "重庆市公共租赁房管理局" },
    { label: "乙方（签字）", value: "张三" },
    { label: "签订日期", value: "2026年4月20日" },
    { label: "签订日期", value: "2026年4月20日" },
  ],
  footer: "重庆市公共租赁住房租赁合同（示范文本）",
  metadata: { author: "重庆市公共租赁房管理局", subject: "公共租赁住房租赁合同" },
};

describe("renderDocumentPdf", () => {
  it("renders a Chinese lease over several A4 pages, small, with its text extractable", async () => {
    const pdf = await renderDocumentPdf(LEASE);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The font is subset: a 10 MB TrueType file, a few dozen KB of glyphs in the document.
    expect(pdf.length).toBeLessThan(1024 * 1024);
    expect(pdf.length).toBeLessThan(200 * 1024);

    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(Math.round(page.width)).toBe(595); // A4
      expect(Math.round(page.height)).toBe(842);
    }

    const text = await pdfText(pdf);
    const compact = text.replace(/\s+/gu, "");
    expect(text).toContain("重庆市公共租赁住房租赁合同");
    expect(text).toContain("合同编号 L-2026-000123");
    expect(text).toContain("张三（身份证号 500101199001011234）");
    expect(text).toMatch(/第十条\s争议解决/u);
    expect(compact).toContain(LAST_PHRASE);
    expect(text).toContain("物业服务费");
    expect(text).toContain("1,390.50");
    expect(text).toContain("2026年4月20日");
    // The footer and the page numbers on every page.
    for (const page of pages) {
      const pageText = page.items.map((item) => item.text).join("");
      expect(pageText).toContain("重庆市公共租赁住房租赁合同（示范文本）");
      expect(pageText).toContain(`第 ${page.number} 页 / 共 ${pages.length} 页`);
    }
  }, 60_000);

  it("wraps long Chinese paragraphs inside the margins without inserting hyphens", async () => {
    const paragraph = article(0).repeat(6);
    const pdf = await renderDocumentPdf({ title: "换行", sections: [{ heading: "第一条", paragraphs: [paragraph] }] });
    const pages = await pdfPages(pdf);
    const lines = (await pdfText(pdf)).split("\n").filter((line) => line.startsWith("承租人") || line.length > 30);
    expect(lines.length).toBeGreaterThan(10);
    // Every character is there, in order, and nothing was added at the line ends.
    expect((await pdfText(pdf)).replace(/\s+/gu, "")).toContain(paragraph);
    for (const page of pages) {
      for (const item of page.items) {
        expect(item.x + item.width).toBeLessThanOrEqual(page.width - 60);
        expect(item.x).toBeGreaterThanOrEqual(60);
      }
    }
  }, 60_000);
});

describe("splitForLineBreaks", () => {
  const pieces = (word: string) => splitForLineBreaks(word).filter((piece) => piece !== "");

  it("lets a line break between Han characters, with an empty piece (no hyphen) between them", () => {
    expect(splitForLineBreaks("租赁合同")).toEqual(["租", "", "赁", "", "合", "", "同"]);
    expect(splitForLineBreaks("合")).toEqual(["合"]);
  });

  it("keeps punctuation with its neighbour and numbers, codes and Latin words whole", () => {
    expect(pieces("（大写：壹元）。")).toEqual(["（大", "写：", "壹", "元）。"]);
    expect(pieces("编号L-2026-000123")).toEqual(["编", "号", "L-2026-000123"]);
    expect(pieces("1,234.50元")).toEqual(["1,234.50", "元"]);
    expect(pieces("500101199001011234")).toEqual(["500101199001011234"]);
    expect(splitForLineBreaks("example")).toEqual(["example"]);
  });

  it("breaks a very long Latin run rather than let it run off the page", () => {
    const url = `https://example.invalid/${"a".repeat(60)}`;
    const parts = pieces(url);
    expect(parts.join("")).toBe(url);
    expect(parts.length).toBeGreaterThan(1);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThanOrEqual(24);
  });
});
