import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffDirectedPage } from "@/components/allocation/directed-pages";
import { getDirected } from "@/lib/allocation/directed";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allocation.directed");
  return { title: t("list.title") };
}

type Props = { params: Promise<{ id: string }> };

/** One directed allocation: its facts, nominees with their checks, units, and the next steps. */
export default async function StaffDirectedDetailRoute({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission("estate:read", undefined, { returnTo: `/staff/directed/${id}` });
  const data = await getDirected(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <StaffDirectedPage data={data} />;
}
