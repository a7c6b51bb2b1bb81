import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffTenancyDashboard } from "@/components/tenancy/dashboard-page";
import { homeDistrictOf } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listDistricts } from "@/lib/auth/staff-users";
import { tenancyDashboard } from "@/lib/tenancy/dashboard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tenancyDashboard");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The tenancy dashboard of the officer's district (the city's for municipal officers, by district if chosen). */
export default async function StaffTenancyRoute({ searchParams }: Props) {
  const user = await requirePermission("lease:manage", undefined, { returnTo: "/staff/tenancy" });
  const cityWide = homeDistrictOf(user) === null;
  const raw = (await searchParams).district;
  const district = cityWide && typeof raw === "string" && /^\d{6}$/.test(raw) ? raw : null;
  const [data, districts] = await Promise.all([tenancyDashboard(user, { district }), cityWide ? listDistricts() : Promise.resolve(null)]);
  return <StaffTenancyDashboard data={data!} districts={districts} district={district} />;
}
