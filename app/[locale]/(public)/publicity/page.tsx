import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PublicBatchList } from "@/components/publicity/public-batch-list";
import { listDistricts } from "@/lib/auth/staff-users";
import { listPublicBatches } from "@/lib/publicity/batches";
import { batchListFilterSchema } from "@/lib/publicity/schemas";
import { parseSearchParams } from "@/lib/review/schemas";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publicity.public");
  return { title: t("title") };
}

/** Public: anyone may read the publicity lists (Art. 19). */
export default async function PublicityPage({ searchParams }: Props) {
  const filter = parseSearchParams(batchListFilterSchema, await searchParams);
  const [page, districts] = [await listPublicBatches(filter), await listDistricts()];
  return <PublicBatchList page={page} district={filter.district} districts={districts} />;
}
