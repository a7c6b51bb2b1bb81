import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffDirectedList } from "@/components/allocation/directed-pages";
import { directedEstateOptions, listDirected } from "@/lib/allocation/directed";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allocation.directed");
  return { title: t("list.title") };
}

type Props = { searchParams: Promise<{ page?: string | string[] }> };

/** The directed allocations (Art. 24) of the officer's district (the city for municipal officers). */
export default async function StaffDirectedRoute({ searchParams }: Props) {
  const user = await requirePermission("allocation:manage", undefined, { returnTo: "/staff/directed" });
  const { page } = await searchParams;
  const [data, estates] = await Promise.all([listDirected(user, typeof page === "string" ? Number.parseInt(page, 10) : 1), directedEstateOptions(user)]);
  return <StaffDirectedList data={data} canCreate={estates.length > 0} />;
}
