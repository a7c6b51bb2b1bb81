import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PlanList } from "@/components/allocation/plan-list";
import { planFilterSchema } from "@/lib/allocation/plan-schemas";
import { listPlans } from "@/lib/allocation/plans";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allocation.plan");
  return { title: t("listTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PlansPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("allocation:manage", undefined, { returnTo: "/staff/plans" });
  const filter = planFilterSchema.parse(await searchParams);
  return <PlanList data={await listPlans(user, filter)} filter={filter} />;
}
