import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { AUDIT_EXPORT_MAX_DAYS } from "@/lib/audit-log/export-limits";

/** The period form (a GET to this page), then the count and the download, or the empty state. */
export async function AuditTrailExport({
  values,
  errors,
  count,
  cap,
}: {
  values: { from: string; to: string };
  /** Message keys by field. */
  errors?: Record<string, string>;
  count?: number;
  cap?: number;
}) {
  const t = await getTranslations("admin.auditTrail");
  const tAll = await getTranslations();
  const message = (field: string) => (errors?.[field] ? [tAll(errors[field] as never)] : undefined);
  const query = new URLSearchParams(values).toString();
  return (
    <Container>
      <PageHeader title={t("title")} description={t("intro", { days: AUDIT_EXPORT_MAX_DAYS })} />
      <Card>
        <form method="get" action="/staff/admin/audit" className="grid gap-4 md:grid-cols-[1fr_1fr_auto] md:items-end" noValidate>
          <TextField name="from" type="date" label={t("from")} defaultValue={values.from} errors={message("from")} required />
          <TextField name="to" type="date" label={t("to")} defaultValue={values.to} errors={message("to")} required />
          <Button type="submit">{t("submit")}</Button>
        </form>
      </Card>
      {count === undefined ? null : count === 0 ? (
        <div className="mt-6">
          <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
        </div>
      ) : cap !== undefined && count > cap ? (
        <Alert tone="warning" className="mt-6">
          {t("count", { count })} {t("tooManyHint", { cap })}
        </Alert>
      ) : (
        <div className="mt-6 flex flex-wrap items-center gap-4">
          <p className="text-slate-700" data-testid="audit-count">{t("count", { count })}</p>
          {/* A plain link: the workbook is a download from a route handler, not a page. */}
          <a href={`/api/admin/audit-trail/xlsx?${query}`} className={buttonClasses("primary")} data-testid="audit-xlsx" download>
            {t("download")}
          </a>
        </div>
      )}
    </Container>
  );
}
