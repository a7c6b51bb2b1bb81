import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffInspectionPage } from "@/components/repairs/inspection-pages";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { getInspection } from "@/lib/repairs/inspections";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inspections.list");
  return { title: t("title") };
}

type Props = { params: Promise<{ inspectionId: string }> };

/** One inspection in the officer's reach; outside it, "not found". */
export default async function StaffInspectionRoute({ params }: Props) {
  const { inspectionId } = await params;
  const user = await requirePermission("inspection:manage", undefined, { returnTo: `/staff/inspections/${inspectionId}` });
  const inspection = await getInspection(user, inspectionId);
  if (!inspection) notFound();
  return <StaffInspectionPage inspection={inspection} today={todayCST()} canManage={can(user, "inspection:manage", { districtCode: inspection.districtCode })} hasHome={inspection.hasHome} />;
}
