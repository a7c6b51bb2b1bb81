import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { revalidatePath } from "next/cache";
import { locales } from "@/i18n/config";

// The public publicity pages are served from Next's cache (docs/decisions/013-public-pages-cache.md)
// and made again when what they show changes: a batch published (the lists), an objection decided
// or a publicity closed (that batch's pages and the lists). Their routes are app/[locale]/...,
// which proxy.ts rewrites to, so the paths invalidated are those, in every language.
//
// Next invalidates its cache only inside a request (an action, a route). A change made by the
// minute-by-minute jobs, which run in the server process outside any request, is handed to the
// server's own /api/internal/revalidate with a secret that only this process knows. Outside the
// Next server (tests, benchmarks, the demo seed) there is no cache and nothing is done.

export interface PublicityChange {
  /** The lists of batches (/publicity and its district and page variants). */
  lists?: boolean;
  /** Batches whose pages change (each page, each language). */
  batchIds?: readonly string[];
}

/** The route paths (under app/[locale]) to invalidate for a change, with revalidatePath's type. */
export function publicityPaths(change: PublicityChange): Array<{ path: string; type?: "layout" | "page" }> {
  const paths: Array<{ path: string; type?: "layout" | "page" }> = [];
  for (const locale of locales) {
    if (change.lists) paths.push({ path: `/${locale}/publicity` }, { path: `/${locale}/publicity/list`, type: "layout" });
    for (const id of change.batchIds ?? []) paths.push({ path: `/${locale}/publicity/${id}`, type: "layout" });
  }
  return paths;
}

function inNextServer(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs";
}

const TOKEN_KEY = Symbol.for("anju.publicity.revalidationToken");

/** The secret of this server process for its own revalidation requests. */
export function revalidationToken(): string {
  const g = globalThis as unknown as Record<symbol, string | undefined>;
  g[TOKEN_KEY] ??= randomBytes(32).toString("hex");
  return g[TOKEN_KEY]!;
}

export function isRevalidationToken(value: string | null): boolean {
  const expected = Buffer.from(revalidationToken());
  const given = Buffer.from(value ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Invalidates now; throws outside a request. */
export function revalidatePublicity(change: PublicityChange): void {
  for (const { path, type } of publicityPaths(change)) revalidatePath(path, type);
}

/** After a committed change to what the public pages show: make those pages again on their next visit. */
export function publicPublicityChanged(change: PublicityChange): void {
  if (!inNextServer() || (!change.lists && !change.batchIds?.length)) return;
  try {
    revalidatePublicity(change);
  } catch {
    // Outside a request (a scheduled job): ask the server itself.
    const port = process.env.PORT ?? "3000";
    void fetch(`http://127.0.0.1:${port}/api/internal/revalidate`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-anju-revalidation": revalidationToken() },
      body: JSON.stringify(change),
    }).catch((error: unknown) => {
      // The pages still expire by themselves (their `revalidate`); say so once in the log.
      console.warn(`[publicity] could not revalidate the public pages: ${error instanceof Error ? error.message : "error"}`);
    });
  }
}
