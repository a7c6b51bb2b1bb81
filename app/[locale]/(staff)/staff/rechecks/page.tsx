import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RecheckList } from "@/components/rechecks/recheck-list";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { listRechecks } from "@/lib/rechecks/recheck-service";
import { recheckFilterSchema } from "@/lib/rechecks/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rechecks");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RechecksPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("recheck:manage", undefined, { returnTo: "/staff/rechecks" });
  const filter = recheckFilterSchema.parse(await searchParams);
  const data = await listRechecks(user, filter);
  return <RecheckList data={data} filter={filter} currentYear={Number(todayCST().slice(0, 4))} />;
}
