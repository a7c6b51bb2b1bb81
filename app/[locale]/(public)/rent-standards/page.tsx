import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PublicRentStandards } from "@/components/rent-standards/public-rent-standards";
import type { Locale } from "@/i18n/config";
import { listPublicRentStandards } from "@/lib/tenancy/rent-standards";

// The rent standards in force and announced (Art. 27: "并向社会公布"). Served from the cache per
// language (docs/decisions/013), made again when a standard is approved and at least every minute
// (a standard announced to come takes effect at midnight, with no event).
export const dynamic = "error";
export const revalidate = 60;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "rentStandards.public" });
  return { title: t("title") };
}

export default async function PublicRentStandardsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  return <PublicRentStandards standards={await listPublicRentStandards()} />;
}
