import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublicDirectedPage } from "@/components/allocation/directed-pages";
import type { Locale } from "@/i18n/config";
import { getPublicDirected } from "@/lib/allocation/directed";

// One directed allocation's public notice (Art. 24): masked names and numbers only. Served from
// the cache per language; made again by each step of the allocation and at least every minute.
export const dynamic = "error";
export const revalidate = 60;

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "allocation.directed" });
  return { title: t("public.title") };
}

export default async function PublicDirectedDetailRoute({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale as Locale);
  const data = await getPublicDirected(id);
  if (!data) notFound();
  return <PublicDirectedPage data={data} />;
}
