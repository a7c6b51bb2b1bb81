import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffSelectionPage } from "@/components/allocation/staff-selection";
import { getStaffSelection } from "@/lib/allocation/selection-reads";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allocation.selection");
  return { title: t("staff.pageTitle") };
}

type Props = { params: Promise<{ drawId: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** One drawn pool's unit selection (选房), for the officers of its district. */
export default async function StaffSelectionRoute({ params, searchParams }: Props) {
  const { drawId } = await params;
  const user = await requirePermission("estate:read", undefined, { returnTo: `/staff/draws/${drawId}` });
  const { page } = await searchParams;
  const data = await getStaffSelection(user, drawId, typeof page === "string" ? Number.parseInt(page, 10) : 1).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <StaffSelectionPage data={data} />;
}
