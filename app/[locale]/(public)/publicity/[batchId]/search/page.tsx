import type { Metadata } from "next";
import { PublicBatchPage, publicBatchMetadata } from "@/components/publicity/public-batch-page";
import { pageParam } from "@/lib/http/public-routes";
import { firstParam } from "@/lib/review/schemas";

// /publicity/B?q=… as the proxy rewrites it: a search is answered per request (any text can be
// asked), from the (batchId, applicationNo) index.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; batchId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return publicBatchMetadata((await params).locale);
}

export default async function PublicBatchSearchPage({ params, searchParams }: Props) {
  const { locale, batchId } = await params;
  const query = await searchParams;
  return <PublicBatchPage locale={locale} batchId={batchId} page={pageParam(firstParam(query.page) ?? null)} q={firstParam(query.q) ?? ""} />;
}
