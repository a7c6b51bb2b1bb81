"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE, isLocale } from "@/i18n/config";
import { actionInput } from "@/lib/actions/action-result";

/** Remembers the visitor's language for a year. The page re-renders in it after the action. */
export async function setLocaleAction(...args: unknown[]): Promise<void> {
  const input = actionInput(args);
  const locale = input && typeof input === "object" ? (input as { locale?: unknown }).locale : undefined;
  if (!isLocale(locale)) return;
  const store = await cookies();
  store.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
}
