import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TenantLeavingNotice } from "@/components/tenancy/leaving-pages";
import { TenantRenewalCard } from "@/components/tenancy/renewal-pages";
import { TenantChangeCard } from "@/components/tenancy/change-pages";
import { TenantExchangeCard } from "@/components/tenancy/exchange-pages";
import { TenantLeasePage } from "@/components/tenancy/tenancy-pages";
import { requirePermission } from "@/lib/auth/session";
import { statementOf } from "@/lib/tenancy/account";
import { getLease } from "@/lib/tenancy/leases";
import { tenantLeaving } from "@/lib/tenancy/leaving";
import { leaseRenewal } from "@/lib/tenancy/renewals";
import { changeReportsOf } from "@/lib/tenancy/change-reports";
import { leaseExchanges } from "@/lib/tenancy/exchanges";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tenancy.lease");
  return { title: t("title") };
}

type Props = { params: Promise<{ leaseNo: string }>; searchParams: Promise<{ paid?: string | string[] }> };

/** The tenant's own lease and account; anyone else's is "not found". */
export default async function MyLeaseRoute({ params, searchParams }: Props) {
  const { leaseNo } = await params;
  const user = await requirePermission("applicantArea:enter", undefined, { returnTo: `/me/lease/${leaseNo}` });
  const lease = await getLease(user, leaseNo);
  if (!lease) notFound();
  const statement = lease.status === "PENDING_SIGNATURE" || lease.status === "AWAITING_COUNTERSIGNATURE" ? null : await statementOf(user, leaseNo);
  const { paid } = await searchParams;
  const leaving = lease.countersignedAt ? await tenantLeaving(lease.id) : null;
  const renewal = lease.status === "ACTIVE" ? await leaseRenewal(lease) : null;
  // Exchanges (Art. 33): on a lease in force, or one with requests to follow.
  const exchanges = lease.countersignedAt ? await leaseExchanges(lease.id) : null;
  return (
    <TenantLeasePage
      lease={lease}
      statement={statement}
      paid={paid === "1"}
      panels={
        <>
          {leaving ? <TenantLeavingNotice view={leaving} /> : null}
          {renewal ? <TenantRenewalCard lease={lease} renewal={renewal} /> : null}
          {exchanges && (exchanges.canRequest || exchanges.requests.length > 0) ? <TenantExchangeCard leaseId={lease.id} exchanges={exchanges} /> : null}
          {lease.status === "ACTIVE" || lease.status === "HOLDING_OVER" ? <TenantChangeCard leaseId={lease.id} reports={await changeReportsOf(lease.id)} /> : null}
        </>
      }
    />
  );
}
