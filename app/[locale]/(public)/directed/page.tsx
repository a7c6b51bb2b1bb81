import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublicDirectedList } from "@/components/allocation/directed-pages";
import type { Locale } from "@/i18n/config";
import { listDirected } from "@/lib/allocation/directed";
import { pageParam } from "@/lib/http/public-routes";

// The public notices of directed allocation (Art. 24), newest first. Read per request.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "allocation.directed" });
  return { title: t("public.title") };
}

export default async function PublicDirectedRoute({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const { page } = await searchParams;
  return <PublicDirectedList data={await listDirected(null, pageParam(typeof page === "string" ? page : null))} />;
}
