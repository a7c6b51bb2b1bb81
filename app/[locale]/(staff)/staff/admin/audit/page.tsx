import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditTrailExport } from "@/components/admin/audit-trail-export";
import { AUDIT_EXPORT_CAP, countAuditPeriod, parseAuditPeriod } from "@/lib/audit-log/export";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.auditTrail");
  return { title: t("title") };
}

type Search = Promise<{ from?: string | string[]; to?: string | string[] }>;

export default async function AuditTrailPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("audit:export", undefined, { returnTo: "/staff/admin/audit" });
  const search = await searchParams;
  const from = typeof search.from === "string" ? search.from : undefined;
  const to = typeof search.to === "string" ? search.to : undefined;
  if (from === undefined && to === undefined) return <AuditTrailExport values={{ from: "", to: "" }} />;
  const parsed = parseAuditPeriod({ from, to });
  if (!parsed.ok) return <AuditTrailExport values={{ from: from ?? "", to: to ?? "" }} errors={parsed.errors} />;
  const count = await countAuditPeriod(user, parsed.period);
  return <AuditTrailExport values={parsed.period} count={count} cap={AUDIT_EXPORT_CAP} />;
}
