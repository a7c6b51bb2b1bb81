import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlanPage } from "@/components/allocation/plan-page";
import { getPlan } from "@/lib/allocation/plans";
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
  const plan = await getPlan(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <PlanPage plan={plan} />;
}
