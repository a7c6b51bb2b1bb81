import "server-only";
import { revalidatePath } from "next/cache";

// The public rent standards page is served from Next's cache (docs/decisions/013): an approval
// changes it at once; a standard coming into force on its date shows within the page's minute.

/** The public page of rent standards, in every language. */
export function publicRentStandardsChanged(): void {
  revalidatePath("/[locale]/(public)/rent-standards", "page");
}
