import { getLocale, getTranslations } from "next-intl/server";
import { BatchSearch, PageJump } from "@/components/publicity/batch-search";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import type { DrawResultPage } from "@/lib/allocation/draw-results";
import { formatPercentBp } from "@/lib/money/format";

/**
 * A drawn pool's result, as result.txt has it: rank, application number, ticket and outcome, 50 a
 * page, searchable by application number; and the pool's selection rate (中签率, Art. 23).
 */
export async function DrawResults({ drawId, results, winners, entrants }: { drawId: string; results: DrawResultPage; winners: number; entrants: number }) {
  const t = await getTranslations("allocation.results");
  const locale = await getLocale();
  const action = `/lotteries/${encodeURIComponent(drawId)}`;
  const href = (page: number) => `${action}?${new URLSearchParams({ ...(results.q ? { q: results.q } : {}), page: String(page) }).toString()}`;
  // Whole basis points, rounded down: the rate never reads higher than it is.
  const rateBp = entrants > 0 ? Math.floor((winners * 10_000) / entrants) : 0;
  return (
    <Card title={t("title")} id="results">
      <p className="mb-4 text-slate-800" data-testid="selection-rate">{t("rate", { winners, entrants, rate: formatPercentBp(rateBp, locale) })}</p>
      <BatchSearch action={`${action}#results`} q={results.q} />
      {results.q && results.items.length === 0 ? <p className="mb-4 text-slate-800">{t("noMatch", { q: results.q })}</p> : null}
      {results.items.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-300 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-3">{t("rank")}</th>
                <th scope="col" className="py-2 pr-3">{t("applicationNo")}</th>
                <th scope="col" className="py-2 pr-3">{t("outcome")}</th>
                <th scope="col" className="hidden py-2 sm:table-cell">{t("ticket")}</th>
              </tr>
            </thead>
            <tbody>
              {results.items.map((r) => (
                <tr key={r.applicationNo} className="border-b border-slate-100" data-result={r.applicationNo}>
                  <td className="py-2 pr-3 tabular-nums">{r.rank}</td>
                  <td className="whitespace-nowrap py-2 pr-3 font-mono">{r.applicationNo}</td>
                  <td className="py-2 pr-3">
                    <Badge tone={r.outcome === "WAITLIST" ? "neutral" : "success"}>{t(`outcomes.${r.outcome}`)}</Badge>
                  </td>
                  <td className="hidden py-2 font-mono text-xs sm:table-cell">{r.ticket.slice(0, 16)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination page={results.page} pageCount={results.pageCount} hrefFor={href} />
      {results.pageCount > 5 ? <PageJump action={`${action}#results`} q={results.q} pageCount={results.pageCount} /> : null}
    </Card>
  );
}
