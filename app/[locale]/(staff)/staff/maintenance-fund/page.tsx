import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MaintenanceFundPage } from "@/components/repairs/fund-page";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { fundQuerySchema } from "@/lib/repairs/fund-schemas";
import { maintenanceFundReport } from "@/lib/repairs/maintenance-fund";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("repairs.fund");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Each estate's maintenance fund against 5 % of the year's rent income (Art. 35). */
export default async function MaintenanceFundRoute({ searchParams }: Props) {
  const user = await requirePermission("report:read", undefined, { returnTo: "/staff/maintenance-fund" });
  const raw = await searchParams;
  const thisYear = Number(todayCST().slice(0, 4));
  const asked = fundQuerySchema.parse({ year: typeof raw.year === "string" ? raw.year : undefined }).year;
  const year = asked && asked <= thisYear ? asked : thisYear;
  const years = Array.from({ length: thisYear - 2024 + 1 }, (_, i) => thisYear - i);
  const rows = await maintenanceFundReport(user, year);
  return <MaintenanceFundPage rows={rows} year={year} years={years} canRecord={can(user, "maintenanceFund:manage")} />;
}
