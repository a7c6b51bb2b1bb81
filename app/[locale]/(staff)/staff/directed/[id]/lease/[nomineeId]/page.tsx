import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffDirectedLeasePage } from "@/components/allocation/directed-pages";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { nomineeForLease } from "@/lib/tenancy/directed-leases";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allocation.directed.lease");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string; nomineeId: string }> };

/** Drawing up the lease of an assigned nominee (Art. 24-25); once drawn up, the lease itself. */
export default async function DirectedLeaseRoute({ params }: Props) {
  const { id, nomineeId } = await params;
  const user = await requirePermission("lease:manage", undefined, { returnTo: `/staff/directed/${id}/lease/${nomineeId}` });
  const nominee = await nomineeForLease(user, id, nomineeId);
  if (!nominee) notFound();
  if (nominee.leaseNo) redirect(`/staff/leases/${nominee.leaseNo}`);
  return <StaffDirectedLeasePage nominee={nominee} today={todayCST()} />;
}
