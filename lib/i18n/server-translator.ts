import "server-only";
import { getTranslations } from "next-intl/server";
import type { MessageValues } from "@/lib/errors";

/** Translates a message key known only at run time (zod messages, AppError keys). */
export type Translate = (key: string, values?: MessageValues, fallbackKey?: string) => string;

export async function getServerTranslator(): Promise<Translate> {
  const t = await getTranslations();
  // Keys arrive as plain strings (e.g. from zod); the typed API cannot check them, `has` can.
  const loose = t as unknown as { (key: string, values?: MessageValues): string; has(key: string): boolean };
  return (key, values, fallbackKey = "errors.generic") => (loose.has(key) ? loose(key, values) : loose(fallbackKey));
}
