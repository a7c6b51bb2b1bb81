import { getLocale, getTranslations } from "next-intl/server";
import { articleLabel } from "@/lib/rules/articles";
import { hundredthsText } from "@/lib/rules/money";
import { formatIsoDate } from "@/lib/applications/format";
import { formatFen } from "@/lib/money/format";
import type { StatementBill } from "@/lib/tenancy/account";
import type { LeaseView } from "@/lib/tenancy/leases";

/**
 * What a bill was charged by (Art. 27, 33, 38, 45): the rent standard's document number (or the
 * unit's own standard rent when no standard applied) and the multiplier with its article.
 */
/** A multiplier in percent as the Measures write it: 150 → "1.5", 200 → "2". */
function timesText(percent: number): string {
  return hundredthsText(percent).replace(/\.?0+$/, "");
}

export async function BillRentBasis({ bill }: { bill: Pick<StatementBill, "kind" | "rentMultiplierPercent" | "rentBasis" | "standardDocumentNo" | "hasStandard"> }) {
  const t = await getTranslations("rentStandards.bill");
  const l = (await getLocale()) === "en" ? "en" : "zh-CN";
  const standard = bill.hasStandard ? (bill.standardDocumentNo ? t("standard", { documentNo: bill.standardDocumentNo }) : t("standardNoNumber")) : t("ownRent");
  let rate: string;
  if (bill.kind === "TRANSITION_RENT" || bill.rentMultiplierPercent !== 100) {
    // Art. 38: 1.5 x during the transition, 2 x after it.
    rate = t("multiplierArticle", { times: timesText(bill.rentMultiplierPercent), article: articleLabel("38", l) });
  } else if (bill.rentBasis === "UNIT_MISMATCH_150_PERCENT") {
    rate = t("multiplierArticle", { times: timesText(150), article: articleLabel("33", l) });
  } else if (bill.rentBasis === "LEGACY_110_PERCENT" || bill.rentBasis === "MARKET") {
    rate = t(bill.rentBasis, { article: articleLabel("45", l) });
  } else if (bill.rentBasis === "LOW_RENT") {
    rate = t("LOW_RENT", { article: articleLabel("27", l) });
  } else {
    rate = t("multiplier");
  }
  return (
    <span className="block text-xs text-slate-600" data-testid="bill-rent-basis">
      {standard} · {rate}
    </span>
  );
}

/** A reviewed standard's rent announced for a lease (Art. 27): from which date, how much, by which document. */
export async function NextRent({ lease }: { lease: Pick<LeaseView, "nextRent"> }) {
  if (!lease.nextRent) return null;
  const t = await getTranslations("rentStandards.bill");
  const locale = await getLocale();
  const l = locale === "en" ? "en" : "zh-CN";
  return (
    <span className="block text-sm text-slate-700" data-testid="lease-next-rent">
      {t("nextRent", { date: formatIsoDate(lease.nextRent.from, l), amount: formatFen(lease.nextRent.monthlyRentFen, locale), documentNo: lease.nextRent.documentNo ?? "—" })}
    </span>
  );
}
