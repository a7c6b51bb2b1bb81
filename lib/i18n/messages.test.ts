import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import zh from "@/messages/zh-CN";
import { pickMessages } from "./catalog";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Top-level ICU argument names in a message, e.g. "{count, plural, ...}" and "{name}". */
function argumentNames(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const ch = message[i];
    if (ch === "{") {
      if (depth === 0) {
        const match = /^\{\s*([A-Za-z_][\w]*)/.exec(message.slice(i));
        if (match?.[1]) names.add(match[1]);
      }
      depth++;
    } else if (ch === "}") depth--;
  }
  return [...names].sort();
}

const zhMessages = flatten(zh as Tree);
const enMessages = flatten(en as Tree);

describe("message files", () => {
  it("zh-CN and en have the same keys", () => {
    const zhKeys = [...zhMessages.keys()].sort();
    const enKeys = [...enMessages.keys()].sort();
    expect(enKeys.filter((k) => !zhMessages.has(k))).toEqual([]);
    expect(zhKeys.filter((k) => !enMessages.has(k))).toEqual([]);
  });

  it("no message is empty", () => {
    for (const [name, messages] of [["zh-CN", zhMessages], ["en", enMessages]] as const) {
      const empty = [...messages].filter(([, v]) => v.trim() === "").map(([k]) => `${name}:${k}`);
      expect(empty).toEqual([]);
    }
  });

  it("cites articles only as the Measures write them (第十三条第四项, Art. 13.4), never as raw numbers", () => {
    const wrong = [...zhMessages].filter(([, v]) => /第\s*\d+(\.\d+)?\s*[条项]|\d+\.\d+\s*条|条款[：:]\s*\d/.test(v)).map(([k]) => k);
    const wrongEn = [...enMessages].filter(([, v]) => /\bArticle\s+\d|\bArt\.\s*第|第/.test(v)).map(([k]) => k);
    expect([...wrong, ...wrongEn]).toEqual([]);
  });

  it("no key contains a dot or is empty", () => {
    for (const key of zhMessages.keys()) {
      for (const part of key.split(".")) expect(part.length).toBeGreaterThan(0);
    }
  });

  it("both languages use the same placeholders", () => {
    const mismatched = [...zhMessages.keys()].filter(
      (k) => JSON.stringify(argumentNames(zhMessages.get(k)!)) !== JSON.stringify(argumentNames(enMessages.get(k) ?? "")),
    );
    expect(mismatched).toEqual([]);
  });

  it("every message key named in a string literal under lib/ exists", () => {
    // Error and validation keys travel as strings (zod messages, AppError.messageKey), out of
    // reach of the type checker; this catches a typo before a user sees a raw key.
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name === "generated" || name === "node_modules") continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.endsWith(".test.ts")) files.push(path);
      }
    };
    walk(join(process.cwd(), "lib"));
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/["'`]((?:validation|errors|auth\.(?:login|register)|admin\.users)\.[A-Za-z]+)["'`]/g)) {
        if (!zhMessages.has(match[1]!)) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("message files per namespace", () => {
  const dir = (locale: string) => join(process.cwd(), "messages", locale);
  const jsonFiles = (locale: string) => readdirSync(dir(locale)).filter((n) => n.endsWith(".json")).sort();

  it("each namespace has one file in each language, and the index gathers every file", () => {
    expect(jsonFiles("en")).toEqual(jsonFiles("zh-CN"));
    expect(jsonFiles("zh-CN").map((n) => n.replace(/\.json$/, ""))).toEqual(Object.keys(zh).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
});

describe("pickMessages", () => {
  it("keeps only the named namespaces and dotted sub-trees, in the same shape", () => {
    const picked = pickMessages(zh as Tree, ["common", "review.forms", "applications.apply.household", "nothing.here"]);
    expect(Object.keys(picked).sort()).toEqual(["applications", "common", "review"]);
    expect(picked.common).toEqual(zh.common);
    expect(Object.keys(picked.review as Tree)).toEqual(["forms"]);
    expect((picked.review as Tree).forms).toEqual(zh.review.forms);
    expect(Object.keys(picked.applications as Tree)).toEqual(["apply"]);
    expect(Object.keys((picked.applications as Tree).apply as Tree)).toEqual(["household"]);
  });

  it("merges sibling sub-trees of one namespace", () => {
    const picked = pickMessages(zh as Tree, ["audits.report", "audits.close"]);
    expect(Object.keys(picked.audits as Tree).sort()).toEqual(["close", "report"]);
  });
});
