import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublicRankingPage } from "@/components/allocation/public-waiting-lists";
import type { Locale } from "@/i18n/config";
import { getPublicRanking } from "@/lib/allocation/waiting-list";

// One waiting list's current order, as ranking.txt has it, 50 a page or searched by number.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; listId: string }>; searchParams: Promise<{ page?: string | string[]; q?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "allocation.waitingList.public" });
  return { title: t("rankingTitle") };
}

export default async function PublicRankingRoute({ params, searchParams }: Props) {
  const { locale, listId: raw } = await params;
  setRequestLocale(locale as Locale);
  let listId: string;
  try {
    listId = decodeURIComponent(raw);
  } catch {
    notFound();
  }
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const ranking = await getPublicRanking(listId, { page: Number.parseInt(one(query.page) ?? "1", 10), q: one(query.q) });
  if (!ranking) notFound();
  return <PublicRankingPage ranking={ranking} />;
}
