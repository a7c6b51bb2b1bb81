import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { AuditRow, RectificationRow } from "@/lib/audits/audit-service";
import { MAX_SAMPLE_SIZE, RECTIFICATION_VIEWS, type AuditListFilter } from "@/lib/audits/schemas";
import { fromDateColumn } from "@/lib/clock";
import { DrawSampleForm } from "./draw-sample-form";
import { RectificationList } from "./rectification-list";
import { ClientMessages } from "@/components/i18n/client-messages";

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

function href(filter: AuditListFilter, changes: Partial<AuditListFilter>): string {
  const merged = { ...filter, ...changes };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const s = params.toString();
  return `/staff/audits${s ? `?${s}` : ""}`;
}

export async function AuditsHome({
  isMunicipal,
  audits,
  rectifications,
  filter,
  districts,
  defaultStart,
  defaultEnd,
}: {
  isMunicipal: boolean;
  audits: Paged<AuditRow>;
  rectifications: Paged<RectificationRow> & { overdueTotal: number };
  filter: AuditListFilter;
  districts: Array<{ code: string; name: string; nameEn: string }>;
  defaultStart: string;
  defaultEnd: string;
}) {
  const t = await getTranslations("audits");
  const format = await getFormatter();
  const locale = await getLocale();
  const label = (d: { name: string; nameEn: string }) => (locale === "en" ? d.nameEn : d.name);
  const rview = filter.rview ?? "OPEN";
  const control = "block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";
  return (
    <Container>
      <PageHeader title={t("title")} description={<p>{isMunicipal ? t("introMunicipal") : t("introDistrict")}</p>} />
      {isMunicipal ? (
        <Card title={t("draw.title")} className="mb-8">
          <p className="mb-4 text-sm text-slate-700">{t("draw.intro")}</p>
          <ClientMessages namespaces={["audits.draw", "audits.validation"]}><DrawSampleForm districts={districts.map((d) => ({ value: d.code, label: `${label(d)}（${d.code}）` }))} defaultStart={defaultStart} defaultEnd={defaultEnd} maxSampleSize={MAX_SAMPLE_SIZE} /></ClientMessages>
        </Card>
      ) : null}

      <section aria-labelledby="rect-title" className="mb-10">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="rect-title" className="text-lg font-semibold">
            {t("rectification.listTitle")}
          </h2>
          {rectifications.overdueTotal > 0 ? (
            <p className="rounded-full bg-red-700 px-3 py-0.5 text-sm font-semibold text-white">{t("rectification.overdueCount", { count: rectifications.overdueTotal })}</p>
          ) : null}
        </div>
        <nav aria-label={t("rectification.viewsLabel")} className="mb-3 -mx-1 overflow-x-auto">
          <ul className="flex gap-1">
            {RECTIFICATION_VIEWS.map((v) => (
              <li key={v}>
                <Link
                  href={href(filter, { rview: v, rpage: undefined })}
                  aria-current={v === rview ? "page" : undefined}
                  className={cn(
                    "flex min-h-11 items-center whitespace-nowrap rounded-md px-3 text-sm",
                    v === rview ? "bg-brand-700 font-semibold text-white" : "text-brand-700 hover:bg-brand-50",
                  )}
                >
                  {t(`rectification.views.${v}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <RectificationList items={rectifications.items} showDistrict={isMunicipal} locale={locale} />
        <Pagination page={rectifications.page} pageCount={rectifications.pageCount} hrefFor={(p) => href(filter, { rpage: p })} />
      </section>

      <section aria-labelledby="audit-list-title">
        <h2 id="audit-list-title" className="mb-3 text-lg font-semibold">
          {t("listTitle")}
        </h2>
        <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          {filter.rview ? <input type="hidden" name="rview" value={filter.rview} /> : null}
          {isMunicipal ? (
            <div className="flex flex-col gap-1.5">
              <label htmlFor="audit-district" className="text-sm font-medium">{t("filterDistrict")}</label>
              <select id="audit-district" name="district" defaultValue={filter.district ?? ""} className={control}>
                <option value="">{t("allDistricts")}</option>
                {districts.map((d) => (
                  <option key={d.code} value={d.code}>{label(d)}</option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="flex flex-col gap-1.5">
            <label htmlFor="audit-status" className="text-sm font-medium">{t("filterStatus")}</label>
            <select id="audit-status" name="status" defaultValue={filter.status ?? ""} className={control}>
              <option value="">{t("allStatuses")}</option>
              <option value="IN_PROGRESS">{t("status.IN_PROGRESS")}</option>
              <option value="COMPLETED">{t("status.COMPLETED")}</option>
            </select>
          </div>
          <button type="submit" className={buttonClasses("secondary")}>{t("apply")}</button>
        </form>
        {audits.items.length === 0 ? (
          <EmptyState title={t("empty")} body={isMunicipal ? t("emptyBodyMunicipal") : undefined} />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {audits.items.map((a) => (
              <li key={a.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <Link href={`/staff/audits/${a.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {label(a.district)} · {fromDateColumn(a.periodStart)} — {fromDateColumn(a.periodEnd)}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {t("rowMeta", { auditor: a.auditor.name, date: format.dateTime(a.startedAt, { dateStyle: "medium" }), items: a.sampleSize })}
                  </p>
                </div>
                <span
                  className={cn(
                    "inline-flex w-fit rounded-full px-2.5 py-0.5 text-sm font-medium",
                    a.status === "COMPLETED" ? "bg-green-50 text-green-800" : "bg-amber-50 text-amber-900",
                  )}
                >
                  {t(`status.${a.status}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={audits.page} pageCount={audits.pageCount} hrefFor={(p) => href(filter, { page: p })} />
      </section>
    </Container>
  );
}
