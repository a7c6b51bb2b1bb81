import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditsHome } from "@/components/audits/audits-home";
import { listAuditableDistricts, listAudits, listRectifications } from "@/lib/audits/audit-service";
import { auditListFilterSchema } from "@/lib/audits/schemas";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { todayCST } from "@/lib/clock";
import { addDays } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audits");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission(["review:sample", "rectification:read"], undefined, { returnTo: "/staff/audits" });
  const isMunicipal = can(user, "review:sample");
  const filter = auditListFilterSchema.parse(await searchParams);
  const [audits, rectifications, districts] = await Promise.all([
    listAudits(user, filter),
    listRectifications(user, { view: filter.rview, page: filter.rpage, district: filter.district }),
    isMunicipal ? listAuditableDistricts(user) : Promise.resolve([]),
  ]);
  const today = todayCST();
  return (
    <AuditsHome
      isMunicipal={isMunicipal}
      audits={audits}
      rectifications={rectifications}
      filter={filter}
      districts={districts}
      defaultStart={addDays(today, -90)}
      defaultEnd={today}
    />
  );
}
