import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { BatchFilter } from "@/lib/shared-data/schemas";
import type { BatchPage } from "@/lib/shared-data/import-service";
import { SHARED_DATA_SOURCES, SOURCE_LAYOUTS } from "@/lib/shared-data/layouts";
import { BatchStatusBadge } from "./batch-status-badge";
import { ImportWizard } from "./import-wizard";
import { ClientMessages } from "@/components/i18n/client-messages";

function queryString(filter: BatchFilter, page?: number): string {
  const params = new URLSearchParams();
  if (filter.source) params.set("source", filter.source);
  if (filter.status) params.set("status", filter.status);
  if (page && page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

export async function SharedDataHome({ batches, filter, isMunicipal }: { batches: BatchPage; filter: BatchFilter; isMunicipal: boolean }) {
  const t = await getTranslations("sharedData");
  const format = await getFormatter();
  const selectClass = "block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";
  return (
    <Container>
      <PageHeader title={t("title")} description={<p>{t("intro")}</p>} />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title={t("upload.title")} className="min-w-0">
          <ClientMessages namespaces={["sharedData"]}><ImportWizard /></ClientMessages>
        </Card>
        <Card title={t("templates.title")} className="min-w-0">
          <p className="mb-3 text-sm text-slate-700">{t("templates.intro")}</p>
          <ul className="space-y-3">
            {SHARED_DATA_SOURCES.map((source) => (
              <li key={source} className="rounded-md border border-slate-200 p-3">
                <p className="font-medium">{t(`sources.${source}`)}</p>
                <details className="mt-1 text-sm">
                  <summary className="cursor-pointer text-brand-700">{t("templates.columns")}</summary>
                  <ul className="mt-2 list-disc space-y-0.5 pl-5 text-slate-700">
                    {SOURCE_LAYOUTS[source].map((c) => (
                      <li key={c.key}>
                        {c.header}
                        {c.required ? <span className="text-slate-600">{t("templates.requiredMark")}</span> : null}
                        <span className="text-slate-600"> · {t(`templates.kinds.${c.kind}`)}</span>
                      </li>
                    ))}
                  </ul>
                </details>
                <div className="mt-2 flex flex-wrap gap-2">
                  <a className={buttonClasses("secondary", "min-h-9 px-3 py-1 text-sm")} href={`/staff/shared-data/template/${source}`} download>
                    {t("templates.downloadCsv")}
                  </a>
                  <a className={buttonClasses("secondary", "min-h-9 px-3 py-1 text-sm")} href={`/staff/shared-data/template/${source}?format=xlsx`} download>
                    {t("templates.downloadXlsx")}
                  </a>
                </div>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-600">{t("templates.formats")}</p>
        </Card>
      </div>

      <section aria-labelledby="batches-title" className="mt-10">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="batches-title" className="text-lg font-semibold">
            {t("history.title")}
          </h2>
          <p className="text-sm text-slate-600">
            {isMunicipal ? t("history.scopeCity") : t("history.scopeDistrict")} · {t("history.total", { total: batches.total })}
          </p>
        </div>
        <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label={t("history.filters")}>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="filter-source" className="text-sm font-medium">{t("history.source")}</label>
            <select id="filter-source" name="source" defaultValue={filter.source ?? ""} className={selectClass}>
              <option value="">{t("history.allSources")}</option>
              {SHARED_DATA_SOURCES.map((s) => (
                <option key={s} value={s}>{t(`sources.${s}`)}</option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="filter-status" className="text-sm font-medium">{t("history.status")}</label>
            <select id="filter-status" name="status" defaultValue={filter.status ?? ""} className={selectClass}>
              <option value="">{t("history.allStatuses")}</option>
              {(["PROCESSING", "COMPLETED", "FAILED"] as const).map((s) => (
                <option key={s} value={s}>{t(`status.${s}`)}</option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClasses("secondary")}>{t("history.apply")}</button>
        </form>
        {batches.items.length === 0 ? (
          <EmptyState title={t("history.empty")} body={t("history.emptyBody")} />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {batches.items.map((b) => (
              <li key={b.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <Link href={`/staff/shared-data/batches/${b.id}`} className="break-all font-medium text-brand-700 underline-offset-2 hover:underline">
                    {b.fileName}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {t(`sources.${b.source}`)} · {format.dateTime(b.importedAt, { dateStyle: "medium", timeStyle: "short" })} · {b.importedBy.name}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-3 text-sm">
                  <span>{t("history.rows", { rows: b.rowCount, errors: b.errorCount })}</span>
                  <BatchStatusBadge status={b.status} label={t(`status.${b.status}`)} />
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={batches.page} pageCount={batches.pageCount} hrefFor={(p) => `/staff/shared-data${queryString(filter, p)}`} />
      </section>
    </Container>
  );
}
