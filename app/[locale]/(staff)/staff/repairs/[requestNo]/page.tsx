import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffRepairPage } from "@/components/repairs/repair-pages";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getRepairForStaff } from "@/lib/repairs/repairs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("repairs.staff");
  return { title: t("title") };
}

type Props = { params: Promise<{ requestNo: string }> };

/** One request in the officer's reach; outside it, "not found". */
export default async function StaffRepairRoute({ params }: Props) {
  const { requestNo } = await params;
  const user = await requirePermission("repair:manage", undefined, { returnTo: `/staff/repairs/${requestNo}` });
  const repair = await getRepairForStaff(user, requestNo);
  if (!repair) notFound();
  return <StaffRepairPage repair={repair} canManage={can(user, "repair:manage", { districtCode: repair.districtCode })} />;
}
