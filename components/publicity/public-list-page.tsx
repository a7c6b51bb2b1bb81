import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublicBatchList } from "@/components/publicity/public-batch-list";
import type { Locale } from "@/i18n/config";
import { listDistricts } from "@/lib/auth/staff-users";
import { listPublicBatches } from "@/lib/publicity/batches";

// The public list of batches, for its two routes: /publicity and /publicity?district=&page=
// (rewritten by the proxy to /publicity/list/{district|all}/{page}).

export async function publicListMetadata(locale: string): Promise<Metadata> {
  const t = await getTranslations({ locale: locale as Locale, namespace: "publicity.public" });
  return { title: t("title") };
}

/** Anyone may read the publicity lists (Art. 19). An unknown district or a page past the last is 404. */
export async function PublicListPage({ locale, district, page }: { locale: string; district?: string; page: number }) {
  setRequestLocale(locale as Locale);
  const districts = await listDistricts();
  if (district && !districts.some((d) => d.code === district)) notFound();
  const batches = await listPublicBatches({ district, page });
  if (page > batches.pageCount) notFound();
  return <PublicBatchList page={batches} district={district} districts={districts} />;
}
