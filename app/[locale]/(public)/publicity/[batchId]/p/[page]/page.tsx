import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicBatchPage, publicBatchMetadata } from "@/components/publicity/public-batch-page";
import { pageParam } from "@/lib/http/public-routes";

// /publicity/B?page=N (N ≥ 2) as the proxy rewrites it; cached like page 1.
export const dynamic = "error";
export const revalidate = 60;

type Props = { params: Promise<{ locale: string; batchId: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return publicBatchMetadata((await params).locale);
}

export default async function PublicBatchNthPage({ params }: Props) {
  const { locale, batchId, page } = await params;
  const n = pageParam(page);
  if (String(n) !== page || n < 2) notFound();
  return <PublicBatchPage locale={locale} batchId={batchId} page={n} />;
}
