import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StaffWaitingListPage } from "@/components/allocation/staff-waiting-list";
import { getStaffWaitingList } from "@/lib/allocation/waiting-list";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allocation.waitingList");
  return { title: t("staff.pageTitle") };
}

type Props = { params: Promise<{ listId: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** One estate's ordered waiting list for one unit type, in the order households will be housed. */
export default async function StaffWaitingListRoute({ params, searchParams }: Props) {
  const { listId: raw } = await params;
  const user = await requirePermission("estate:read", undefined, { returnTo: `/staff/waiting-lists/${raw}` });
  const { page } = await searchParams;
  let listId: string;
  try {
    listId = decodeURIComponent(raw);
  } catch {
    notFound();
  }
  const data = await getStaffWaitingList(user, listId, typeof page === "string" ? Number.parseInt(page, 10) : 1).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return <StaffWaitingListPage data={data} />;
}
