import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PublicBatch } from "@/components/publicity/public-batch";
import { todayCST } from "@/lib/clock";
import { getPublicBatch } from "@/lib/publicity/batches";

type Props = { params: Promise<{ batchId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publicity.public");
  return { title: t("title") };
}

export default async function PublicBatchPage({ params }: Props) {
  const { batchId } = await params;
  if (batchId.length > 64) notFound();
  const batch = await getPublicBatch(batchId);
  if (!batch) notFound();
  return <PublicBatch batch={batch} today={todayCST()} />;
}
