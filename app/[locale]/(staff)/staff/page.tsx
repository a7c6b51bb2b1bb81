import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffHome } from "@/components/staff/staff-home";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff");
  return { title: t("title") };
}

export default async function StaffPage() {
  const user = await requirePermission("staffArea:enter", undefined, { returnTo: "/staff" });
  return <StaffHome user={user} />;
}
