import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { queryString } from "@/components/ui/format";
import { formatIsoDate } from "@/lib/applications/format";
import { fenAsYuanNumber, formatFen } from "@/lib/money/format";
import { ARREARS_BUCKETS, type ArrearsQuery } from "@/lib/tenancy/arrears-query";
import type { ArrearsList } from "@/lib/tenancy/arrears";
import { ArrearsChart } from "./arrears-chart";

// The officers' arrears by age (Art. 29, 39): totals per age bucket, the chart, the leases in
// arrears with the six-month flag of Art. 39 and a link to each lease's page (where the vacate
// order is issued), and the XLSX export of the same list.

type District = { code: string; name: string; nameEn: string };

function filterParams(query: ArrearsQuery): Record<string, string | undefined> {
  return { q: query.q, bucket: query.bucket, six: query.six ? "1" : undefined, district: query.district };
}

export async function StaffArrearsPage({ list, query, districts }: { list: ArrearsList; query: ArrearsQuery; districts: District[] | null }) {
  const t = await getTranslations("arrears");
  const locale = await getLocale();
  const l = locale === "en" ? "en" : "zh-CN";
  const yuan = (fen: number) => formatFen(fen, locale);
  const filtered = Boolean(query.q || query.bucket || query.six || query.district);
  const params = filterParams(query);
  const bars = ARREARS_BUCKETS.map((b) => ({
    key: b,
    label: t(`bucket.${b}`),
    yuan: fenAsYuanNumber(list.totals.buckets[b].fen),
    amountText: yuan(list.totals.buckets[b].fen),
    leases: list.totals.buckets[b].leases,
  }));
  return (
    <Container>
      <PageHeader title={t("title")} description={<><p>{t("intro")}</p><p className="mt-1 text-sm text-slate-600">{t("asOf", { date: formatIsoDate(list.today, l) })}</p></>} />
      <ul className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="arrears-totals">
        <Tile label={t("tiles.all")} leases={t("tiles.leases", { count: list.totals.all.leases })} amount={t("tiles.amount", { amount: yuan(list.totals.all.fen) })} href={`/staff/arrears${queryString({ ...params, bucket: undefined, six: undefined })}`} />
        <Tile label={t("tiles.sixMonths")} leases={t("tiles.leases", { count: list.totals.sixMonths.leases })} amount={t("tiles.amount", { amount: yuan(list.totals.sixMonths.fen) })} href={`/staff/arrears${queryString({ ...params, bucket: undefined, six: "1" })}`} alert={list.totals.sixMonths.leases > 0} testId="arrears-tile-six" />
        {ARREARS_BUCKETS.map((b) => (
          <Tile key={b} label={t(`bucket.${b}`)} leases={t("tiles.leases", { count: list.totals.buckets[b].leases })} amount={t("tiles.amount", { amount: yuan(list.totals.buckets[b].fen) })} href={`/staff/arrears${queryString({ ...params, bucket: b, six: undefined })}`} testId={`arrears-tile-${b}`} />
        ))}
      </ul>
      <div className="flex min-w-0 flex-col gap-6">
        <Card title={t("chart.title")} className="min-w-0">
          <ArrearsChart bars={bars} title={t("chart.title")} amountLabel={t("chart.amount")} leasesLabel={t("chart.leases")} />
        </Card>
        <Card title={t("table.caption")} className="min-w-0">
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
            <label className="flex min-w-0 flex-col text-sm">
              <span className="text-slate-700">{t("filter.search")}</span>
              <input name="q" defaultValue={query.q ?? ""} placeholder={t("filter.searchHint")} className="mt-1 w-72 max-w-full rounded-md border border-slate-300 px-3 py-2" />
            </label>
            <label className="flex flex-col text-sm">
              <span className="text-slate-700">{t("filter.bucket")}</span>
              <select name="bucket" defaultValue={query.bucket ?? ""} className="mt-1 rounded-md border border-slate-300 px-3 py-2">
                <option value="">{t("filter.allBuckets")}</option>
                {ARREARS_BUCKETS.map((b) => (
                  <option key={b} value={b}>{t(`bucket.${b}`)}</option>
                ))}
              </select>
            </label>
            {districts ? (
              <label className="flex flex-col text-sm">
                <span className="text-slate-700">{t("filter.district")}</span>
                <select name="district" defaultValue={query.district ?? ""} className="mt-1 rounded-md border border-slate-300 px-3 py-2">
                  <option value="">{t("filter.allDistricts")}</option>
                  {districts.map((d) => (
                    <option key={d.code} value={d.code}>{l === "en" ? d.nameEn : d.name}</option>
                  ))}
                </select>
              </label>
            ) : null}
            <label className="flex items-center gap-2 py-2 text-sm">
              <input type="checkbox" name="six" value="1" defaultChecked={query.six} className="h-4 w-4" />
              <span className="text-slate-700">{t("filter.six")}</span>
            </label>
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white">{t("filter.submit")}</button>
            {/* A download, not a page: a plain link to the route, with the same filters. */}
            <a href={`/api/arrears/xlsx${queryString(params)}`} className="rounded-md border border-brand-700 px-4 py-2 font-medium text-brand-700" data-testid="arrears-xlsx" download>
              {t("filter.export")}
            </a>
          </form>
          {list.rows.length === 0 ? (
            <EmptyState title={filtered ? t("noMatch") : t("empty")} />
          ) : (
            <div className="min-w-0 overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="arrears-table">
                <thead className="border-b border-slate-300 whitespace-nowrap text-slate-700">
                  <tr>
                    <th scope="col" className="py-2 pr-3">{t("table.lease")}</th>
                    <th scope="col" className="py-2 pr-3">{t("table.tenant")}</th>
                    <th scope="col" className="py-2 pr-3">{t("table.unit")}</th>
                    <th scope="col" className="py-2 pr-3 text-right">{t("table.rent")}</th>
                    <th scope="col" className="py-2 pr-3 text-right">{t("table.overdue")}</th>
                    <th scope="col" className="py-2 pr-3 text-right">{t("table.lateFees")}</th>
                    <th scope="col" className="py-2 pr-3 text-right">{t("table.months")}</th>
                    <th scope="col" className="py-2 pr-3">{t("table.oldest")}</th>
                    <th scope="col" className="py-2 pr-3 text-right">{t("table.days")}</th>
                    <th scope="col" className="py-2 pr-3">{t("table.bucket")}</th>
                    <th scope="col" className="py-2 pr-3">{t("table.flag")}</th>
                    <th scope="col" className="py-2">{t("table.order")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {list.rows.map((r) => (
                    <tr key={r.leaseId} data-testid="arrears-row" data-lease-no={r.leaseNo}>
                      <td className="py-2 pr-3 whitespace-nowrap">
                        <Link href={`/staff/leases/${r.leaseNo}`} className="font-medium text-brand-700 underline">{r.leaseNo}</Link>
                      </td>
                      <td className="py-2 pr-3 whitespace-nowrap">{r.tenantName ?? "—"}</td>
                      <td className="min-w-40 py-2 pr-3">{r.unitLabel}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{yuan(r.monthlyRentFen)}</td>
                      <td className="py-2 pr-3 text-right font-medium tabular-nums">{yuan(r.overdueFen)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums" data-testid="late-fees">{yuan(r.lateFeesFen)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{r.months}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">{formatIsoDate(r.oldestDueDate, l)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{r.daysOverdue}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">{t(`bucket.${r.bucket}`)}</td>
                      <td className="py-2 pr-3">{r.sixMonths ? <Badge tone="danger">{t("table.sixMonths")}</Badge> : <span className="text-slate-600">{t("table.belowSix")}</span>}</td>
                      <td className="py-2">{r.openOrder ? <Badge tone="warning">{r.openOrder.orderNo ? t("table.orderOpen", { orderNo: r.openOrder.orderNo }) : t("table.orderNoNumber")}</Badge> : <span className="text-slate-600">{t("table.orderNone")}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="mt-2 text-sm text-slate-600">{t("count", { total: list.total })}</p>
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(p) => `/staff/arrears${queryString({ ...params, page: p })}`} />
        </Card>
      </div>
    </Container>
  );
}

function Tile({ label, leases, amount, href, alert = false, testId }: { label: string; leases: string; amount: string; href: string; alert?: boolean; testId?: string }) {
  return (
    <li data-testid={testId}>
      <Link href={href} className={`block h-full rounded-md border p-3 hover:border-brand-300 hover:bg-brand-50 ${alert ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}>
        <span className="block text-sm text-slate-700">{label}</span>
        <span className={`block text-2xl font-bold tabular-nums ${alert ? "text-accent-600" : "text-brand-800"}`}>{amount}</span>
        <span className="block text-sm text-slate-700">{leases}</span>
      </Link>
    </li>
  );
}
