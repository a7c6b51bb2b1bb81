import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DistrictRecords } from "@/components/staff/district-records";
import { requirePermission } from "@/lib/auth/session";
import { findDistrictWithOfficerCount } from "@/lib/auth/districts";

type Params = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff");
  return { title: t("myDistrictTitle") };
}

export default async function DistrictPage({ params }: Params) {
  const { code } = await params;
  if (!/^\d{6}$/.test(code)) notFound();
  // Officers only in their own district; municipal officers and administrators everywhere.
  const user = await requirePermission("district:read", { districtCode: code }, { returnTo: `/staff/districts/${code}` });
  const district = await findDistrictWithOfficerCount(user, code);
  if (!district) notFound();
  return <DistrictRecords district={district} />;
}
