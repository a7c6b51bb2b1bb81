import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatFen } from "@/lib/money/format";
import type { FundRow } from "@/lib/repairs/maintenance-fund";
import { RecordFund } from "./fund-form";

// The maintenance fund report (Art. 35): per estate, the year's rent income, the least to set aside,
// what was set aside, and the shortfall flagged.

export async function MaintenanceFundPage({ rows, year, years, canRecord }: { rows: FundRow[]; year: number; years: number[]; canRecord: boolean }) {
  const t = await getTranslations("repairs.fund");
  const locale = await getLocale();
  return (
    <Container>
      <PageHeader title={t("title")} description={<p>{t("intro")}</p>} />
      {canRecord && rows.length > 0 ? (
        <Card title={t("record.title")} className="mb-6">
          <ClientMessages namespaces={["repairs.fund.record", "repairs.fund.validation"]}>
            <RecordFund estates={rows.map((r) => ({ id: r.estateId, name: r.estate }))} year={year} />
          </ClientMessages>
        </Card>
      ) : null}
      <Card>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <label className="flex min-w-0 flex-col text-sm">
            <span className="text-slate-700">{t("year")}</span>
            <select name="year" defaultValue={String(year)} className="mt-1 rounded-md border border-slate-300 px-3 py-2">
              {years.map((y) => (
                <option key={y} value={y}>{y}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white">{t("show")}</button>
        </form>
        {rows.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm" data-testid="fund-table">
              <thead className="border-b border-slate-300 text-slate-700">
                <tr>
                  <th className="py-2 pr-3 font-medium">{t("estate")}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t("income")}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t("required")}</th>
                  <th className="py-2 pr-3 text-right font-medium">{t("setAside")}</th>
                  <th className="py-2 font-medium">{t("shortfall")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.estateId} className={`border-b border-slate-200 ${r.shortfallFen > 0n ? "bg-red-50" : ""}`} data-testid="fund-row" data-short={r.shortfallFen > 0n ? "1" : undefined}>
                    <td className="py-2 pr-3 text-slate-900">{r.estate}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatFen(r.rentIncomeFen, locale)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatFen(r.requiredFen, locale)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatFen(r.setAsideFen, locale)}</td>
                    <td className="py-2">
                      {r.shortfallFen > 0n ? (
                        <span className="inline-flex flex-wrap items-center gap-2"><Badge tone="danger">{t("short")}</Badge><span className="tabular-nums">{formatFen(r.shortfallFen, locale)}</span></span>
                      ) : (
                        <Badge tone="success">{t("ok")}</Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-3 text-sm text-slate-600">{t("incomeNote")}</p>
      </Card>
    </Container>
  );
}
