import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { formatIsoDate } from "@/lib/applications/format";
import { fenAsYuanNumber, formatFen } from "@/lib/money/format";
import type { TenancyDashboard } from "@/lib/tenancy/dashboard";
import { BilledCollectedChart } from "./dashboard-chart";

// The officers' tenancy dashboard: rent billed and collected by month, the leases, those ending,
// the arrears and the repairs, each linking to its list.

type District = { code: string; name: string; nameEn: string };

function Figure({ label, value, note, href, testId, alert }: { label: string; value: string; note?: string; href?: string; testId: string; alert?: boolean }) {
  const body = (
    <div className={`rounded-lg border bg-white p-4 shadow-sm ${alert ? "border-amber-400" : "border-slate-200"}`} data-testid={testId}>
      <p className="text-sm text-slate-700">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900">{value}</p>
      {note ? <p className="mt-1 text-sm text-slate-600">{note}</p> : null}
    </div>
  );
  return <li>{href ? <Link href={href} className="block hover:opacity-90">{body}</Link> : body}</li>;
}

export async function StaffTenancyDashboard({ data, districts, district }: { data: TenancyDashboard; districts: District[] | null; district: string | null }) {
  const t = await getTranslations("tenancyDashboard");
  const locale = await getLocale();
  const l = locale === "en" ? "en" : "zh-CN";
  const yuan = (fen: number) => formatFen(fen, locale);
  const bars = data.months.map((m) => ({ label: m.month.slice(2).replace("-", "/"), billed: fenAsYuanNumber(m.billedFen), collected: fenAsYuanNumber(m.collectedFen), billedText: yuan(m.billedFen), collectedText: yuan(m.collectedFen) }));
  const thisMonth = data.months.at(-1)!;
  const year = data.months.reduce((s, m) => ({ billed: s.billed + m.billedFen, collected: s.collected + m.collectedFen }), { billed: 0, collected: 0 });
  const arrearsHref = district ? `/staff/arrears?district=${district}` : "/staff/arrears";
  return (
    <Container>
      <PageHeader title={t("title")} description={<><p>{t("intro")}</p><p className="mt-1 text-sm text-slate-600">{t("asOf", { date: formatIsoDate(data.today, l) })}</p></>} />
      {districts ? (
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            <span className="text-slate-700">{t("district")}</span>
            <select name="district" defaultValue={district ?? ""} className="mt-1 rounded-md border border-slate-300 px-3 py-2">
              <option value="">{t("city")}</option>
              {districts.map((d) => (
                <option key={d.code} value={d.code}>{l === "en" ? d.nameEn : d.name}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50">{t("show")}</button>
        </form>
      ) : null}
      <ul className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Figure testId="figure-billed" label={t("billedThisMonth")} value={t("yuan", { amount: yuan(thisMonth.billedFen) })} note={t("collectedThisMonth", { amount: yuan(thisMonth.collectedFen) })} />
        <Figure testId="figure-year" label={t("twelveMonths")} value={t("yuan", { amount: yuan(year.collected) })} note={t("billedTwelve", { amount: yuan(year.billed) })} />
        <Figure testId="figure-leases" label={t("leases")} value={String(data.leases.active)} note={t("leasesNote", { holdingOver: data.leases.holdingOver, signing: data.leases.awaitingSignature })} href="/staff/leases" />
        <Figure testId="figure-ending" label={t("ending")} value={String(data.ending.count)} note={t("endingNote", { asked: data.ending.renewalAsked })} />
        <Figure testId="figure-arrears" label={t("arrears")} value={t("yuan", { amount: yuan(data.arrears.all.fen) })} note={t("arrearsNote", { leases: data.arrears.all.leases, six: data.arrears.sixMonths.leases })} href={arrearsHref} alert={data.arrears.sixMonths.leases > 0} />
        <Figure testId="figure-repairs" label={t("repairs")} value={String(data.repairs.open)} note={t("repairsNote", { overdue: data.repairs.overdue })} href="/staff/repairs" alert={data.repairs.overdue > 0} />
      </ul>
      <div className="grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <Card title={t("chartTitle")} className="min-w-0">
          <BilledCollectedChart bars={bars} title={t("chartTitle")} billedLabel={t("billed")} collectedLabel={t("collected")} />
        </Card>
        <Card title={t("endingTitle")} className="min-w-0">
          {data.ending.rows.length === 0 ? (
            <p className="text-slate-700">{t("endingNone")}</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm" data-testid="ending-leases">
              {data.ending.rows.map((r) => (
                <li key={r.leaseNo} className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 pb-2">
                  <Link href={`/staff/leases/${r.leaseNo}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{r.leaseNo}</Link>
                  <span className="text-slate-800">{r.tenantName ?? "—"} · {t("endsOn", { date: formatIsoDate(r.endDate, l) })}</span>
                  <Badge tone={r.renewalAsked ? "success" : "warning"}>{r.renewalAsked ? t("renewalAsked") : t("renewalNotAsked")}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </Container>
  );
}
