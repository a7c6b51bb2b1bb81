import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { formatInstantDate, queryString } from "@/components/ui/format";
import { loose } from "@/components/ui/loose";
import { Badge } from "@/components/ui/badge";
import type { AppealListPage } from "@/lib/appeals/appeals";
import type { AppealFilter } from "@/lib/appeals/schemas";

/** Municipal officers' list of appeals (Art. 19), with filters and pages. */
export async function AppealsList({
  page,
  filter,
  districts,
}: {
  page: AppealListPage;
  filter: AppealFilter;
  districts: Array<{ code: string; name: string; nameEn: string }>;
}) {
  const t = await getTranslations("appeals");
  const tl = loose(t);
  const review = loose(await getTranslations("review"));
  const locale = await getLocale();
  const params = { status: filter.status, district: filter.district, q: filter.q };
  const isFiltered = Object.values(params).some(Boolean);
  return (
    <Container>
      <PageHeader title={t("staff.title")} description={<p>{t("staff.description")}</p>} />
      <Card className="mb-6">
        <form method="get" action="/staff/appeals" className="grid gap-4 sm:grid-cols-3">
          <div className="sm:col-span-3">
            <TextField name="q" type="search" label={t("staff.search")} defaultValue={filter.q ?? ""} maxLength={50} autoComplete="off" />
          </div>
          <SelectField
            name="status"
            label={t("staff.status")}
            placeholder={t("staff.allStatuses")}
            options={[
              { value: "pending", label: t("staff.pending") },
              { value: "decided", label: t("staff.decided") },
            ]}
            defaultValue={filter.status ?? ""}
          />
          <SelectField
            name="district"
            label={t("staff.district")}
            placeholder={t("staff.allDistricts")}
            options={districts.map((d) => ({ value: d.code, label: locale === "en" ? d.nameEn : d.name }))}
            defaultValue={filter.district ?? ""}
          />
          <div className="flex flex-wrap items-end gap-3">
            <button type="submit" className={buttonClasses("primary")}>
              {t("staff.filter")}
            </button>
            {isFiltered ? (
              <Link href="/staff/appeals" className={buttonClasses("ghost")}>
                {t("staff.reset")}
              </Link>
            ) : null}
          </div>
        </form>
      </Card>
      <p className="mb-3 text-sm text-slate-700" role="status">
        {t("staff.count", { total: page.total })}
      </p>
      {page.items.length === 0 ? (
        <EmptyState title={t("staff.empty")} body={t("staff.emptyBody")} />
      ) : (
        <ul className="flex flex-col gap-3">
          {page.items.map((a) => (
            <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <Link href={`/staff/appeals/${a.id}`} className="text-lg font-semibold text-brand-800 underline-offset-2 hover:underline">
                      {a.applicationNo}
                    </Link>
                    <Badge tone={a.status === "DECIDED" ? "neutral" : "warning"}>{tl(`status.${a.status}`)}</Badge>
                    {a.decision ? <Badge tone={a.decision === "UPHELD_REJECTION" ? "danger" : "success"}>{tl(`decision.${a.decision}`)}</Badge> : null}
                  </p>
                  <p className="mt-1 text-slate-800">
                    {a.applicantName} <span className="font-mono text-sm text-slate-600">{a.maskedResidentId}</span>
                  </p>
                  <p className="mt-1 text-sm text-slate-600">
                    {locale === "en" ? a.districtNameEn : a.districtName} · {t("staff.appealed", { status: review(`status.${a.appealedStatus}`) })} ·{" "}
                    {t("staff.lodged", { date: formatInstantDate(a.lodgedAt) })}
                  </p>
                </div>
                <Link href={`/staff/appeals/${a.id}`} className={buttonClasses(a.status === "DECIDED" ? "secondary" : "primary", "shrink-0")}>
                  {t("staff.open")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(p) => `/staff/appeals${queryString({ ...params, page: p })}`} />
    </Container>
  );
}
