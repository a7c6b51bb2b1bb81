import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicListPage, publicListMetadata } from "@/components/publicity/public-list-page";
import { pageParam } from "@/lib/http/public-routes";

// /publicity?district=D&page=N as the proxy rewrites it; cached like /publicity.
export const dynamic = "error";
export const revalidate = 60;

type Props = { params: Promise<{ locale: string; district: string; page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return publicListMetadata((await params).locale);
}

export default async function FilteredPublicityPage({ params }: Props) {
  const { locale, district, page } = await params;
  if ((district !== "all" && !/^\d{6}$/.test(district)) || String(pageParam(page)) !== page) notFound();
  return <PublicListPage locale={locale} district={district === "all" ? undefined : district} page={Number(page)} />;
}
