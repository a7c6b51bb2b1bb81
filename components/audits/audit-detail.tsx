import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import type { AuditDetail as AuditDetailData } from "@/lib/audits/audit-service";
import { fromDateColumn } from "@/lib/clock";
import { CompleteAuditForm, FindingForm } from "./audit-forms";
import { RectificationList } from "./rectification-list";
import { articleList } from "@/lib/applications/status-reason-text";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function AuditDetail({
  audit,
  verification,
  done,
}: {
  audit: AuditDetailData;
  verification: { populationMatches: boolean; sampleMatches: boolean; populationIds: string[] };
  /** Set right after completing: "completed", or the rectification's due date. */
  done?: { dueDate: string | null };
}) {
  const t = await getTranslations("audits");
  const format = await getFormatter();
  const locale = await getLocale();
  const examined = audit.items.filter((i) => i.isCompliant !== null).length;
  const problems = audit.items.filter((i) => i.isCompliant === false).length;
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/staff/audits" className="text-brand-700 underline-offset-2 hover:underline">
          ← {t("detail.back")}
        </Link>
      </p>
      <PageHeader
        title={t("detail.title", { district: locale === "en" ? audit.district.nameEn : audit.district.name })}
        description={
          <p>
            {t("detail.period", { start: fromDateColumn(audit.periodStart), end: fromDateColumn(audit.periodEnd) })} ·{" "}
            {t("detail.auditor", { name: audit.auditor.name })}
          </p>
        }
        actions={
          <span className={cn("inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium", audit.status === "COMPLETED" ? "bg-green-50 text-green-800" : "bg-amber-50 text-amber-900")}>
            {t(`status.${audit.status}`)}
          </span>
        }
      />
      <div className="flex flex-col gap-6">
        {done ? (
          <Alert tone="success">{done.dueDate ? t("complete.doneWithRectification", { dueDate: done.dueDate }) : t("complete.done")}</Alert>
        ) : null}
        <Card title={t("detail.sampleTitle")}>
          {audit.sample ? (
            <>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-600">{t("detail.seed")}</dt>
                <dd className="break-all font-mono">{audit.sample.seed}</dd>
                <dt className="text-slate-600">{t("detail.population")}</dt>
                <dd>{t("detail.populationValue", { population: audit.sample.populationSize, sample: audit.sample.sampleSize })}</dd>
                <dt className="text-slate-600">{t("detail.commitment")}</dt>
                <dd className="break-all font-mono text-xs">{audit.sample.populationCommitment}</dd>
              </dl>
              <p className="mt-3 text-sm text-slate-700">{t("detail.howToVerify")}</p>
              <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 px-3 py-2 text-xs text-slate-100">
                {`printf '%s' '${audit.sample.seed}:<ID>' | sha256sum`}
              </pre>
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer text-brand-700">{t("detail.populationList", { count: verification.populationIds.length })}</summary>
                <pre className="mt-2 max-h-64 overflow-auto rounded-md bg-slate-50 px-3 py-2 font-mono text-xs">{verification.populationIds.join("\n")}</pre>
              </details>
              <Alert tone={verification.sampleMatches && verification.populationMatches ? "success" : "warning"} className="mt-3">
                {verification.sampleMatches && verification.populationMatches
                  ? t("detail.verified")
                  : verification.sampleMatches
                    ? t("detail.populationChanged")
                    : t("detail.notVerified")}
              </Alert>
            </>
          ) : (
            <p>{t("detail.noSeed")}</p>
          )}
        </Card>

        <section aria-labelledby="items-title">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="items-title" className="text-lg font-semibold">
              {t("detail.itemsTitle")}
            </h2>
            <p className="text-sm text-slate-600">{t("detail.progress", { examined, total: audit.items.length, problems })}</p>
          </div>
          <ol className="flex flex-col gap-4">
            {audit.items.map((item, index) => {
              const d = item.reviewDecision;
              return (
                <li key={item.id} className={cn("rounded-lg border bg-white p-4", item.isCompliant === false ? "border-red-300" : "border-slate-200")}>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <p className="font-medium">
                        {index + 1}. {d.application.applicationNo} · {t(`levels.${d.level}`)} · {t(`outcomes.${d.outcome}`)}
                      </p>
                      <p className="text-sm text-slate-600">
                        {t("detail.decision", {
                          officer: d.officer.name,
                          date: format.dateTime(d.decidedAt, { dateStyle: "medium", timeStyle: "short" }),
                          due: fromDateColumn(d.dueDate),
                        })}
                      </p>
                      {d.articlesCited.length > 0 ? <p className="text-sm text-slate-600">{t("detail.articles", { articles: articleList(d.articlesCited, locale === "en" ? "en" : "zh-CN") })}</p> : null}
                      {d.comment ? <p className="mt-1 text-sm text-slate-800">{d.comment}</p> : null}
                      <p className="mt-1 break-all font-mono text-xs text-slate-500" title={item.ticket ?? undefined}>
                        {t("detail.ticket", { id: d.id, ticket: item.ticket ? `${item.ticket.slice(0, 16)}…` : "—" })}
                      </p>
                    </div>
                    <span
                      className={cn(
                        "inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium",
                        item.isCompliant === null ? "bg-slate-100 text-slate-700" : item.isCompliant ? "bg-green-50 text-green-800" : "bg-red-50 text-red-900",
                      )}
                    >
                      {item.isCompliant === null ? t("finding.pending") : item.isCompliant ? t("finding.ok") : t("finding.problem")}
                    </span>
                  </div>
                  {audit.canEdit ? (
                    <div className="mt-3 border-t border-slate-200 pt-3">
                      <ClientMessages namespaces={["audits.finding", "audits.complete", "audits.validation"]}><FindingForm itemId={item.id} current={item.isCompliant} finding={item.finding} /></ClientMessages>
                    </div>
                  ) : item.finding ? (
                    <p className="mt-2 whitespace-pre-wrap text-sm">{item.finding}</p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>

        {audit.canEdit ? (
          <Card title={t("complete.title")}>
            {examined < audit.items.length ? (
              <Alert tone="info">{t("complete.examineAll", { remaining: audit.items.length - examined })}</Alert>
            ) : (
              <ClientMessages namespaces={["audits.finding", "audits.complete", "audits.validation"]}><CompleteAuditForm auditId={audit.id} problems={problems} /></ClientMessages>
            )}
          </Card>
        ) : audit.summary ? (
          <Card title={t("detail.summaryTitle")}>
            <p className="whitespace-pre-wrap">{audit.summary}</p>
          </Card>
        ) : null}

        {audit.rectifications.length > 0 ? (
          <section aria-labelledby="audit-rect-title">
            <h2 id="audit-rect-title" className="mb-3 text-lg font-semibold">
              {t("rectification.listTitle")}
            </h2>
            <RectificationList items={audit.rectifications} showDistrict={false} locale={locale} />
          </section>
        ) : null}
      </div>
    </Container>
  );
}
