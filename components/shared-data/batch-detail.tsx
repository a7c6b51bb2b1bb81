import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { fromDateColumn } from "@/lib/clock";
import type { BatchDetail as BatchDetailData } from "@/lib/shared-data/import-service";
import { AutoRefresh } from "./auto-refresh";
import { BatchStatusBadge } from "./batch-status-badge";
import { RowErrorList } from "./preview-table";

export async function BatchDetail({ detail }: { detail: BatchDetailData }) {
  const t = await getTranslations("sharedData");
  const format = await getFormatter();
  const { batch } = detail;
  const processing = batch.status === "PROCESSING";
  const total = Math.max(batch.rowCount, 1);
  const percent = batch.status === "COMPLETED" ? 100 : Math.min(100, Math.floor((detail.written / total) * 100));
  return (
    <Container>
      <AutoRefresh active={processing} />
      <p className="mb-2 text-sm">
        <Link href="/staff/shared-data" className="text-brand-700 underline-offset-2 hover:underline">
          ← {t("batch.back")}
        </Link>
      </p>
      <PageHeader
        title={t("batch.title", { source: t(`sources.${batch.source}`) })}
        description={<p className="break-all">{batch.fileName}</p>}
        actions={<BatchStatusBadge status={batch.status} label={t(`status.${batch.status}`)} />}
      />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("batch.progressTitle")}>
          <div aria-live="polite">
            <progress className="h-3 w-full" max={100} value={percent} aria-label={t("batch.progressTitle")}>
              {percent}%
            </progress>
            <p className="mt-2 text-base">
              {t("batch.progress", { written: format.number(batch.status === "COMPLETED" ? batch.rowCount : detail.written), total: format.number(batch.rowCount), percent })}
            </p>
          </div>
          {processing ? <p className="mt-2 text-sm text-slate-600">{t("batch.processingHint")}</p> : null}
          {batch.status === "FAILED" ? (
            <Alert tone="error" className="mt-3">
              {t("batch.failed")}
            </Alert>
          ) : null}
          {batch.status === "COMPLETED" ? (
            <Alert tone={batch.errorCount > 0 ? "warning" : "success"} className="mt-3">
              {batch.errorCount > 0
                ? t("batch.completedWithErrors", { valid: batch.rowCount - batch.errorCount, errors: batch.errorCount })
                : t("batch.completed", { valid: batch.rowCount })}
            </Alert>
          ) : null}
        </Card>
        <Card title={t("batch.infoTitle")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{t("batch.source")}</dt>
            <dd>{t(`sources.${batch.source}`)}</dd>
            <dt className="text-slate-600">{t("batch.importedAt")}</dt>
            <dd>{format.dateTime(batch.importedAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
            <dt className="text-slate-600">{t("batch.importedBy")}</dt>
            <dd>{batch.importedBy.name}</dd>
            <dt className="text-slate-600">{t("batch.asOfDate")}</dt>
            <dd>{batch.asOfDate ? fromDateColumn(batch.asOfDate) : t("batch.asOfUnknown")}</dd>
            <dt className="text-slate-600">{t("batch.rows")}</dt>
            <dd>{t("history.rows", { rows: batch.rowCount, errors: batch.errorCount })}</dd>
            <dt className="text-slate-600">SHA-256</dt>
            <dd className="break-all font-mono text-xs">{batch.sha256}</dd>
          </dl>
        </Card>
      </div>
      <section aria-labelledby="errors-title" className="mt-8">
        <h2 id="errors-title" className="mb-3 text-lg font-semibold">
          {t("batch.errorsTitle", { count: batch.errorCount })}
        </h2>
        {detail.errors.length === 0 ? (
          <p className="text-slate-700">{processing && batch.errorCount > 0 ? t("batch.errorsPending") : t("batch.noErrors")}</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">{t("batch.errorsHint")}</p>
            <ClientMessages namespaces={["sharedData"]}>
              <RowErrorList rows={detail.errors} />
            </ClientMessages>
          </>
        )}
        <Pagination page={detail.errorPage} pageCount={detail.errorPageCount} hrefFor={(p) => `/staff/shared-data/batches/${batch.id}?page=${p}`} />
      </section>
    </Container>
  );
}
