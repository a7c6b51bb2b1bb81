import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { RecheckPage } from "@/lib/rechecks/recheck-service";
import { RECHECK_KINDS, RECHECK_VIEWS, type RecheckFilter, type RecheckView } from "@/lib/rechecks/schemas";
import { RecheckStatusBadge, recheckView } from "./recheck-status-badge";
import { RunRecheckButton } from "./run-recheck-button";
import { ClientMessages } from "@/components/i18n/client-messages";

function href(filter: RecheckFilter, changes: Partial<RecheckFilter>): string {
  const merged = { ...filter, ...changes };
  const params = new URLSearchParams();
  if (merged.kind && merged.kind !== "QUALIFICATION") params.set("kind", merged.kind);
  if (merged.view && merged.view !== "PENDING") params.set("view", merged.view);
  if (merged.year) params.set("year", String(merged.year));
  if (merged.q) params.set("q", merged.q);
  if (merged.page && merged.page > 1) params.set("page", String(merged.page));
  const s = params.toString();
  return `/staff/rechecks${s ? `?${s}` : ""}`;
}

export async function RecheckList({ data, filter, currentYear }: { data: RecheckPage; filter: RecheckFilter; currentYear: number }) {
  const t = await getTranslations("rechecks");
  const format = await getFormatter();
  const view = filter.view ?? "PENDING";
  const kind = filter.kind ?? "QUALIFICATION";
  const tenancy = kind === "TENANCY";
  // The tenancy check (Art. 42) has its own wording where it differs from the re-check of qualifications (Art. 20).
  const k = <K extends "title" | "intro" | "pendingHint" | "run.title" | "run.body" | "searchPlaceholder" | "emptyPending" | "emptyPendingBody" | "rowMeta">(key: K) =>
    tenancy ? (`tenancy.${key}` as const) : key;
  const viewLabel = (v: RecheckView) => (tenancy && (v === "CANCELLED" || v === "DISMISSED" || v === "PASSED") ? t(`tenancy.views.${v}`) : t(`views.${v}`));
  const control = "block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";
  return (
    <Container>
      <PageHeader title={t(k("title"))} description={<p>{t(k("intro"))}</p>} />
      <nav aria-label={t("kindsLabel")} className="mb-6 -mx-1 overflow-x-auto">
        <ul className="flex gap-1 border-b border-slate-200">
          {RECHECK_KINDS.map((c) => (
            <li key={c}>
              <Link
                href={href({}, { kind: c })}
                aria-current={c === kind ? "page" : undefined}
                className={cn(
                  "flex min-h-11 items-center whitespace-nowrap border-b-2 px-3 text-sm",
                  c === kind ? "border-brand-700 font-semibold text-brand-800" : "border-transparent text-brand-700 hover:bg-brand-50",
                )}
              >
                {t(`kinds.${c}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="grid items-start gap-6 md:grid-cols-[2fr_1fr]">
        <Card title={t("pendingTitle")}>
          <p className="text-3xl font-bold text-brand-800">{t("pendingCount", { count: data.pendingTotal })}</p>
          <p className="mt-2 text-sm text-slate-600">{t(k("pendingHint"))}</p>
        </Card>
        <Card title={t(k("run.title"))}>
          <p className="mb-3 text-sm text-slate-700">{t(k("run.body"))}</p>
          <ClientMessages namespaces={["rechecks.run", "rechecks.tenancy.run", "rechecks.validation"]}><RunRecheckButton year={currentYear} kind={kind} /></ClientMessages>
        </Card>
      </div>

      <section aria-labelledby="recheck-list-title" className="mt-8">
        <h2 id="recheck-list-title" className="mb-3 text-lg font-semibold">
          {t("listTitle")}
        </h2>
        <nav aria-label={t("viewsLabel")} className="mb-4 -mx-1 overflow-x-auto">
          <ul className="flex gap-1">
            {RECHECK_VIEWS.map((v) => (
              <li key={v}>
                <Link
                  href={href(filter, { view: v, page: undefined })}
                  aria-current={v === view ? "page" : undefined}
                  className={cn(
                    "flex min-h-11 items-center whitespace-nowrap rounded-md px-3 text-sm",
                    v === view ? "bg-brand-700 font-semibold text-white" : "text-brand-700 hover:bg-brand-50",
                  )}
                >
                  {viewLabel(v)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
          {tenancy ? <input type="hidden" name="kind" value={kind} /> : null}
          {view !== "PENDING" ? <input type="hidden" name="view" value={view} /> : null}
          <div className="flex flex-col gap-1.5">
            <label htmlFor="recheck-year" className="text-sm font-medium">{t("year")}</label>
            <select id="recheck-year" name="year" defaultValue={filter.year ? String(filter.year) : ""} className={control}>
              <option value="">{t("allYears")}</option>
              {data.years.map((y) => (
                <option key={y} value={y}>{y}</option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="recheck-q" className="text-sm font-medium">{t("search")}</label>
            <input id="recheck-q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder={t(k("searchPlaceholder"))} className={control} />
          </div>
          <button type="submit" className={buttonClasses("secondary")}>{t("apply")}</button>
        </form>
        {data.items.length === 0 ? (
          <EmptyState title={view === "PENDING" ? t(k("emptyPending")) : t("empty")} body={view === "PENDING" ? t(k("emptyPendingBody")) : undefined} />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {data.items.map((row) => {
              const app = row.qualification?.application ?? row.lease?.application;
              const v = recheckView(row);
              return (
                <li key={row.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <Link href={`/staff/rechecks/${row.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {app?.applicantName ?? "—"} · {row.lease?.leaseNo ?? app?.applicationNo ?? "—"}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {t(k("rowMeta"), { year: row.year, date: format.dateTime(row.createdAt, { dateStyle: "medium" }) })}
                    </p>
                    {row.reasons && v !== "PASSED" ? <p className="mt-1 text-sm text-slate-800">{row.reasons}</p> : null}
                  </div>
                  <RecheckStatusBadge view={v} label={viewLabel(v)} />
                </li>
              );
            })}
          </ul>
        )}
        <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(p) => href(filter, { page: p })} />
      </section>
    </Container>
  );
}
