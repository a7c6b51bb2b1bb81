import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { QueuePage } from "@/lib/review/queue";
import { QUEUE_STAGES, type QueueFilter } from "@/lib/review/schemas";
import { formatInstantDate, queryString } from "@/components/ui/format";
import { loose } from "@/components/ui/loose";
import { Badge } from "@/components/ui/badge";

/** The district queue: filters, then the applications earliest due first, overdue in red. */
export async function ReviewQueue({
  page,
  filter,
  districts,
}: {
  page: QueuePage;
  filter: QueueFilter;
  /** Municipal officers choose a district; null for district officers. */
  districts: Array<{ code: string; name: string; nameEn: string }> | null;
}) {
  const locale = await getLocale();
  const t = await getTranslations("review");
  const tl = loose(t);
  const params = {
    q: filter.q,
    idq: filter.idq,
    stage: filter.stage,
    level: filter.level,
    priority: filter.priority,
    district: filter.district,
    overdue: filter.overdue,
  };
  const isFiltered = Object.values(params).some((v) => v !== undefined && v !== false && v !== "");

  return (
    <Container>
      <PageHeader title={t("queue.title")} description={<p>{t("queue.description")}</p>} actions={<ButtonLink href="/staff/review/conflicts" variant="secondary">{t("conflicts.link")}</ButtonLink>} />
      <Card title={t("queue.filtersTitle")} titleAs="h2" className="mb-6">
        {/* Posted, not a GET: a resident ID typed here is sealed by the server before it reaches an address. */}
        <form method="post" action="/api/staff/review-search" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div className="sm:col-span-2 lg:col-span-3">
            <TextField name="q" type="search" label={t("queue.search")} hint={t("queue.searchHint")} defaultValue={page.residentSearch?.state === "inAddress" ? "" : (filter.q ?? "")} maxLength={50} autoComplete="off" />
          </div>
          <SelectField
            name="stage"
            label={t("queue.stage")}
            placeholder={t("queue.allStages")}
            options={QUEUE_STAGES.map((s) => ({ value: s, label: tl(`stage.${s}`) }))}
            defaultValue={filter.stage ?? ""}
          />
          <SelectField
            name="level"
            label={t("queue.level")}
            placeholder={t("queue.allLevels")}
            options={(["MUNICIPAL", "DISTRICT"] as const).map((l) => ({ value: l, label: tl(`estateLevel.${l}`) }))}
            defaultValue={filter.level ?? ""}
          />
          <SelectField
            name="priority"
            label={t("queue.priority")}
            placeholder={t("queue.priorityAll")}
            options={[
              { value: "yes", label: t("queue.priorityYes") },
              { value: "no", label: t("queue.priorityNo") },
            ]}
            defaultValue={filter.priority ?? ""}
          />
          {districts ? (
            <SelectField
              name="district"
              label={t("queue.district")}
              placeholder={t("queue.allDistricts")}
              options={districts.map((d) => ({ value: d.code, label: locale === "en" ? d.nameEn : d.name }))}
              defaultValue={filter.district ?? ""}
            />
          ) : null}
          <label className="flex min-h-11 items-center gap-3 self-end">
            <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} className="size-5 accent-brand-700" />
            <span className="text-base text-slate-900">{t("queue.overdueOnly")}</span>
          </label>
          <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-3">
            <button type="submit" className={buttonClasses("primary")}>
              {t("queue.apply")}
            </button>
            {isFiltered ? (
              <Link href="/staff/review" className={buttonClasses("ghost")}>
                {t("queue.reset")}
              </Link>
            ) : null}
          </div>
        </form>
      </Card>

      {page.residentSearch ? (
        <p className="mb-3 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-800" data-testid="resident-search">
          {page.residentSearch.state === "sealed"
            ? t("queue.residentSearch.sealed", { id: page.residentSearch.masked })
            : t(`queue.residentSearch.${page.residentSearch.state}`)}
        </p>
      ) : null}
      <p className="mb-3 text-sm text-slate-700" role="status">
        {t("queue.count", { total: page.total })}
      </p>
      {page.items.length === 0 ? (
        <EmptyState title={t("queue.empty")} body={t("queue.emptyBody")} />
      ) : (
        <ul className="flex flex-col gap-3" aria-label={t("queue.title")}>
          {page.items.map((item) => {
            const overdue = item.daysOverdue > 0;
            const dueToday = item.dueDate === page.today;
            return (
              <li
                key={item.id}
                className={cn(
                  "rounded-lg border border-l-4 bg-white p-4 shadow-sm",
                  overdue ? "border-red-300 border-l-accent-600 bg-red-50/40" : "border-slate-200 border-l-brand-600",
                )}
                data-overdue={overdue || undefined}
              >
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2">
                      <Link href={`/staff/review/${encodeURIComponent(item.applicationNo)}`} className="text-lg font-semibold text-brand-800 underline-offset-2 hover:underline">
                        {item.applicationNo}
                      </Link>
                      <Badge tone="info">{tl(`stage.${item.status}`)}</Badge>
                      {item.isPriority ? <Badge tone="warning">{t("queue.priorityBadge")}</Badge> : null}
                      {item.precheckEligible === false ? <Badge tone="neutral">{t("queue.precheckFailed")}</Badge> : null}
                    </p>
                    <p className="mt-1 text-slate-800">
                      {item.applicantName} <span className="font-mono text-sm text-slate-600">{item.maskedResidentId}</span>
                    </p>
                    <p className="mt-1 text-sm text-slate-600">
                      {t("queue.household", { count: item.householdSize })} · {tl(`estateLevel.${item.estateLevel}`)}
                      {districts ? ` · ${locale === "en" ? item.districtNameEn : item.districtName}` : ""}
                      {item.submittedAt ? ` · ${t("queue.submittedOn", { date: formatInstantDate(item.submittedAt) })}` : ""}
                    </p>
                  </div>
                  <div className="shrink-0 text-left sm:text-right">
                    <p className="text-sm text-slate-600">{t("queue.due")}</p>
                    <p className={cn("text-base font-semibold", overdue ? "text-accent-600" : "text-slate-900")}>{item.dueDate ?? t("queue.noDue")}</p>
                    {overdue ? (
                      <Badge tone="danger" className="mt-1">
                        {t("queue.overdue", { days: item.daysOverdue })}
                      </Badge>
                    ) : dueToday ? (
                      <Badge tone="warning" className="mt-1">
                        {t("queue.dueToday")}
                      </Badge>
                    ) : null}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(p) => `/staff/review${queryString({ ...params, page: p })}`} />
    </Container>
  );
}
