import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublicPlanList } from "@/components/allocation/public-plans";
import type { Locale } from "@/i18n/config";
import { listPublicPlans } from "@/lib/allocation/public-plans";
import { pageParam } from "@/lib/http/public-routes";

// The published allocation plans (Art. 23), newest first. Read per request for now (the list
// changes when a plan is published or withdrawn).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "allocation.public" });
  return { title: t("title") };
}

export default async function PublicPlansPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const { page } = await searchParams;
  return <PublicPlanList data={await listPublicPlans(pageParam(typeof page === "string" ? page : null))} />;
}
