import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { queryString } from "@/components/ui/format";
import { Badge } from "@/components/ui/badge";
import type { BatchPage } from "@/lib/publicity/batches";

/** The public list of publicity batches (Art. 19), current first, filterable by district. */
export async function PublicBatchList({
  page,
  district,
  districts,
}: {
  page: BatchPage;
  district?: string;
  districts: Array<{ code: string; name: string; nameEn: string }>;
}) {
  const t = await getTranslations("publicity");
  const locale = await getLocale();
  return (
    <Container>
      <PageHeader title={t("public.title")} description={<p>{t("public.description")}</p>} />
      <form method="get" action="/publicity" className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="sm:w-64">
          <SelectField
            name="district"
            label={t("public.district")}
            placeholder={t("public.allDistricts")}
            options={districts.map((d) => ({ value: d.code, label: locale === "en" ? d.nameEn : d.name }))}
            defaultValue={district ?? ""}
          />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("public.filter")}
        </button>
      </form>
      {page.items.length === 0 ? (
        <EmptyState title={t("public.empty")} body={t("public.emptyBody")} />
      ) : (
        <ul className="flex flex-col gap-3">
          {page.items.map((b) => (
            <li key={b.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <h2 className="text-lg font-semibold text-slate-900">
                    <Link href={`/publicity/${b.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                      {b.title}
                    </Link>
                  </h2>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                    <Badge tone={b.isOpen ? "success" : "neutral"}>{b.isOpen ? t("status.PUBLISHED") : t("periodEnded")}</Badge>
                    <span>{locale === "en" ? b.districtNameEn : b.districtName}</span>
                    <span>· {t("public.period", { start: b.firstDay, end: b.endDate })}</span>
                    <span>· {t("public.entryCount", { count: b.entryCount })}</span>
                  </p>
                </div>
                <Link href={`/publicity/${b.id}`} className={buttonClasses("secondary", "shrink-0")}>
                  {t("public.open")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(p) => `/publicity${queryString({ district, page: p })}`} />
    </Container>
  );
}
