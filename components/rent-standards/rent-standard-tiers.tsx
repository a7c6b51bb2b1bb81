import { getLocale, getTranslations } from "next-intl/server";
import { formatFen } from "@/lib/money/format";

export interface TierRow {
  tierNo: number;
  isLowRent: boolean;
  maxPerCapitaIncomeFen: number | null;
  rentFenPerM2: number;
  previousRentFenPerM2?: number;
  capped?: boolean;
}

/** A standard's tiers (Art. 27): who pays each rate, per m² a month; with the rates before a review. */
export async function RentTierTable({ tiers, showPrevious = false, testId }: { tiers: readonly TierRow[]; showPrevious?: boolean; testId?: string }) {
  const t = await getTranslations("rentStandards");
  const locale = await getLocale();
  const income = tiers.filter((x) => !x.isLowRent).sort((a, b) => a.tierNo - b.tierNo);
  const low = tiers.filter((x) => x.isLowRent);
  const rows = [...income, ...low];
  const who = (tier: TierRow): string => {
    if (tier.isLowRent) return t("lowRentWho");
    if (tier.maxPerCapitaIncomeFen !== null) return t("incomeUpTo", { amount: formatFen(tier.maxPerCapitaIncomeFen, locale) });
    const before = income[income.indexOf(tier) - 1];
    return before?.maxPerCapitaIncomeFen != null ? t("incomeAbove", { amount: formatFen(before.maxPerCapitaIncomeFen, locale) }) : t("incomeAny");
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            <th className="py-2 pr-3 font-medium">{t("tierColumn")}</th>
            <th className="py-2 pr-3 font-medium">{t("incomeColumn")}</th>
            {showPrevious ? <th className="py-2 pr-3 text-right font-medium">{t("previousRateColumn")}</th> : null}
            <th className="py-2 text-right font-medium">{showPrevious ? t("newRateColumn") : t("rateColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((tier) => (
            <tr key={`${tier.isLowRent}-${tier.tierNo}`} className="border-b border-slate-200" data-testid="tier-row" data-tier={tier.isLowRent ? "low" : tier.tierNo}>
              <td className="py-2 pr-3 font-medium">{tier.isLowRent ? t("lowRentTier") : t("tierName", { n: tier.tierNo })}</td>
              <td className="py-2 pr-3 text-slate-700">{who(tier)}</td>
              {showPrevious ? <td className="py-2 pr-3 text-right tabular-nums text-slate-600">{tier.previousRentFenPerM2 !== undefined ? formatFen(tier.previousRentFenPerM2, locale) : "—"}</td> : null}
              <td className="py-2 text-right font-medium tabular-nums" data-testid="tier-rate">
                {formatFen(tier.rentFenPerM2, locale)}
                {tier.capped ? <span className="block text-xs font-normal text-amber-800">{t("capped")}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
