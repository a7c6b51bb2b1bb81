import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffLeasesPage } from "@/components/tenancy/tenancy-pages";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { listLeases, listOffersAwaitingLease } from "@/lib/tenancy/leases";
import { leaseListQuerySchema } from "@/lib/tenancy/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tenancy.staff");
  return { title: t("list.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The leases of the officer's district (the city's for municipal officers), and the offers to draw up. */
export default async function StaffLeasesRoute({ searchParams }: Props) {
  const user = await requirePermission("lease:manage", undefined, { returnTo: "/staff/leases" });
  const raw = await searchParams;
  const query = leaseListQuerySchema.parse({ q: typeof raw.q === "string" ? raw.q : undefined, status: typeof raw.status === "string" ? raw.status : undefined, page: typeof raw.page === "string" ? raw.page : undefined });
  const [list, awaiting] = await Promise.all([listLeases(user, query), listOffersAwaitingLease(user)]);
  return <StaffLeasesPage list={list} awaiting={awaiting} query={{ q: query.q, status: query.status }} today={todayCST()} canDraft={can(user, "lease:manage")} />;
}
