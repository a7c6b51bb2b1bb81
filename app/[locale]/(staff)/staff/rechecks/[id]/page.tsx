import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RecheckDetail } from "@/components/rechecks/recheck-detail";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { getRecheck } from "@/lib/rechecks/recheck-service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rechecks");
  return { title: t("detail.metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> };

export default async function RecheckPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { done } = await searchParams;
  const user = await requirePermission("recheck:manage", undefined, { returnTo: `/staff/rechecks/${id}` });
  const row = await getRecheck(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const decided = row.status !== "PENDING" && (done === "cancelled" || done === "dismissed" || done === "ended") ? done : undefined;
  return <RecheckDetail row={row} done={decided} today={todayCST()} />;
}
