import { setRequestLocale } from "next-intl/server";
import { HomePage } from "@/components/home/home-page";
import type { Locale } from "@/i18n/config";

// Served from the cache, per language (docs/decisions/013-public-pages-cache.md): the text is the
// message catalogue's, the buttons for a signed-in user come in the browser.
export const dynamic = "error";

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale as Locale);
  return <HomePage />;
}
