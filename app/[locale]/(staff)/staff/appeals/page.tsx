import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppealsList } from "@/components/appeals/appeals-list";
import { listAppeals } from "@/lib/appeals/appeals";
import { appealFilterSchema } from "@/lib/appeals/schemas";
import { requirePermission } from "@/lib/auth/session";
import { listDistricts } from "@/lib/auth/staff-users";
import { parseSearchParams } from "@/lib/review/schemas";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appeals.staff");
  return { title: t("title") };
}

/** Municipal officers only (Art. 19: appeals go to the municipal agency). */
export default async function AppealsPage({ searchParams }: Props) {
  const user = await requirePermission("appeal:decide", undefined, { returnTo: "/staff/appeals" });
  const filter = parseSearchParams(appealFilterSchema, await searchParams);
  return <AppealsList page={await listAppeals(user, filter)} filter={filter} districts={await listDistricts()} />;
}
