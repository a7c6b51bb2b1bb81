import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { formatIsoDate } from "@/lib/applications/format";
import type { OfferView } from "@/lib/allocation/selection-reads";
import type { MyWaitingEntry } from "@/lib/allocation/waiting-list";
import { unitLabel } from "./my-selection";
import { AcceptOffer, DeclineOffer } from "./selection-forms";

/** The applicant's home: their places in waiting lists (轮候), and a unit offered from one to accept. */
export async function MyWaiting({ entries, offers }: { entries: MyWaitingEntry[]; offers: OfferView[] }) {
  if (entries.length === 0 && offers.length === 0) return null;
  const t = await getTranslations("allocation.waitingList");
  const stock = await getTranslations("stock");
  const locale = await getLocale();
  const lang = locale === "en" ? "en" : "zh-CN";
  const label = (o: OfferView) => unitLabel(o, locale);
  return (
    <section aria-labelledby="my-waiting" className="mb-6">
      <h2 id="my-waiting" className="mb-3 text-lg font-semibold text-slate-900">{t("mine.title")}</h2>
      <ul className="flex flex-col gap-3">
        {offers.map((o) => (
          <li key={o.id} className="rounded-lg border-2 border-amber-500 bg-white p-4 shadow-sm" data-testid="list-offer" data-status={o.status}>
            {o.status === "PENDING" ? (
              <div className="flex flex-col gap-3">
                <p className="font-semibold text-slate-900">{t("mine.offered", { unit: label(o) })}</p>
                <p className="text-slate-800">{t("mine.offerDue", { date: formatIsoDate(o.responseDueDate, lang) })}</p>
                <ClientMessages namespaces={["allocation.selection", "allocation.validation"]}>
                  <div className="flex flex-col gap-4">
                    <AcceptOffer offerId={o.id} label={label(o)} />
                    <DeclineOffer offerId={o.id} label={label(o)} />
                  </div>
                </ClientMessages>
              </div>
            ) : (
              <Alert tone="success">{t("mine.accepted", { unit: label(o) })}</Alert>
            )}
          </li>
        ))}
        {entries.map((e) => (
          <li key={e.listId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-waiting-list={e.listId}>
            <p className="font-semibold text-slate-900">{e.estateName} · {stock(`unitType.${e.unitType}`)}</p>
            {e.position !== null ? (
              <>
                <p className="mt-1 text-slate-800" data-testid="waiting-position">{t("mine.position", { position: e.position, length: e.length })}</p>
                <p className="text-sm text-slate-700">
                  {e.estimatedMonths !== null ? t("mine.estimate", { months: e.estimatedMonths, housed: e.housedLastYear }) : t("mine.noEstimate")}
                </p>
              </>
            ) : (
              <p className="mt-1 text-slate-800">{t("mine.offeredNow")}</p>
            )}
            <p className="mt-2 text-sm text-slate-700">{t("mine.order")}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
