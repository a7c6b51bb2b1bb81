import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatIsoDate } from "@/lib/applications/format";
import { todayCST } from "@/lib/clock";
import type { ChangeReportView } from "@/lib/tenancy/change-reports";
import { ReportChange, ReviewChange } from "./change-forms";

// Change reports (Art. 42) on the lease pages: the tenant's card and the officers' panel.

async function Reports({ reports, review }: { reports: ChangeReportView[]; review: boolean }) {
  const t = await getTranslations("changes");
  const l = (await getLocale()) === "en" ? "en" : "zh-CN";
  if (reports.length === 0) return <p className="text-slate-700">{t("none")}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {reports.map((r) => (
        <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm text-slate-800" data-testid="change-report" data-status={r.status}>
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            {t(`kind.${r.kind}`)} · {formatIsoDate(todayCST(r.reportedAt), l)}
            <Badge tone={r.status === "REVIEWED" ? "success" : "info"}>{t(`status.${r.status}`)}</Badge>
          </p>
          <p className="mt-1 whitespace-pre-line">{r.description}</p>
          {r.outcome ? <p className="mt-1">{t("outcome", { outcome: r.outcome })}</p> : null}
          {review && r.status === "SUBMITTED" ? (
            <div className="mt-3">
              <ClientMessages namespaces={["changes", "changes.validation"]}>
                <ReviewChange reportId={r.id} />
              </ClientMessages>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export async function TenantChangeCard({ leaseId, reports }: { leaseId: string; reports: ChangeReportView[] }) {
  const t = await getTranslations("changes");
  return (
    <Card title={t("title")}>
      <div className="flex flex-col gap-4" data-testid="changes">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <Reports reports={reports} review={false} />
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium text-brand-700">{t("new")}</summary>
          <div className="mt-3">
            <ClientMessages namespaces={["changes", "changes.validation"]}>
              <ReportChange leaseId={leaseId} />
            </ClientMessages>
          </div>
        </details>
      </div>
    </Card>
  );
}

export async function StaffChangePanel({ reports, canManage }: { reports: ChangeReportView[]; canManage: boolean }) {
  const t = await getTranslations("changes");
  return (
    <Card title={t("staffTitle")}>
      <div data-testid="changes-panel">
        <Reports reports={reports} review={canManage} />
      </div>
    </Card>
  );
}
