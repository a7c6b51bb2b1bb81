import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CollectionsPage } from "@/components/collections/collection-pages";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { listCollectionFiles } from "@/lib/tenancy/bank-collections";
import { collectionListQuerySchema } from "@/lib/tenancy/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("collections");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Bank collection files of the officer's district (the city's for municipal officers), and the upload. */
export default async function CollectionsRoute({ searchParams }: Props) {
  const user = await requirePermission("lease:manage", undefined, { returnTo: "/staff/collections" });
  const raw = await searchParams;
  const query = collectionListQuerySchema.parse({ q: typeof raw.q === "string" ? raw.q : undefined, page: typeof raw.page === "string" ? raw.page : undefined });
  const list = await listCollectionFiles(user, query);
  return <CollectionsPage list={list} query={{ q: query.q }} today={todayCST()} />;
}
