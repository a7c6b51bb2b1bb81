import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { PlanPool } from "@/lib/allocation/plans";
import { CancelDraw, DrawPool, FreezePool } from "./pool-actions";

/** A lottery plan's pools, one per unit type: freeze, draw, cancel, and the public record of each draw. */
export async function PlanPools({ planId, pools, beaconSource }: { planId: string; pools: PlanPool[]; beaconSource: string }) {
  const t = await getTranslations("allocation.pool");
  const stock = await getTranslations("stock");
  const format = await getFormatter();
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <Card title={t("title")}>
      <p className="mb-4 text-sm text-slate-700">{t("intro")}</p>
      <ul className="flex flex-col gap-4">
        {pools.map((pool) => {
          const label = t("label", { type: stock(`unitType.${pool.unitType}`), units: pool.units });
          const live = pool.live;
          return (
            <li key={pool.unitType} className="flex flex-col gap-3 rounded-md border border-slate-200 p-4" data-pool={pool.unitType}>
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {label}
                <Badge tone={!live ? "neutral" : live.status === "DRAWN" ? "success" : "warning"}>{t(`status.${live?.status ?? "OPEN"}`)}</Badge>
              </p>
              {live ? (
                <div className="flex flex-col gap-1 text-sm text-slate-800">
                  <p>{t("entrants", { count: live.entrantCount, priority: live.priorityEntrantCount })}</p>
                  <p className="break-all">
                    {t("commitment")}：<code className="font-mono">{live.seedCommitment}</code>
                  </p>
                  <p>{t("committedAt", { at: at(live.committedAt) })}{live.drawnAt ? ` · ${t("drawnAt", { at: at(live.drawnAt) })}` : ""}</p>
                  <p className="flex flex-wrap gap-3">
                    <Link href={`/lotteries/${live.id}`} className="font-medium text-brand-700 underline">{t("publicPage")}</Link>
                    <a href={`/api/v1/lotteries/${live.id}/entrants.txt`} className="text-brand-700 underline">entrants.txt</a>
                    {live.status === "DRAWN" ? <a href={`/api/v1/lotteries/${live.id}/result.txt`} className="text-brand-700 underline">result.txt</a> : null}
                    {live.status === "DRAWN" ? <Link href={`/staff/draws/${live.id}`} className="font-medium text-brand-700 underline">{t("selection")}</Link> : null}
                  </p>
                </div>
              ) : null}
              <ClientMessages namespaces={["allocation.pool", "allocation.validation"]}>
                {pool.can.freeze ? <FreezePool planId={planId} unitType={pool.unitType} label={label} /> : null}
                {pool.can.draw && live ? <DrawPool drawId={live.id} label={label} beaconSource={beaconSource} /> : null}
                {pool.can.cancel && live ? <CancelDraw drawId={live.id} label={label} /> : null}
              </ClientMessages>
              {pool.cancelled.length > 0 ? (
                <ul className="text-sm text-slate-600">
                  {pool.cancelled.map((d) => (
                    <li key={d.id}>
                      {t("cancelledEntry", { at: d.cancelledAt ? at(d.cancelledAt) : "", reason: d.cancelReason ?? "" })}{" "}
                      <Link href={`/lotteries/${d.id}`} className="underline">{t("publicPage")}</Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
