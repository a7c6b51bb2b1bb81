import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RentStandardPage } from "@/components/rent-standards/rent-standard-page";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getRentStandard } from "@/lib/tenancy/rent-standards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rentStandards");
  return { title: t("facts") };
}

type Props = { params: Promise<{ id: string }> };

export default async function RentStandardDetailPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission("rentStandard:read", undefined, { returnTo: `/staff/rent-standards/${id}` });
  const standard = await getRentStandard(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <RentStandardPage standard={standard} />;
}
