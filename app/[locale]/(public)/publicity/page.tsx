import type { Metadata } from "next";
import { PublicListPage, publicListMetadata } from "@/components/publicity/public-list-page";

// Served from the cache per language; made again when a batch is published or closed
// (lib/publicity/public-cache.ts) and at least every minute (periods end at midnight).
export const dynamic = "error";
export const revalidate = 60;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return publicListMetadata((await params).locale);
}

export default async function PublicityPage({ params }: Props) {
  return <PublicListPage locale={(await params).locale} page={1} />;
}
