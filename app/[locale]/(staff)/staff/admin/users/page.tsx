import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffUsers } from "@/components/admin/staff-users";
import { requirePermission } from "@/lib/auth/session";
import { listDistricts, listStaffUsers } from "@/lib/auth/staff-users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function StaffUsersPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requirePermission("user:manage", undefined, { returnTo: "/staff/admin/users" });
  const { page } = await searchParams;
  const [staff, districts] = await Promise.all([listStaffUsers(user, Number(typeof page === "string" ? page : 1)), listDistricts()]);
  return <StaffUsers staff={staff} districts={districts} currentUserId={user.id} />;
}
