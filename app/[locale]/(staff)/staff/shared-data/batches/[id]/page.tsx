import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BatchDetail } from "@/components/shared-data/batch-detail";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getBatch } from "@/lib/shared-data/import-service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sharedData");
  return { title: t("batch.metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string | string[] }> };

export default async function BatchPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission("sharedData:import", undefined, { returnTo: `/staff/shared-data/batches/${id}` });
  const { page } = await searchParams;
  const detail = await getBatch(user, id, Number(typeof page === "string" ? page : 1)).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <BatchDetail detail={detail} />;
}
