import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { revalidatePath } from "next/cache";
import { locales } from "@/i18n/config";
import { prisma } from "@/lib/db/client";
import { ENTRY_PAGE_SIZE } from "./entries";

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

/**
 * The paths to invalidate for a change (revalidatePath's path and type). Next tags a cached page
 * with its own path (/zh-CN/publicity/B/p/3) and with its route's pattern and layouts
 * (/[locale]/(public)/publicity/...), never with the path's parents: a batch's pages are named one
 * by one (`pages` of them), the lists' variants by their route's pattern.
 */
export function publicityPaths(change: PublicityChange, pagesOf: (batchId: string) => number = () => 1): Array<{ path: string; type?: "layout" | "page" }> {
  const paths: Array<{ path: string; type?: "layout" | "page" }> = [];
  if (change.lists) paths.push({ path: "/[locale]/(public)/publicity/list/[district]/[page]", type: "page" });
  for (const locale of locales) {
    if (change.lists) paths.push({ path: `/${locale}/publicity` });
    for (const id of change.batchIds ?? []) {
      paths.push({ path: `/${locale}/publicity/${id}` });
      for (let page = 2; page <= pagesOf(id); page++) paths.push({ path: `/${locale}/publicity/${id}/p/${page}` });
    }
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

/** Invalidates now (throws outside a request); `pages`: how many pages each batch has. */
export function revalidatePublicity(change: PublicityChange, pages: Record<string, number> = {}): void {
  for (const { path, type } of publicityPaths(change, (id) => pages[id] ?? 1)) revalidatePath(path, type);
}

/** How many pages of ENTRY_PAGE_SIZE each batch's public list has. */
export async function pageCounts(batchIds: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const id of batchIds) counts[id] = Math.max(1, Math.ceil((await prisma.publicityEntry.count({ where: { batchId: id } })) / ENTRY_PAGE_SIZE));
  return counts;
}

/** After a committed change to what the public pages show: make those pages again on their next visit. */
export async function publicPublicityChanged(change: PublicityChange): Promise<void> {
  if (!inNextServer() || (!change.lists && !change.batchIds?.length)) return;
  const pages = await pageCounts(change.batchIds ?? []);
  try {
    revalidatePublicity(change, pages);
  } catch {
    // Outside a request (a scheduled job): ask the server itself.
    const port = process.env.PORT ?? "3000";
    await fetch(`http://127.0.0.1:${port}/api/internal/revalidate`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-anju-revalidation": revalidationToken() },
      body: JSON.stringify(change),
    }).catch((error: unknown) => {
      // The pages still expire by themselves (their `revalidate`); say so in the log.
      console.warn(`[publicity] could not revalidate the public pages: ${error instanceof Error ? error.message : "error"}`);
    });
  }
}
