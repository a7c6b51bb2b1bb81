import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { PlanListItem } from "@/lib/allocation/plans";
import type { PublicPlan } from "@/lib/allocation/public-plans";
import { formatDm2, formatFen, formatPercentBp } from "@/lib/money/format";
import { PlanFacts } from "./plan-facts";

/** The published allocation plans (Art. 23). */
export async function PublicPlanList({ data }: { data: { items: PlanListItem[]; page: number; pageCount: number } }) {
  const t = await getTranslations("allocation.public");
  const plan = await getTranslations("allocation.plan");
  const format = await getFormatter();
  const directed = await getTranslations("allocation.directed.public");
  const lists = await getTranslations("allocation.waitingList.public");
  return (
    <Container>
      <PageHeader
        title={t("title")}
        description={
          <>
            <p>{t("intro")}</p>
            <p className="mt-2 flex flex-wrap gap-4 text-sm">
              <Link href="/waiting-lists" className="text-brand-700 underline">{lists("title")}</Link>
              <Link href="/directed" className="text-brand-700 underline">{directed("link")}</Link>
            </p>
          </>
        }
      />
      {data.items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {data.items.map((p) => (
            <li key={p.id} className="flex flex-col gap-1 p-4" data-plan={p.id}>
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/plans/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {p.title}
                </Link>
                {p.status === "WITHDRAWN" ? <Badge tone="danger">{plan("status.WITHDRAWN")}</Badge> : null}
              </p>
              <p className="text-sm text-slate-600">
                {p.estateName} · {p.districtName} · {plan(`methods.${p.method}`)} · {plan("unitCount", { count: p.unitCount })}
                {p.publishedAt ? ` · ${t("publishedOn", { date: format.dateTime(p.publishedAt, { dateStyle: "medium" }) })}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(p) => `/plans${p > 1 ? `?page=${p}` : ""}`} />
    </Container>
  );
}

/** One published plan: what it announces, the units it offers, its draws; a withdrawn one with its reason. */
export async function PublicPlanPage({ plan }: { plan: PublicPlan }) {
  const t = await getTranslations("allocation.public");
  const p = await getTranslations("allocation.plan");
  const pool = await getTranslations("allocation.pool");
  const stock = await getTranslations("stock");
  const format = await getFormatter();
  const locale = await getLocale();
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/plans" className="text-brand-700 underline-offset-2 hover:underline">← {t("title")}</Link>
      </p>
      <PageHeader title={plan.title} description={<p>{plan.estate.name} · {plan.estate.districtName} · {p(`methods.${plan.method}`)}</p>} />
      {plan.status === "WITHDRAWN" ? (
        <Alert tone="warning" className="mb-6">
          {t("withdrawn", { date: plan.withdrawnAt ? format.dateTime(plan.withdrawnAt, { dateStyle: "medium" }) : "", reason: plan.withdrawReason ?? "" })}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-6">
        <Card title={p("facts")}>
          <PlanFacts plan={plan} first={{ label: t("address"), value: plan.estate.address }} />
        </Card>
        {plan.draws.length > 0 ? (
          <Card title={t("draws")}>
            <ul className="flex flex-col gap-2" data-testid="public-draws">
              {plan.draws.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center gap-2">
                  <span>{pool("label", { type: stock(`unitType.${d.unitType}`), units: d.units })}</span>
                  <Badge tone={d.status === "DRAWN" ? "success" : d.status === "CANCELLED" ? "danger" : "warning"}>{pool(`status.${d.status}`)}</Badge>
                  <span className="text-sm text-slate-600">{t("entrants", { count: d.entrantCount, units: d.units })}</span>
                  {d.winners !== null && d.entrantCount > 0 ? (
                    <span className="text-sm text-slate-800" data-testid="draw-rate">{t("rate", { rate: formatPercentBp(Math.floor((d.winners * 10_000) / d.entrantCount), locale) })}</span>
                  ) : null}
                  <Link href={`/lotteries/${d.id}`} className="font-medium text-brand-700 underline">{pool("publicPage")}</Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card title={p("unitsTitle", { count: plan.units.length })}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="public-plan-units">
              <thead className="border-b border-slate-300 text-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">{t("unit")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{stock("unit.unitType")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{stock("unit.area")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{stock("unit.orientation")}</th>
                  <th scope="col" className="py-2 pr-3 font-medium">{stock("unit.standardRent")}</th>
                  <th scope="col" className="py-2 font-medium">{t("availability")}</th>
                </tr>
              </thead>
              <tbody>
                {plan.units.map((u) => (
                  <tr key={u.id} className="border-b border-slate-100">
                    <th scope="row" className="py-2 pr-3 font-medium">{t("unitValue", { building: u.building, unitNo: u.unitNo, floor: u.floor })}</th>
                    <td className="py-2 pr-3">{stock(`unitType.${u.unitType}`)}</td>
                    <td className="py-2 pr-3 tabular-nums">{stock("unit.areaValue", { area: formatDm2(u.floorAreaDm2, locale) })}</td>
                    <td className="py-2 pr-3">{u.orientation ? stock(`orientation.${u.orientation}`) : "—"}</td>
                    <td className="py-2 pr-3 tabular-nums">{stock("unit.yuanValue", { amount: formatFen(u.standardRentFen, locale) })}</td>
                    <td className="py-2">{plan.status === "PUBLISHED" ? (u.available ? t("available") : t("taken")) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </Container>
  );
}
