"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { LOCALE_COOKIE, isLocale } from "@/i18n/config";
import { actionInput } from "@/lib/actions/action-result";
import { VISIBLE_PATH_HEADER } from "@/lib/http/public-routes";

/**
 * Remembers the visitor's language for a year, then sends them back to the address they were on:
 * the proxy chooses the language's pages by the cookie on the next request (the page the action
 * was posted to was the old language's).
 */
export async function setLocaleAction(...args: unknown[]): Promise<void> {
  const input = actionInput(args);
  const locale = input && typeof input === "object" ? (input as { locale?: unknown }).locale : undefined;
  if (!isLocale(locale)) return;
  const store = await cookies();
  store.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  const back = (await headers()).get(VISIBLE_PATH_HEADER) ?? "/";
  redirect(back.startsWith("/") && !back.startsWith("//") && !back.includes("\\") ? back : "/");
}
