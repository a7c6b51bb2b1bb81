import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CollectionFilePage } from "@/components/collections/collection-pages";
import { requirePermission } from "@/lib/auth/session";
import { getCollectionFile } from "@/lib/tenancy/bank-collections";
import { collectionLinesQuerySchema } from "@/lib/tenancy/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("collections");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One collection file in the officer's reach; outside it, "not found". */
export default async function CollectionFileRoute({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission("lease:manage", undefined, { returnTo: `/staff/collections/${id}` });
  const raw = await searchParams;
  const query = collectionLinesQuerySchema.parse({ status: typeof raw.status === "string" ? raw.status : undefined, page: typeof raw.page === "string" ? raw.page : undefined });
  const detail = await getCollectionFile(user, id, query);
  if (!detail) notFound();
  const notice = raw.imported === "1" ? "imported" : raw.already === "1" ? "already" : null;
  return <CollectionFilePage detail={detail} status={query.status} notice={notice} />;
}
