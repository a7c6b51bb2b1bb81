import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublicPlanPage } from "@/components/allocation/public-plans";
import type { Locale } from "@/i18n/config";
import { getPublicPlan } from "@/lib/allocation/public-plans";

// Served from the cache per language (docs/decisions/013-public-pages-cache.md); made again when the
// plan, its pools or its units' availability change (lib/allocation/public-cache.ts), and at least
// every minute (the selection sweep runs outside any request).
export const dynamic = "error";
export const revalidate = 60;

type Props = { params: Promise<{ locale: string; planId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "allocation.public" });
  return { title: t("planTitle") };
}

export default async function PublicPlanDetailPage({ params }: Props) {
  const { locale, planId } = await params;
  setRequestLocale(locale as Locale);
  const plan = await getPublicPlan(planId);
  if (!plan) notFound();
  return <PublicPlanPage plan={plan} />;
}
