import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SharedDataHome } from "@/components/shared-data/shared-data-home";
import { isCityWide } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listBatches } from "@/lib/shared-data/import-service";
import { batchFilterSchema } from "@/lib/shared-data/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sharedData");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SharedDataPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("sharedData:import", undefined, { returnTo: "/staff/shared-data" });
  const filter = batchFilterSchema.parse(await searchParams);
  const batches = await listBatches(user, filter);
  return <SharedDataHome batches={batches} filter={filter} isMunicipal={isCityWide(user, "sharedData:import")} />;
}
