import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffLeavingPanel } from "@/components/tenancy/leaving-pages";
import { StaffRenewalPanel } from "@/components/tenancy/renewal-pages";
import { StaffChangePanel } from "@/components/tenancy/change-pages";
import { ExchangeCountersignCard, StaffExchangePanel } from "@/components/tenancy/exchange-pages";
import { StaffLeasePage } from "@/components/tenancy/tenancy-pages";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { statementOf } from "@/lib/tenancy/account";
import { getLease } from "@/lib/tenancy/leases";
import { staffLeaving } from "@/lib/tenancy/leaving";
import { leaseRenewal, reviewHousehold } from "@/lib/tenancy/renewals";
import { changeReportsOf } from "@/lib/tenancy/change-reports";
import { exchangeReplaced, mandatoryExchangeOpenable, staffLeaseExchanges } from "@/lib/tenancy/exchanges";

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
  // An exchange lease (Art. 33) is countersigned with the old unit's move-out check.
  const replaced = lease.status === "AWAITING_COUNTERSIGNATURE" ? await exchangeReplaced(lease.id) : null;
  const exchanges = lease.countersignedAt ? await staffLeaseExchanges(lease.id) : [];
  const mandatoryDue = canManage && lease.countersignedAt ? await mandatoryExchangeOpenable(lease.id) : false;
  const pending = submitted ? { id: submitted.id, findings: await reviewHousehold(lease.applicationId, today).catch(() => null) } : null;
  return (
    <StaffLeasePage
      lease={lease}
      statement={statement}
      today={today}
      canManage={canManage}
      countersign={replaced ? (canManage ? <ExchangeCountersignCard leaseId={lease.id} leaseNo={lease.leaseNo} replaced={replaced} today={today} /> : <></>) : undefined}
      panels={
        <>
          {renewal && (lease.status === "ACTIVE" || renewal.requests.length > 0) ? <StaffRenewalPanel renewal={renewal} pending={pending} canManage={canManage} /> : null}
          {lease.countersignedAt && (exchanges.length > 0 || mandatoryDue) ? <StaffExchangePanel leaseId={lease.id} requests={exchanges} canManage={canManage} mandatoryDue={mandatoryDue} /> : null}
          {lease.countersignedAt ? <StaffChangePanel reports={await changeReportsOf(lease.id)} canManage={canManage} /> : null}
          {leaving ? <StaffLeavingPanel lease={lease} view={leaving} today={today} canManage={canManage} /> : null}
        </>
      }
    />
  );
}
