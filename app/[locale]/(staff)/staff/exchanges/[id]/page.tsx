import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffExchangePage } from "@/components/tenancy/exchange-pages";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { districtEstates, getExchange } from "@/lib/tenancy/exchanges";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exchanges.staff");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }> };

/** One exchange request in the officer's reach; outside it, "not found". */
export default async function StaffExchangeRoute({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission("lease:manage", undefined, { returnTo: `/staff/exchanges/${id}` });
  const request = await getExchange(user, id);
  if (!request) notFound();
  const canManage = can(user, "lease:manage", { districtCode: request.districtCode });
  return <StaffExchangePage request={request} canManage={canManage} estates={canManage ? await districtEstates(request.districtCode) : []} />;
}
