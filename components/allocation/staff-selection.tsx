import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { StatTile } from "@/components/ui/stat-tile";
import { formatIsoDate } from "@/lib/applications/format";
import type { StaffSelection } from "@/lib/allocation/selection-reads";
import { formatDm2 } from "@/lib/money/format";
import { AssignUnit, OpenSelection } from "./selection-forms";
import { SelectionUnits } from "./selection-units";

/** A drawn pool's unit selection for the district's officers: turns, offers, units left, and the steps. */
export async function StaffSelectionPage({ data }: { data: StaffSelection }) {
  const t = await getTranslations("allocation.selection");
  const stock = await getTranslations("stock");
  const format = await getFormatter();
  const locale = await getLocale();
  const lang = locale === "en" ? "en" : "zh-CN";
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const { draw, counts } = data;
  const self = `/staff/draws/${encodeURIComponent(draw.drawId)}`;
  const units = data.buildings.flatMap((b) => b.floors.flatMap((f) => f.units.filter((u) => u.status === "RESERVED").map((u) => ({ value: u.id, label: `${b.name}${u.unitNo}（${formatDm2(u.floorAreaDm2, locale)}㎡）` }))));
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href={`/staff/plans/${encodeURIComponent(draw.planId)}`} className="text-brand-700 underline-offset-2 hover:underline">← {draw.planTitle}</Link>
      </p>
      <PageHeader title={t("staff.title", { estate: draw.estateName, type: stock(`unitType.${draw.unitType}`) })} description={<p>{t("mine.poolSize", { entrants: draw.entrantCount, units: draw.units })}</p>} />
      {!draw.drawn ? <Alert tone="info" className="mb-6">{t("staff.notDrawn")}</Alert> : null}
      <ul className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("staff.figures")}>
        <StatTile label={t("staff.available")} value={counts.available} />
        <StatTile label={t("staff.offered")} value={counts.offered} />
        <StatTile label={t("staff.open")} value={counts.open} />
        <StatTile label={t("staff.picked")} value={counts.picked} />
        <StatTile label={t("staff.declined")} value={counts.declined} />
        <StatTile label={t("staff.missed")} value={counts.missed} />
      </ul>
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-6">
          {draw.selection ? (
            <Card title={t("staff.settings")}>
              <Facts
                items={[
                  { label: t("staff.openedAt"), value: at(draw.selection.openedAt) },
                  { label: t("open.windowHours"), value: t("staff.hours", { hours: draw.selection.windowHours }) },
                  { label: t("open.parallel"), value: draw.selection.parallel },
                  { label: t("open.acceptDays"), value: t("staff.days", { days: draw.selection.acceptDays }) },
                ]}
              />
            </Card>
          ) : draw.drawn && data.canManage ? (
            <Card title={t("open.title")}>
              <p className="mb-4 text-sm text-slate-700">{t("open.intro")}</p>
              <ClientMessages namespaces={["allocation.selection", "allocation.validation"]}>
                <OpenSelection drawId={draw.drawId} />
              </ClientMessages>
            </Card>
          ) : null}
          <Card title={t("staff.offersTitle")}>
            {data.offers.length === 0 ? (
              <p className="text-slate-700">{t("staff.noOffers")}</p>
            ) : (
              <ul className="flex flex-col gap-3" data-testid="staff-offers">
                {data.offers.map((o) => (
                  <li key={o.id} className="rounded-md border border-slate-200 p-3 text-sm" data-offer-status={o.status}>
                    <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                      {o.unit.building}{o.unit.unitNo} · {o.applicationNo} {o.applicantName ?? ""}
                      <Badge tone={o.status === "ACCEPTED" ? "success" : o.status === "PENDING" ? "warning" : "neutral"}>{t(`offerStatus.${o.status}`)}</Badge>
                    </p>
                    <p className="text-slate-700">
                      {o.rank !== null ? t("staff.rank", { rank: o.rank }) : ""} · {t("staff.due", { date: formatIsoDate(o.responseDueDate, lang) })}
                    </p>
                    {o.assignReason ? <p className="text-slate-700">{t("staff.assignedBecause", { reason: o.assignReason })}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("staff.entrantsTitle")}>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="border-b border-slate-300 text-slate-700">
                  <tr>
                    <th scope="col" className="py-2 pr-3">{t("staff.rankColumn")}</th>
                    <th scope="col" className="py-2 pr-3">{t("mine.applicationNo")}</th>
                    <th scope="col" className="py-2 pr-3">{t("staff.applicant")}</th>
                    <th scope="col" className="py-2 pr-3">{t("mine.result")}</th>
                    <th scope="col" className="py-2">{t("staff.turn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.entrants.items.map((e) => (
                    <tr key={e.id} className="border-b border-slate-100" data-entrant={e.applicationNo} data-turn={e.turnStatus ?? "NONE"}>
                      <td className="py-2 pr-3 tabular-nums">{e.rank ?? "—"}</td>
                      <td className="whitespace-nowrap py-2 pr-3 font-mono">{e.applicationNo}</td>
                      <td className="py-2 pr-3">{e.applicantName ?? "—"}</td>
                      <td className="py-2 pr-3">{e.outcome ? t(`outcome.${e.outcome}`) : "—"}</td>
                      <td className="py-2">{e.turnStatus ? t(`turnStatus.${e.turnStatus}`) : t("turnStatus.NONE")}{e.turnStatus === "OPEN" && e.turnClosesAt ? ` · ${t("staff.until", { at: at(e.turnClosesAt) })}` : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={data.entrants.page} pageCount={data.entrants.pages} hrefFor={(p) => `${self}?page=${p}`} />
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          {data.canManage && draw.selection ? (
            <Card title={t("assign.title")}>
              {data.openTurns.length > 0 && units.length > 0 ? (
                <>
                  <p className="mb-4 text-sm text-slate-700">{t("assign.intro")}</p>
                  <ClientMessages namespaces={["allocation.selection", "allocation.validation"]}>
                    <AssignUnit drawId={draw.drawId} households={data.openTurns.map((e) => ({ value: e.id, label: `${e.rank ?? ""}. ${e.applicationNo} ${e.applicantName ?? ""}` }))} units={units} />
                  </ClientMessages>
                </>
              ) : (
                <p className="text-slate-700">{t("assign.nobody")}</p>
              )}
            </Card>
          ) : null}
          <Card title={t("units.title", { available: counts.available })}>
            {data.buildings.length === 0 ? <EmptyState title={t("units.none")} /> : <SelectionUnits buildings={data.buildings} />}
          </Card>
        </div>
      </div>
    </Container>
  );
}
