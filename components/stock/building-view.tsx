import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatDm2 } from "@/lib/money/format";
import type { BuildingView as BuildingData } from "@/lib/stock/stock-service";
import { UNIT_STATUSES } from "@/lib/stock/unit-status";
import { UnitForm } from "./unit-form";
import { UNIT_STATUS_CELL } from "./unit-status-style";

/**
 * A building floor by floor, top floor first, each home a cell coloured and labelled by its status
 * (the label carries the meaning; colour supports it). On a phone the cells of a floor wrap.
 */
export async function BuildingView({ data }: { data: BuildingData }) {
  const t = await getTranslations("stock");
  const locale = await getLocale();
  const { estate, building } = data;
  const estateHref = `/staff/estates/${encodeURIComponent(estate.code)}`;
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href={estateHref} className="text-brand-700 underline-offset-2 hover:underline">← {t("building.back")}</Link>
      </p>
      <PageHeader title={t("building.title", { estate: estate.name, building: building.name })} description={building.floors ? <p>{t("estate.floors", { floors: building.floors })}</p> : undefined} />
      {data.canManage ? null : <Alert tone="info" className="mb-6">{estate.level === "MUNICIPAL" ? t("readOnlyMunicipal") : t("readOnlyDistrict")}</Alert>}
      <section aria-labelledby="legend-title" className="mb-4">
        <h2 id="legend-title" className="sr-only">{t("building.legend")}</h2>
        <ul className="flex flex-wrap gap-1.5 text-sm">
          {UNIT_STATUSES.map((s) => (
            <li key={s} className={cn("rounded border px-2 py-0.5", UNIT_STATUS_CELL[s])}>
              {t(`status.${s}`)} <span className="font-semibold tabular-nums">{data.counts[s]}</span>
            </li>
          ))}
        </ul>
      </section>
      {data.floors.length === 0 ? (
        <EmptyState title={t("building.empty")} body={data.canManage ? t("building.emptyBody") : undefined} />
      ) : (
        <ol className="flex flex-col gap-2" aria-label={building.name}>
          {data.floors.map((f) => (
            <li key={f.floor} className="flex items-start gap-2 sm:gap-3" data-floor={f.floor}>
              <span className="w-10 shrink-0 pt-2.5 text-right text-sm font-medium tabular-nums text-slate-700 sm:w-12">{t("building.floor", { floor: f.floor })}</span>
              <ul className="flex min-w-0 flex-1 flex-wrap gap-1.5">
                {f.units.map((u) => {
                  const area = formatDm2(u.floorAreaDm2, locale);
                  return (
                    <li key={u.id}>
                      <Link
                        href={`/staff/units/${u.id}`}
                        aria-label={t("building.unitLabel", { unitNo: u.unitNo, type: t(`unitType.${u.unitType}`), area, status: t(`status.${u.status}`) })}
                        className={cn("flex min-h-11 w-16 flex-col rounded border-2 px-1.5 py-1 leading-tight hover:ring-2 hover:ring-brand-600 focus-visible:ring-2 sm:w-24", UNIT_STATUS_CELL[u.status])}
                        data-unit={u.unitNo}
                        data-status={u.status}
                      >
                        <span className="text-sm font-semibold tabular-nums">{u.unitNo}</span>
                        <span className="text-xs">{t(`statusShort.${u.status}`)}</span>
                        <span className="text-xs tabular-nums">{area}㎡</span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {data.canManage ? (
        <Card title={t("addUnit.title")} className="mt-8">
          <p className="mb-4 text-sm text-slate-700">{t("addUnit.intro")}</p>
          <ClientMessages namespaces={["stock.addUnit", "stock.editUnit", "stock.fields", "stock.unitType", "stock.orientation"]}>
            <UnitForm buildingId={building.id} />
          </ClientMessages>
        </Card>
      ) : null}
    </Container>
  );
}
