import format, { type CompiledMessage, type FormatOptions } from "icu-minify/format";
import { cloneElement, isValidElement, type ReactNode } from "react";

// Translation in the browser (docs/decisions/009-client-bundles.md). The server compiles the ICU
// messages a client component needs (lib/i18n/compile-messages.ts) and this formats them with
// icu-minify's small runtime, so no ICU parser is sent to the browser. Same behaviour as
// next-intl's translator: keys under an optional namespace, a missing or broken message is
// reported and shown as "namespace.key".

/** A message tree whose leaves are compiled messages (strings or icu-minify arrays). */
export interface CompiledMessages {
  [key: string]: CompiledMessage | CompiledMessages;
}

export interface ClientIntlConfig {
  locale: string;
  timeZone: string;
  messages: CompiledMessages;
}

type Values = Record<string, unknown>;

// intl-messageformat's default named formats, which next-intl's server translator applies too.
const TIME_LONG: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "numeric", second: "numeric", timeZoneName: "short" };
const DEFAULT_FORMATS: NonNullable<FormatOptions["formats"]> = {
  date: {
    short: { month: "numeric", day: "numeric", year: "2-digit" },
    medium: { month: "short", day: "numeric", year: "numeric" },
    long: { month: "long", day: "numeric", year: "numeric" },
    full: { weekday: "long", month: "long", day: "numeric", year: "numeric" },
  },
  time: {
    short: { hour: "numeric", minute: "numeric" },
    medium: { hour: "numeric", minute: "numeric", second: "numeric" },
    long: TIME_LONG,
    full: TIME_LONG,
  },
  number: { integer: { maximumFractionDigits: 0 }, currency: { style: "currency" }, percent: { style: "percent" } },
};

function memoized<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    let value = cache.get(key);
    if (value === undefined) {
      value = make(...args);
      cache.set(key, value);
    }
    return value;
  };
}

/** Intl objects are costly to build: one per locale and options. */
const formatters: FormatOptions["formatters"] = {
  getDateTimeFormat: memoized((locale?: string | string[], options?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options)),
  getNumberFormat: memoized((locale?: string | string[], options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options)),
  getPluralRules: memoized((locale?: string | string[], options?: Intl.PluralRulesOptions) => new Intl.PluralRules(locale, options)),
};

function isLeaf(node: unknown): node is CompiledMessage {
  return typeof node === "string" || Array.isArray(node);
}

function lookup(messages: CompiledMessages, path: string): CompiledMessage | CompiledMessages | undefined {
  let node: CompiledMessage | CompiledMessages | undefined = messages;
  for (const part of path.split(".")) {
    if (node === undefined || isLeaf(node)) return undefined;
    node = node[part];
  }
  return node;
}

export type TranslationError = { code: "MISSING_MESSAGE" | "INVALID_MESSAGE" | "FORMATTING_ERROR"; key: string; message: string };

function reportToConsole(error: TranslationError): void {
  console.error(`[i18n] ${error.code}: ${error.message} (${error.key})`);
}

/** Rich-text tag functions return elements; give each a key, as next-intl does. */
function keyedTags(values: Values | undefined): Values | undefined {
  if (!values) return values;
  const out: Values = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== "function") {
      out[name] = value;
      continue;
    }
    let index = 0;
    out[name] = (chunks: ReactNode[]) => {
      const result = (value as (chunks: ReactNode[]) => ReactNode)(chunks);
      return isValidElement(result) ? cloneElement(result, { key: `${name}${index++}` }) : result;
    };
  }
  return out;
}

export interface ClientTranslator {
  (key: string, values?: Values): string;
  rich(key: string, values?: Values): ReactNode;
  markup(key: string, values?: Values): string;
  has(key: string): boolean;
  raw(key: string): never;
}

/** next-intl's translator for compiled messages, under `namespace` (dotted) when given. */
export function createClientTranslator(
  config: ClientIntlConfig,
  namespace?: string,
  onError: (error: TranslationError) => void = reportToConsole,
): ClientTranslator {
  const fullKey = (key: string) => (namespace ? `${namespace}.${key}` : key);
  const options: FormatOptions = { formats: DEFAULT_FORMATS, formatters, timeZone: config.timeZone };

  function translate(key: string, values: Values | undefined, kind: "string" | "rich"): ReactNode {
    const path = fullKey(key);
    const message = lookup(config.messages, path);
    if (!isLeaf(message)) {
      onError({ code: "MISSING_MESSAGE", key: path, message: message === undefined ? "no such message" : "a namespace, not a message" });
      return path;
    }
    try {
      const result = format<ReactNode>(message, config.locale, (kind === "rich" ? keyedTags(values) : values) as never, options);
      if (kind === "string" && typeof result !== "string") {
        onError({ code: "INVALID_MESSAGE", key: path, message: "rich text needs t.rich" });
        return path;
      }
      return result as ReactNode;
    } catch (error) {
      onError({ code: "FORMATTING_ERROR", key: path, message: error instanceof Error ? error.message : String(error) });
      return path;
    }
  }

  const t = ((key: string, values?: Values) => translate(key, values, "string") as string) as ClientTranslator;
  t.rich = (key, values) => translate(key, values, "rich");
  t.markup = (key, values) => {
    const result = translate(key, values, "rich");
    return Array.isArray(result) ? result.join("") : String(result);
  };
  t.has = (key) => isLeaf(lookup(config.messages, fullKey(key)));
  t.raw = (key) => {
    // The browser holds compiled messages only; read raw messages on the server.
    throw new Error(`t.raw("${fullKey(key)}") is not available in client components`);
  };
  return t;
}

export interface ClientFormatter {
  number(value: number | bigint, options?: Intl.NumberFormatOptions): string;
  dateTime(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
}

/** Numbers and dates in the reader's locale, dates in the portal's time zone unless told otherwise. */
export function createClientFormatter(config: Pick<ClientIntlConfig, "locale" | "timeZone">): ClientFormatter {
  return {
    number: (value, options) => formatters.getNumberFormat(config.locale, options).format(value),
    dateTime: (value, options) => formatters.getDateTimeFormat(config.locale, { timeZone: config.timeZone, ...options }).format(value),
  };
}
