import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import type { RectificationHistoryEntry, RectificationRow } from "@/lib/audits/audit-service";
import { fromDateColumn } from "@/lib/clock";
import { CloseRectificationForm, ReportForm } from "./audit-forms";
import { RectificationStatusBadge } from "./rectification-list";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function RectificationDetail({
  rectification: r,
  history,
  canReport,
  canClose,
  done,
}: {
  done?: "reported" | "accepted" | "reopened";
  rectification: RectificationRow;
  history: RectificationHistoryEntry[];
  canReport: boolean;
  canClose: boolean;
}) {
  const t = await getTranslations("audits.rectification");
  const format = await getFormatter();
  const locale = await getLocale();
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/staff/audits" className="text-brand-700 underline-offset-2 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader
        title={t("title", { district: locale === "en" ? r.district.nameEn : r.district.name })}
        description={
          <p>
            {t("issued", { date: format.dateTime(r.issuedAt, { dateStyle: "medium" }) })} · {t("dueOn", { date: fromDateColumn(r.dueDate) })} ·{" "}
            <Link href={`/staff/audits/${r.auditId}`} className="text-brand-700 underline">
              {t("auditLink")}
            </Link>
          </p>
        }
        actions={<RectificationStatusBadge row={r} />}
      />
      <div className="flex flex-col gap-6">
        {done ? (
          <Alert tone="success">
            {done === "reported" ? t("doneReported") : done === "accepted" ? t("doneAccepted") : t("doneReopened", { date: fromDateColumn(r.dueDate) })}
          </Alert>
        ) : null}
        {r.isOverdue ? <Alert tone="error">{t("overdueBody", { date: fromDateColumn(r.dueDate) })}</Alert> : null}
        <Card title={t("requirementTitle")}>
          <p className="whitespace-pre-wrap">{r.requirement}</p>
        </Card>
        {r.report ? (
          <Card title={t("reportTitle")}>
            <p className="whitespace-pre-wrap">{r.report}</p>
            <p className="mt-2 text-sm text-slate-600">
              {t("reportedBy", { name: r.reportedBy?.name ?? "—", date: r.reportedAt ? format.dateTime(r.reportedAt, { dateStyle: "medium", timeStyle: "short" }) : "—" })}
            </p>
          </Card>
        ) : null}
        {canReport ? (
          <Card title={t("reportFormTitle")}>
            <ClientMessages namespaces={["audits.report", "audits.close", "audits.validation"]}><ReportForm rectificationId={r.id} /></ClientMessages>
          </Card>
        ) : null}
        {canClose ? (
          <Card title={t("closeFormTitle")}>
            <ClientMessages namespaces={["audits.report", "audits.close", "audits.validation"]}><CloseRectificationForm rectificationId={r.id} /></ClientMessages>
          </Card>
        ) : null}
        <Card title={t("historyTitle")}>
          <ol className="space-y-3">
            {history.map((h, i) => (
              <li key={i} className="border-l-2 border-brand-200 pl-3">
                <p className="text-sm font-medium">
                  {t(`actions.${h.action.replace(".", "_")}` as never)} · {h.actorName ?? "—"}
                </p>
                <p className="text-xs text-slate-600">{format.dateTime(h.at, { dateStyle: "medium", timeStyle: "short" })}</p>
                {h.reason ? <p className="mt-1 whitespace-pre-wrap text-sm">{h.reason}</p> : null}
                {h.documentRef ? <p className="text-sm text-slate-700">{t("documentRef", { ref: h.documentRef })}</p> : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </Container>
  );
}
