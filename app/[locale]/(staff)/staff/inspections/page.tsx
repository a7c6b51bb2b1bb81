import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffInspectionsPage } from "@/components/repairs/inspection-pages";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { inspectionListQuerySchema } from "@/lib/repairs/inspection-schemas";
import { inspectableEstates, listInspections } from "@/lib/repairs/inspections";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inspections.list");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Patrols and visits of the officer's district (Art. 35, 43), and the form to schedule one. */
export default async function StaffInspectionsRoute({ searchParams }: Props) {
  const user = await requirePermission("inspection:manage", undefined, { returnTo: "/staff/inspections" });
  const raw = await searchParams;
  const query = inspectionListQuerySchema.parse({ status: typeof raw.status === "string" ? raw.status : undefined, page: typeof raw.page === "string" ? raw.page : undefined });
  const [list, estates] = await Promise.all([listInspections(user, query), inspectableEstates(user)]);
  return <StaffInspectionsPage list={list} status={query.status} estates={estates} today={todayCST()} canSchedule />;
}
