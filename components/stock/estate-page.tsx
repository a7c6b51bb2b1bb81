import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import type { EstateDetail } from "@/lib/stock/stock-service";
import { UnitImportForm } from "./unit-import-form";
import { AddBuildingForm } from "./add-building-form";
import { EstateForm } from "./estate-form";
import { StatusCounts } from "./status-counts";

/** One estate: its facts, its homes by status, its buildings; officers who manage it add buildings. */
export async function EstatePage({ estate }: { estate: EstateDetail }) {
  const t = await getTranslations("stock");
  const plans = await getTranslations("allocation.plan");
  const none = t("unit.none");
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/staff/estates" className="text-brand-700 underline-offset-2 hover:underline">← {t("estate.back")}</Link>
      </p>
      <PageHeader
        title={estate.name}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <span>{estate.code}</span>
            <Badge tone={estate.level === "MUNICIPAL" ? "info" : "neutral"}>{t(`levels.${estate.level}`)}</Badge>
            {estate.isActive ? null : <Badge tone="warning">{t("estate.inactive")}</Badge>}
          </p>
        }
      />
      {estate.canManage ? (
        <p className="mb-6">
          <Link href={`/staff/estates/${encodeURIComponent(estate.code)}/plans/new`} className={buttonClasses("secondary")}>
            {plans("newFromEstate")}
          </Link>
        </p>
      ) : (
        <Alert tone="info" className="mb-6">{estate.level === "MUNICIPAL" ? t("readOnlyMunicipal") : t("readOnlyDistrict")}</Alert>
      )}
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <Card title={t("estate.facts")}>
          <Facts
            items={[
              { label: t("estate.district"), value: estate.districtName },
              { label: t("estate.address"), value: estate.address },
              { label: t("estate.stockSource"), value: t(`stockSource.${estate.stockSource}`) },
              { label: t("estate.investment"), value: t(`investment.${estate.investment}`) },
              { label: t("estate.owner"), value: estate.ownerName },
              { label: t("estate.operator"), value: estate.operatorName },
              { label: t("estate.elderlyCare"), value: estate.elderlyCareServices ?? none },
              { label: t("estate.childCare"), value: estate.childCareServices ?? none },
            ]}
          />
        </Card>
        <Card title={t("estate.summary")}>
          <p className="mb-3 text-sm text-slate-700">{t("buildingsAndUnits", { buildings: estate.buildings.length, units: estate.unitCount })}</p>
          <StatusCounts counts={estate.counts} />
        </Card>
      </div>
      <section aria-labelledby="buildings-title" className="mt-8">
        <h2 id="buildings-title" className="mb-3 text-lg font-semibold">{t("estate.buildings")}</h2>
        {estate.buildings.length === 0 ? (
          <EmptyState title={t("estate.noBuildings")} body={estate.canManage ? t("estate.noBuildingsBody") : undefined} />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {estate.buildings.map((b) => (
              <li key={b.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-building={b.name}>
                <Link href={`/staff/estates/${encodeURIComponent(estate.code)}/buildings/${b.id}`} className="text-base font-semibold text-brand-700 underline-offset-2 hover:underline">
                  {b.name}
                </Link>
                <p className="text-sm text-slate-700">
                  {b.floors ? `${t("estate.floors", { floors: b.floors })} · ` : ""}
                  {t("estate.unitCount", { count: b.unitCount })}
                </p>
                <StatusCounts counts={b.counts} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {estate.canManage ? (
        <div className="mt-8 grid items-start gap-6 lg:grid-cols-2">
          <Card title={t("addBuilding.title")}>
            <ClientMessages namespaces={["stock.addBuilding", "stock.fields"]}>
              <AddBuildingForm estateId={estate.id} estateCode={estate.code} />
            </ClientMessages>
          </Card>
          <Card title={t("import.title")} id="import-units">
            <p className="mb-4 text-sm text-slate-700">{t("import.intro")}</p>
            <ClientMessages namespaces={["stock.import"]}>
              <UnitImportForm estateId={estate.id} />
            </ClientMessages>
          </Card>
          <Card title={t("editEstate.title")}>
            <ClientMessages namespaces={["stock.createEstate", "stock.editEstate", "stock.estateFields", "stock.stockSource", "stock.investment"]}>
              <EstateForm
                estateId={estate.id}
                values={{
                  name: estate.name,
                  nameEn: estate.nameEn ?? "",
                  stockSource: estate.stockSource,
                  investment: estate.investment,
                  ownerName: estate.ownerName,
                  operatorName: estate.operatorName,
                  address: estate.address,
                  elderlyCareServices: estate.elderlyCareServices ?? "",
                  childCareServices: estate.childCareServices ?? "",
                }}
              />
            </ClientMessages>
          </Card>
        </div>
      ) : null}
    </Container>
  );
}
