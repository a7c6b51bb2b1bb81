import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { UnitPage } from "@/components/stock/unit-page";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getUnit } from "@/lib/stock/stock-service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stock");
  return { title: t("unit.facts") };
}

type Props = { params: Promise<{ id: string }> };

export default async function UnitDetailPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission("estate:read", undefined, { returnTo: `/staff/units/${id}` });
  const unit = await getUnit(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <UnitPage unit={unit} />;
}
