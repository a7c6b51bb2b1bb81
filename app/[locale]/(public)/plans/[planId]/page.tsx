import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublicPlanPage } from "@/components/allocation/public-plans";
import type { Locale } from "@/i18n/config";
import { getPublicPlan } from "@/lib/allocation/public-plans";

export const dynamic = "force-dynamic";

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
