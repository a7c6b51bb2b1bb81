import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffRepairsPage } from "@/components/repairs/repair-pages";
import { requirePermission } from "@/lib/auth/session";
import { listRepairs } from "@/lib/repairs/repairs";
import { repairListQuerySchema } from "@/lib/repairs/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("repairs.staff");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The repair requests of the officer's district (the city's for municipal officers). */
export default async function StaffRepairsRoute({ searchParams }: Props) {
  const user = await requirePermission("repair:manage", undefined, { returnTo: "/staff/repairs" });
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const query = repairListQuerySchema.parse({ q: one(raw.q), status: one(raw.status), category: one(raw.category), overdue: one(raw.overdue), page: one(raw.page) });
  return <StaffRepairsPage list={await listRepairs(user, query)} query={query} />;
}
