import { createTranslator } from "next-intl";
import { createElement, isValidElement, type ReactElement } from "react";
import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import zh from "@/messages/zh-CN";
import { createClientFormatter, createClientTranslator, type TranslationError } from "./client-translator";
import { compileMessages } from "./compile-messages";

// The browser formats compiled messages with icu-minify; the server formats the same messages
// with next-intl. Every message of both catalogues must come out the same both ways.

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[path, value] as [string, string]] : flatten(value, path);
  });
}

/** Values for every argument a message names: numbers for plurals (in `count`), text otherwise. */
function valuesFor(message: string, count: number): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const m of message.matchAll(/\{\s*([A-Za-z_]\w*)\s*(?:,\s*(\w+))?/g)) {
    const [, name, type] = m;
    if (type === "plural" || type === "selectordinal" || type === "number") values[name!] = count;
    else values[name!] ??= `«${name}»`;
  }
  return values;
}

const catalogues = [
  ["zh-CN", zh as unknown as Tree],
  ["en", en as unknown as Tree],
] as const;

describe.each(catalogues)("compiled %s messages in the browser", (locale, raw) => {
  const serverErrors: string[] = [];
  const server = createTranslator({ locale, messages: raw as never, timeZone: "Asia/Shanghai", onError: (e) => serverErrors.push(e.message) });
  const clientErrors: TranslationError[] = [];
  const client = createClientTranslator({ locale, timeZone: "Asia/Shanghai", messages: compileMessages(raw) }, undefined, (e) => clientErrors.push(e));
  const messages = flatten(raw);

  it("has messages to compare", () => {
    expect(messages.length).toBeGreaterThan(500);
  });

  it.each([0, 1, 3, 1234])("reads every message as next-intl does (count %i)", (count) => {
    const differences: string[] = [];
    for (const [key, message] of messages) {
      const values = valuesFor(message, count);
      const expected = (server as unknown as (k: string, v: object) => string)(key, values);
      const actual = client(key, values);
      if (actual !== expected) differences.push(`${key}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    }
    expect(differences).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(clientErrors).toEqual([]);
  });
});

describe("the client translator", () => {
  const messages = compileMessages({
    a: { hello: "你好，{name}", count: "{n, plural, =0 {没有} one {# 项} other {# 项}}", rich: "请<b>注意</b>{name}" },
  });
  const config = { locale: "zh-CN", timeZone: "Asia/Shanghai", messages };

  it("reads keys under a namespace and says whether one exists", () => {
    const t = createClientTranslator(config, "a");
    expect(t("hello", { name: "张三" })).toBe("你好，张三");
    expect(t("count", { n: 0 })).toBe("没有");
    expect(t("count", { n: 12 })).toBe("12 项");
    expect(t.has("hello")).toBe(true);
    expect(t.has("missing")).toBe(false);
    expect(createClientTranslator(config).has("a")).toBe(false); // a namespace, not a message
  });

  it("reports a missing message and shows its key, as the server's fallback does", () => {
    const errors: TranslationError[] = [];
    const t = createClientTranslator(config, "a", (e) => errors.push(e));
    expect(t("missing")).toBe("a.missing");
    expect(errors.map((e) => e.code)).toEqual(["MISSING_MESSAGE"]);
  });

  it("formats rich text with keyed elements, and refuses it as a plain string", () => {
    const errors: TranslationError[] = [];
    const t = createClientTranslator(config, "a", (e) => errors.push(e));
    const bold = (chunks: unknown) => createElement("b", null, chunks as string);
    const rich = t.rich("rich", { name: "甲", b: bold }) as unknown[];
    expect(rich[0]).toBe("请");
    expect(isValidElement(rich[1])).toBe(true);
    expect((rich[1] as ReactElement).key).toBe("b0");
    expect(rich[2]).toBe("甲");
    expect(t.markup("rich", { name: "甲", b: (chunks: unknown) => `**${chunks}**` })).toBe("请**注意**甲");
    expect(t("rich", { name: "甲", b: bold })).toBe("a.rich");
    expect(errors.map((e) => e.code)).toEqual(["INVALID_MESSAGE"]);
    expect(() => t.raw("hello")).toThrow(/not available in client components/);
  });

  it("formats numbers and dates in the locale and the portal's time zone", () => {
    const format = createClientFormatter({ locale: "en", timeZone: "Asia/Shanghai" });
    expect(format.number(1234567)).toBe("1,234,567");
    // 16:30 UTC is half past midnight the next day in China.
    expect(format.dateTime(new Date("2026-03-01T16:30:00Z"), { dateStyle: "medium", timeStyle: "short" })).toBe("Mar 2, 2026, 12:30 AM");
  });
});
