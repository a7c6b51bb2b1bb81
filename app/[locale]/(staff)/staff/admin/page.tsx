import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminHome } from "@/components/admin/admin-home";
import { requirePermission } from "@/lib/auth/session";
import { countFailedNotices } from "@/lib/notifications/failed";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

export default async function AdminPage() {
  const user = await requirePermission("adminArea:enter", undefined, { returnTo: "/staff/admin" });
  return <AdminHome failedNotices={await countFailedNotices(user)} />;
}
