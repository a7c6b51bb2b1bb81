import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublicBatch } from "@/components/publicity/public-batch";
import type { Locale } from "@/i18n/config";
import { todayCST } from "@/lib/clock";
import { getPublicBatch } from "@/lib/publicity/batches";
import { listPublicBatchEntries } from "@/lib/publicity/entries";

// A public batch, for its three routes: page 1 and page N (cached), a search (per request).

export async function publicBatchMetadata(locale: string): Promise<Metadata> {
  const t = await getTranslations({ locale: locale as Locale, namespace: "publicity.public" });
  return { title: t("title") };
}

/** One page of a published batch, or 404 (unknown batch, a page past the last). */
export async function PublicBatchPage({ locale, batchId, page, q }: { locale: string; batchId: string; page: number; q?: string }) {
  setRequestLocale(locale as Locale);
  if (batchId.length > 64) notFound();
  const batch = await getPublicBatch(batchId);
  if (!batch) notFound();
  const entries = await listPublicBatchEntries(batchId, { page, q });
  if (!entries || (entries.isPastEnd && !q)) notFound();
  return <PublicBatch batch={batch} entries={entries} today={todayCST()} />;
}
