import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffLeavingPanel } from "@/components/tenancy/leaving-pages";
import { StaffRenewalPanel } from "@/components/tenancy/renewal-pages";
import { StaffChangePanel } from "@/components/tenancy/change-pages";
import { StaffLeasePage } from "@/components/tenancy/tenancy-pages";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { statementOf } from "@/lib/tenancy/account";
import { getLease } from "@/lib/tenancy/leases";
import { staffLeaving } from "@/lib/tenancy/leaving";
import { leaseRenewal, reviewHousehold } from "@/lib/tenancy/renewals";
import { changeReportsOf } from "@/lib/tenancy/change-reports";

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
  const renewal = lease.countersignedAt ? await leaseRenewal(lease) : null;
  const submitted = renewal?.requests.find((r) => r.status === "SUBMITTED" || r.status === "UNDER_REVIEW") ?? null;
  const pending = submitted ? { id: submitted.id, findings: await reviewHousehold(lease.applicationId, today).catch(() => null) } : null;
  return (
    <StaffLeasePage
      lease={lease}
      statement={statement}
      today={today}
      canManage={canManage}
      panels={
        <>
          {renewal && (lease.status === "ACTIVE" || renewal.requests.length > 0) ? <StaffRenewalPanel renewal={renewal} pending={pending} canManage={canManage} /> : null}
          {lease.countersignedAt ? <StaffChangePanel reports={await changeReportsOf(lease.id)} canManage={canManage} /> : null}
          {leaving ? <StaffLeavingPanel lease={lease} view={leaving} today={today} canManage={canManage} /> : null}
        </>
      }
    />
  );
}
