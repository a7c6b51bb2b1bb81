import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublicWaitingLists } from "@/components/allocation/public-waiting-lists";
import type { Locale } from "@/i18n/config";
import { listWaitingLists } from "@/lib/allocation/waiting-list";

// Every estate's ordered waiting list (轮候, Art. 23) with households in it. Served from the cache
// per language and made again at least every minute (lists change as the jobs enrol and house).
export const dynamic = "error";
export const revalidate = 60;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "allocation.waitingList.public" });
  return { title: t("title") };
}

export default async function PublicWaitingListsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  return <PublicWaitingLists lists={await listWaitingLists()} />;
}
