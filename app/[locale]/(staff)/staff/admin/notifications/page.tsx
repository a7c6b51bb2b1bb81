import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { FailedNotices } from "@/components/admin/failed-notices";
import { requirePermission } from "@/lib/auth/session";
import { listFailedNotices } from "@/lib/notifications/failed";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.notifications");
  return { title: t("title") };
}

export default async function FailedNoticesPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requirePermission("notification:manage", undefined, { returnTo: "/staff/admin/notifications" });
  const { page } = await searchParams;
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  return <FailedNotices notices={await listFailedNotices(user, Number(typeof page === "string" ? page : 1), locale)} />;
}
