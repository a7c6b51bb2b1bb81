import "server-only";
import { revalidatePath } from "next/cache";

// The public allocation pages served from Next's cache (docs/decisions/013-public-pages-cache.md):
// a plan's page (its pools, draws, selection rates and which units are still available) and a
// directed allocation's notice. The actions that change them call these; changes made by the
// scheduled jobs (the selection sweep) show within the pages' minute.

/** Every public plan page, in every language (a pick changes a unit's availability). */
export function publicPlansChanged(): void {
  revalidatePath("/[locale]/(public)/plans/[planId]", "page");
  revalidatePath("/[locale]/(public)/plans", "page");
}

/** Every directed allocation's public notice. */
export function publicDirectedChanged(): void {
  revalidatePath("/[locale]/(public)/directed/[id]", "page");
}
