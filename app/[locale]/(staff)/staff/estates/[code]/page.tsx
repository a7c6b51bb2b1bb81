import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EstatePage } from "@/components/stock/estate-page";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getEstate } from "@/lib/stock/stock-service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stock");
  return { title: t("estate.facts") };
}

type Props = { params: Promise<{ code: string }> };

export default async function EstateDetailPage({ params }: Props) {
  const { code } = await params;
  const decoded = decodeURIComponent(code);
  const user = await requirePermission("estate:read", undefined, { returnTo: `/staff/estates/${code}` });
  const estate = await getEstate(user, decoded).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <EstatePage estate={estate} />;
}
