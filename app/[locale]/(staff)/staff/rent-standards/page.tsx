import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RentStandardList } from "@/components/rent-standards/rent-standard-list";
import { requirePermission } from "@/lib/auth/session";
import { rentStandardFilterSchema } from "@/lib/tenancy/rent-standard-schemas";
import { listRentStandards } from "@/lib/tenancy/rent-standards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rentStandards");
  return { title: t("listTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RentStandardsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("rentStandard:read", undefined, { returnTo: "/staff/rent-standards" });
  const filter = rentStandardFilterSchema.parse(await searchParams);
  return <RentStandardList data={await listRentStandards(user, filter)} filter={filter} />;
}
