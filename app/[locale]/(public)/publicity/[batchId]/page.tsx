import type { Metadata } from "next";
import { PublicBatchPage, publicBatchMetadata } from "@/components/publicity/public-batch-page";

// Served from the cache per language; made again when an objection is decided or the publicity
// closes (lib/publicity/public-cache.ts) and at least every minute (periods end at midnight).
export const dynamic = "error";
export const revalidate = 60;

type Props = { params: Promise<{ locale: string; batchId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return publicBatchMetadata((await params).locale);
}

export default async function PublicBatchFirstPage({ params }: Props) {
  const { locale, batchId } = await params;
  return <PublicBatchPage locale={locale} batchId={batchId} page={1} />;
}
