import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffHome } from "@/components/staff/staff-home";
import { requireRole } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff");
  return { title: t("title") };
}

export default async function StaffPage() {
  const user = await requireRole(["DISTRICT_OFFICER", "MUNICIPAL_OFFICER", "ADMIN"], { returnTo: "/staff" });
  return <StaffHome user={user} />;
}
