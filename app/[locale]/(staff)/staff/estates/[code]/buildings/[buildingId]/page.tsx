import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BuildingView } from "@/components/stock/building-view";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getBuilding } from "@/lib/stock/stock-service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stock");
  return { title: t("estate.buildings") };
}

type Props = { params: Promise<{ code: string; buildingId: string }> };

export default async function BuildingPage({ params }: Props) {
  const { code, buildingId } = await params;
  const user = await requirePermission("estate:read", undefined, { returnTo: `/staff/estates/${code}/buildings/${buildingId}` });
  const data = await getBuilding(user, buildingId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // The building of another estate under this estate's address is not this page.
  if (data.estate.code !== decodeURIComponent(code)) notFound();
  return <BuildingView data={data} />;
}
