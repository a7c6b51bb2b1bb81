import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { formatDm2, formatFen } from "@/lib/money/format";
import type { UnitDetail } from "@/lib/stock/stock-service";
import { ChangeStatusForm } from "./change-status-form";
import { UnitForm } from "./unit-form";
import { UNIT_STATUS_TONE } from "./unit-status-style";

/** One home: its facts, its status and why, the history of its statuses; its managers change them. */
export async function UnitPage({ unit, allocation }: { unit: UnitDetail; allocation?: ReactNode }) {
  const t = await getTranslations("stock");
  const format = await getFormatter();
  const locale = await getLocale();
  const none = t("unit.none");
  const title = t("unit.title", { building: unit.building.name, unitNo: unit.unitNo });
  const yuan = (fen: number) => t("unit.yuanValue", { amount: formatFen(fen, locale) });
  const plain = (fen: number) => formatFen(fen, locale).replace(/,/g, "");
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href={`/staff/estates/${encodeURIComponent(unit.estate.code)}/buildings/${unit.building.id}`} className="text-brand-700 underline-offset-2 hover:underline">
          ← {t("unit.back")}
        </Link>
      </p>
      <PageHeader title={title} description={<p>{unit.estate.name} · {unit.estate.code}</p>} />
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-6">
          <Card title={t("unit.status")}>
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={UNIT_STATUS_TONE[unit.status]}>{t(`status.${unit.status}`)}</Badge>
              <span className="text-sm text-slate-600">{t("unit.statusSince", { date: format.dateTime(unit.statusChangedAt, { dateStyle: "medium" }) })}</span>
            </p>
            {unit.statusReason ? <p className="mt-2 text-slate-800">{t("unit.statusReason", { reason: unit.statusReason })}</p> : null}
          </Card>
          <Card title={t("unit.facts")}>
            <Facts
              items={[
                { label: t("unit.estate"), value: unit.estate.name },
                { label: t("unit.building"), value: unit.building.name },
                { label: t("unit.unitNo"), value: unit.unitNo },
                { label: t("unit.floor"), value: unit.floor },
                { label: t("unit.unitType"), value: t(`unitType.${unit.unitType}`) },
                { label: t("unit.area"), value: t("unit.areaValue", { area: formatDm2(unit.floorAreaDm2, locale) }) },
                { label: t("unit.orientation"), value: unit.orientation ? t(`orientation.${unit.orientation}`) : none },
                { label: t("unit.marketRent"), value: yuan(unit.marketRentFen) },
                { label: t("unit.standardRent"), value: yuan(unit.standardRentFen) },
                { label: t("unit.structure"), value: unit.structure ?? none },
                { label: t("unit.fixtures"), value: unit.fixtures ?? none },
              ]}
            />
          </Card>
          <Card title={t("unit.history")}>
            <ol className="flex flex-col divide-y divide-slate-200" data-testid="unit-history">
              {unit.history.map((h) => (
                <li key={h.id} className="flex flex-col gap-0.5 py-3 first:pt-0 last:pb-0">
                  <p className="font-medium text-slate-900">
                    {h.fromStatus ? t("unit.historyEntry", { from: t(`status.${h.fromStatus}`), to: t(`status.${h.toStatus}`) }) : t("unit.historyFirst", { to: t(`status.${h.toStatus}`) })}
                  </p>
                  {h.reason ? <p className="text-slate-800">{h.reason}</p> : null}
                  <p className="text-sm text-slate-600">
                    {format.dateTime(h.at, { dateStyle: "medium", timeStyle: "short" })} · {t("unit.by", { name: h.actorName ?? t("unit.bySystem") })}
                  </p>
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          {allocation}
          {unit.canManage ? (
            <>
            <Card title={t("changeStatus.title")}>
              {unit.manualTargets.length === 0 ? (
                <Alert tone="info">{t("unit.held")}</Alert>
              ) : (
                <>
                  <p className="mb-4 text-sm text-slate-700">{t("changeStatus.intro")}</p>
                  <ClientMessages namespaces={["stock.changeStatus", "stock.status", "stock.validation"]}>
                    <ChangeStatusForm unitId={unit.id} unitLabel={title} fromStatus={unit.status} targets={unit.manualTargets} />
                  </ClientMessages>
                </>
              )}
            </Card>
            <Card title={t("editUnit.title")}>
              <ClientMessages namespaces={["stock.addUnit", "stock.editUnit", "stock.fields", "stock.unitType", "stock.orientation"]}>
                <UnitForm
                  unitId={unit.id}
                  values={{
                    unitNo: unit.unitNo,
                    floor: String(unit.floor),
                    unitType: unit.unitType,
                    floorAreaM2: formatDm2(unit.floorAreaDm2, locale).replace(/,/g, ""),
                    orientation: unit.orientation ?? "",
                    marketRentYuan: plain(unit.marketRentFen),
                    standardRentYuan: plain(unit.standardRentFen),
                    structure: unit.structure ?? "",
                    fixtures: unit.fixtures ?? "",
                  }}
                />
              </ClientMessages>
            </Card>
            </>
          ) : (
            <Alert tone="info">{unit.estate.level === "MUNICIPAL" ? t("readOnlyMunicipal") : t("readOnlyDistrict")}</Alert>
          )}
        </div>
      </div>
    </Container>
  );
}
