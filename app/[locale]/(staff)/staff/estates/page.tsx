import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EstateList } from "@/components/stock/estate-list";
import { isCityWide } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { estateFilterSchema } from "@/lib/stock/schemas";
import { listEstates } from "@/lib/stock/stock-service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stock");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EstatesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("estate:read", undefined, { returnTo: "/staff/estates" });
  const filter = estateFilterSchema.parse(await searchParams);
  const data = await listEstates(user, filter);
  // A district filter means something only to those who see the whole city.
  return <EstateList data={data} filter={filter} cityWide={isCityWide(user, "estate:read")} />;
}
