import { createTranslator } from "use-intl/core";
import en from "@/messages/en";
import zh from "@/messages/zh-CN";

// Every message of the portal, per locale: messages/<locale>/<namespace>.json, one file per feature
// namespace, gathered by messages/<locale>/index.ts. For the server: request config, notices,
// the intake API and jobs. Client components receive only the namespaces they use (ClientMessages).

export type Messages = typeof zh;
export type Namespace = keyof Messages;
export type CatalogLocale = "zh-CN" | "en";

const catalogs: Record<CatalogLocale, Messages> = { "zh-CN": zh, en: en as Messages };

export function messagesFor(locale: CatalogLocale): Messages {
  return catalogs[locale];
}

type Tree = { [key: string]: unknown };

/**
 * Only the given parts of a message tree: top-level namespaces ("common") or dotted sub-trees
 * ("review.forms"), merged into one tree of the same shape. Unknown paths are left out.
 */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let source: unknown = messages;
    for (const key of keys) source = source && typeof source === "object" ? (source as Tree)[key] : undefined;
    if (source === undefined) continue;
    let target = out;
    keys.slice(0, -1).forEach((key) => {
      const next = target[key];
      target = (target[key] = next && typeof next === "object" ? next : {}) as Tree;
    });
    target[keys[keys.length - 1]!] = source;
  }
  return out;
}

/** A run-time key and its values: what services and jobs translate outside React. */
export type CatalogTranslate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A translator over the catalogue for code outside React (notices, the intake API, jobs, records
 * kept in Chinese): from "use-intl/core", which loads no React, so it works in the start script,
 * jobs and tests as well as in the server. `t.has(key)` says whether a key exists.
 */
export function catalogTranslator(locale: CatalogLocale, namespace?: string): CatalogTranslate & { has(key: string): boolean } {
  return createTranslator({ locale, messages: messagesFor(locale), ...(namespace ? { namespace } : {}) } as never) as unknown as CatalogTranslate & { has(key: string): boolean };
}
