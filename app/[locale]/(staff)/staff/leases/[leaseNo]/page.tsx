import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffLeavingPanel } from "@/components/tenancy/leaving-pages";
import { StaffLeasePage } from "@/components/tenancy/tenancy-pages";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { statementOf } from "@/lib/tenancy/account";
import { getLease } from "@/lib/tenancy/leases";
import { staffLeaving } from "@/lib/tenancy/leaving";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tenancy.staff");
  return { title: t("list.title") };
}

type Props = { params: Promise<{ leaseNo: string }> };

/** One lease in the officer's reach; outside it, "not found". */
export default async function StaffLeaseRoute({ params }: Props) {
  const { leaseNo } = await params;
  const user = await requirePermission("lease:manage", undefined, { returnTo: `/staff/leases/${leaseNo}` });
  const lease = await getLease(user, leaseNo);
  if (!lease) notFound();
  const statement = (await statementOf(user, leaseNo))!;
  const canManage = can(user, "lease:manage", { districtCode: lease.unit.districtCode });
  const today = todayCST();
  const leaving = lease.countersignedAt ? await staffLeaving(lease) : null;
  return (
    <StaffLeasePage
      lease={lease}
      statement={statement}
      today={today}
      canManage={canManage}
      leaving={leaving ? <StaffLeavingPanel lease={lease} view={leaving} today={today} canManage={canManage} /> : null}
    />
  );
}
