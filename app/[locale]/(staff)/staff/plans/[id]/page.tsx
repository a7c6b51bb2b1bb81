import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlanPage } from "@/components/allocation/plan-page";
import { getPlan, planPools } from "@/lib/allocation/plans";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allocation.plan");
  return { title: t("facts") };
}

type Props = { params: Promise<{ id: string }> };

export default async function PlanDetailPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission("allocation:manage", undefined, { returnTo: `/staff/plans/${id}` });
  const missing = (error: unknown): never => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  };
  const [plan, pools] = await Promise.all([getPlan(user, id).catch(missing), planPools(user, id).catch(missing)]);
  return <PlanPage plan={plan} pools={pools} />;
}
