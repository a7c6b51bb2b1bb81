import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { CHONGQING_DISTRICTS } from "@/lib/reference/districts";
import { ESTATE_LEVELS, type EstateFilter } from "@/lib/stock/schemas";
import type { EstatePage } from "@/lib/stock/stock-service";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card } from "@/components/ui/card";
import { EstateForm } from "./estate-form";
import { StatusCounts } from "./status-counts";

function href(filter: EstateFilter, changes: Partial<EstateFilter>): string {
  const merged = { ...filter, ...changes };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  if (merged.district) params.set("district", merged.district);
  if (merged.level) params.set("level", merged.level);
  if (merged.page && merged.page > 1) params.set("page", String(merged.page));
  const s = params.toString();
  return `/staff/estates${s ? `?${s}` : ""}`;
}

/** The estates in the officer's reach, searchable and filtered by district (municipal officers) and level. */
export async function EstateList({
  data,
  filter,
  cityWide,
  creates,
}: {
  data: EstatePage;
  filter: EstateFilter;
  cityWide: boolean;
  /** The level of estate the officer may add, and the districts they may add it in; null: none. */
  creates: { level: "MUNICIPAL" | "DISTRICT"; districts: Array<{ value: string; label: string }> } | null;
}) {
  const t = await getTranslations("stock");
  const control = "block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";
  return (
    <Container>
      <PageHeader title={t("title")} description={<p>{t("intro")}</p>} />
      <form method="get" className={`mb-4 grid gap-3 sm:items-end ${cityWide ? "sm:grid-cols-[2fr_1fr_1fr_auto]" : "sm:grid-cols-[2fr_1fr_auto]"}`}>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="estate-q" className="text-sm font-medium">{t("search")}</label>
          <input id="estate-q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder={t("searchPlaceholder")} className={control} />
        </div>
        {cityWide ? (
          <div className="flex flex-col gap-1.5">
            <label htmlFor="estate-district" className="text-sm font-medium">{t("district")}</label>
            <select id="estate-district" name="district" defaultValue={filter.district ?? ""} className={control}>
              <option value="">{t("allDistricts")}</option>
              {CHONGQING_DISTRICTS.map((d) => (
                <option key={d.code} value={d.code}>{d.name}</option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex flex-col gap-1.5">
          <label htmlFor="estate-level" className="text-sm font-medium">{t("level")}</label>
          <select id="estate-level" name="level" defaultValue={filter.level ?? ""} className={control}>
            <option value="">{t("allLevels")}</option>
            {ESTATE_LEVELS.map((l) => (
              <option key={l} value={l}>{t(`levels.${l}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>{t("apply")}</button>
      </form>
      <p className="mb-3 text-sm text-slate-700" aria-live="polite">{t("resultCount", { count: data.total })}</p>
      {data.items.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyBody")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {data.items.map((e) => (
            <li key={e.id} className="flex flex-col gap-2 p-4" data-estate={e.code}>
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/staff/estates/${encodeURIComponent(e.code)}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {e.name}
                </Link>
                <span className="text-sm text-slate-600">{e.code}</span>
                <Badge tone={e.level === "MUNICIPAL" ? "info" : "neutral"}>{t(`levels.${e.level}`)}</Badge>
                {e.canManage ? <Badge tone="success">{t("manageable")}</Badge> : null}
              </div>
              <p className="text-sm text-slate-700">
                {e.districtName} · {e.address} · {t("buildingsAndUnits", { buildings: e.buildingCount, units: e.unitCount })}
              </p>
              <StatusCounts counts={e.counts} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(p) => href(filter, { page: p })} />
      {creates ? (
        <Card title={t("createEstate.title")} className="mt-8">
          <p className="mb-4 text-sm text-slate-700">{creates.level === "MUNICIPAL" ? t("createEstate.introMunicipal") : t("createEstate.introDistrict")}</p>
          <ClientMessages namespaces={["stock.createEstate", "stock.editEstate", "stock.estateFields", "stock.stockSource", "stock.investment"]}>
            <EstateForm districts={creates.districts} />
          </ClientMessages>
        </Card>
      ) : null}
    </Container>
  );
}
