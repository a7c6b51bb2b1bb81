import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffArrearsPage } from "@/components/tenancy/arrears-page";
import { homeDistrictOf } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listDistricts } from "@/lib/auth/staff-users";
import { listArrears } from "@/lib/tenancy/arrears";
import { arrearsQueryFrom } from "@/lib/tenancy/arrears-query";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("arrears");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Arrears by age (Art. 29, 39) in the officer's district (the city's for municipal officers, by district if chosen). */
export default async function StaffArrearsRoute({ searchParams }: Props) {
  const user = await requirePermission("lease:manage", undefined, { returnTo: "/staff/arrears" });
  const query = arrearsQueryFrom(await searchParams);
  const cityWide = homeDistrictOf(user) === null;
  const [list, districts] = await Promise.all([listArrears(user, query), cityWide ? listDistricts() : Promise.resolve(null)]);
  return <StaffArrearsPage list={list} query={query} districts={districts} />;
}
