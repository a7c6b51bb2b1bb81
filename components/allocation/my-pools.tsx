import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { MyPoolEntry } from "@/lib/allocation/selection-reads";
import { resultLine, turnLine } from "./my-selection";

/** The applicant's home: the lottery pools their household is in, its rank and its turn to choose. */
export async function MyPools({ entries }: { entries: MyPoolEntry[] }) {
  if (entries.length === 0) return null;
  const t = await getTranslations("allocation.selection");
  const stock = await getTranslations("stock");
  const format = await getFormatter();
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="my-pools" className="mb-6">
      <h2 id="my-pools" className="mb-3 text-lg font-semibold text-slate-900">{t("mine.listTitle")}</h2>
      <ul className="flex flex-col gap-3">
        {entries.map((e) => {
          const open = e.turn?.status === "OPEN";
          const pending = e.offers.some((o) => o.status === "PENDING");
          return (
            <li key={e.draw.drawId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-pool-entry={e.draw.drawId}>
              <p className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
                {e.draw.estateName} · {stock(`unitType.${e.draw.unitType}`)}
                {open ? <Badge tone="warning">{t("mine.choosingNow")}</Badge> : pending ? <Badge tone="warning">{t("mine.offerWaiting")}</Badge> : null}
              </p>
              <p className="mt-1 text-sm text-slate-700">{e.draw.planTitle}</p>
              <p className="mt-2 text-slate-800">{resultLine(t, e)}</p>
              <p className="text-slate-800">{turnLine(t, e, at)}</p>
              <p className="mt-3">
                <Link href={`/me/selection/${encodeURIComponent(e.draw.drawId)}`} className="font-medium text-brand-700 underline">
                  {open ? t("mine.goChoose") : t("mine.view")}
                </Link>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
