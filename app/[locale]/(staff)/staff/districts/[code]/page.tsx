import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DistrictRecords } from "@/components/staff/district-records";
import { requirePermission } from "@/lib/auth/session";
import { getDistrictOverview } from "@/lib/districts/overview";

type Params = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff");
  return { title: t("myDistrictTitle") };
}

export default async function DistrictPage({ params }: Params) {
  const { code } = await params;
  if (!/^\d{6}$/.test(code)) notFound();
  // Casework: district officers only in their own district, municipal officers everywhere;
  // applicants and administrators are refused (403).
  const user = await requirePermission("application:read", { districtCode: code }, { returnTo: `/staff/districts/${code}` });
  const overview = await getDistrictOverview(user, code);
  if (!overview) notFound();
  return <DistrictRecords overview={overview} viewer={user} />;
}
