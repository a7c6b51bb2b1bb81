import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EstateList } from "@/components/stock/estate-list";
import { isCityWide } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { estateFilterSchema } from "@/lib/stock/schemas";
import { CHONGQING_DISTRICTS } from "@/lib/reference/districts";
import { canManageEstate, listEstates, managedEstateLevel } from "@/lib/stock/stock-service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stock");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EstatesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("estate:read", undefined, { returnTo: "/staff/estates" });
  const filter = estateFilterSchema.parse(await searchParams);
  const data = await listEstates(user, filter);
  const level = managedEstateLevel(user);
  // The municipal agency adds municipal estates in any district; a district officer their district's own.
  const districts = CHONGQING_DISTRICTS.filter((d) => level && canManageEstate(user, { level, districtCode: d.code })).map((d) => ({ value: d.code, label: d.name }));
  return (
    <EstateList
      data={data}
      filter={filter}
      // A district filter means something only to those who see the whole city.
      cityWide={isCityWide(user, "estate:read")}
      creates={level && districts.length > 0 ? { level, districts } : null}
    />
  );
}
