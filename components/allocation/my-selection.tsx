import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { formatIsoDate } from "@/lib/applications/format";
import type { MyPoolEntry, MySelection, OfferView } from "@/lib/allocation/selection-reads";
import { formatDm2 } from "@/lib/money/format";
import { AcceptOffer, DeclineOffer, DeclineTurn, PickUnit } from "./selection-forms";
import { SelectionUnits } from "./selection-units";

type T = Awaited<ReturnType<typeof getTranslations<"allocation.selection">>>;

/** "第 3 位 · 中签（优先轮）", or what the household is waiting for. */
export function resultLine(t: T, entry: Pick<MyPoolEntry, "rank" | "outcome" | "round" | "draw">): string {
  if (!entry.draw.drawn || entry.rank === null) return t("result.notDrawn");
  if (entry.outcome === "WON") return t("result.won", { rank: entry.rank, round: t(`round.${entry.round ?? "GENERAL"}`) });
  return t("result.waitlisted", { rank: entry.rank });
}

/** Where the household's turn stands, in one sentence. */
export function turnLine(t: T, entry: Pick<MyPoolEntry, "turn" | "outcome" | "draw">, at: (d: Date) => string): string {
  if (!entry.draw.drawn) return t("turn.notDrawn");
  if (!entry.draw.selection) return t("turn.notOpen");
  const turn = entry.turn;
  if (!turn) return entry.outcome === "WON" ? t("turn.waitingWinner") : t("turn.waitingWaitlist");
  if (turn.status === "OPEN") return t("turn.open", { closesAt: turn.closesAt ? at(turn.closesAt) : "" });
  return t(`turn.${turn.status}`);
}

/** An offered unit as the household reads it: estate, building and number, floor area. */
export function unitLabel(offer: OfferView, locale: string): string {
  return `${offer.unit.estate} ${offer.unit.building}${offer.unit.unitNo}（${formatDm2(offer.unit.floorAreaDm2, locale)}㎡）`;
}

/** The household's own pool: its result, its turn and window, the units to choose from, and its offer. */
export async function MySelectionPage({ selection, chosenUnitId }: { selection: MySelection; chosenUnitId: string | null }) {
  const t = await getTranslations("allocation.selection");
  const stock = await getTranslations("stock");
  const format = await getFormatter();
  const locale = await getLocale();
  const lang = locale === "en" ? "en" : "zh-CN";
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const { draw, turn } = selection;
  const choosing = turn?.status === "OPEN";
  const self = `/me/selection/${encodeURIComponent(draw.drawId)}`;
  const chosen = choosing && chosenUnitId ? selection.buildings.flatMap((b) => b.floors.flatMap((f) => f.units.map((u) => ({ ...u, building: b.name })))).find((u) => u.id === chosenUnitId && u.status === "RESERVED") : undefined;
  const pending = selection.offers.find((o) => o.status === "PENDING");
  const accepted = selection.offers.find((o) => o.status === "ACCEPTED");
  return (
    <Container>
      <p className="mb-2 text-sm">
        <Link href="/me" className="text-brand-700 underline-offset-2 hover:underline">← {t("mine.back")}</Link>
      </p>
      <PageHeader title={t("mine.title", { estate: draw.estateName, type: stock(`unitType.${draw.unitType}`) })} description={<p>{draw.planTitle}</p>} />
      {/* On a phone: the turn, the offer and the units first; the draw's record after them. */}
      <div className="grid items-start gap-6 lg:grid-cols-[2fr_3fr]">
        <Card title={t("mine.turnTitle")}>
          <div data-testid="turn-status" data-status={turn?.status ?? "NONE"}>
            {choosing ? <Alert tone="info">{turnLine(t, selection, at)}</Alert> : <p className="text-slate-800">{turnLine(t, selection, at)}</p>}
          </div>
          {choosing ? (
            <div className="mt-4">
              <ClientMessages namespaces={["allocation.selection"]}>
                <DeclineTurn drawId={draw.drawId} />
              </ClientMessages>
            </div>
          ) : null}
        </Card>
        {pending ? (
          <Card title={t("offer.title")}>
            <div className="flex flex-col gap-3" data-testid="offer" data-status="PENDING">
              <p className="font-medium text-slate-900">{unitLabel(pending, locale)}</p>
              <p className="text-slate-800">{t("offer.pending", { date: formatIsoDate(pending.responseDueDate, lang) })}</p>
              {pending.assigned ? <p className="text-sm text-slate-700">{t("offer.assigned")}</p> : null}
              <ClientMessages namespaces={["allocation.selection", "allocation.validation"]}>
                <div className="flex flex-col gap-4">
                  <AcceptOffer offerId={pending.id} label={unitLabel(pending, locale)} />
                  <DeclineOffer offerId={pending.id} label={unitLabel(pending, locale)} />
                </div>
              </ClientMessages>
            </div>
          </Card>
        ) : null}
        {accepted ? (
          <Alert tone="success">
            <span data-testid="offer" data-status="ACCEPTED">{t("offer.accepted", { unit: unitLabel(accepted, locale) })}</span>
          </Alert>
        ) : null}
        <Card title={t("units.title", { available: selection.available })} className="lg:col-start-2 lg:row-span-5 lg:row-start-1">
          {chosen ? (
            <div id="chosen" className="mb-6 scroll-mt-4 rounded-md border-2 border-brand-600 bg-brand-50 p-4" data-testid="chosen-unit">
              <p className="mb-1 font-semibold text-slate-900">{t("pick.chosen", { unit: `${chosen.building}${chosen.unitNo}` })}</p>
              <p className="mb-3 text-sm text-slate-800">
                {t("pick.details", { floor: chosen.floor, area: formatDm2(chosen.floorAreaDm2, locale), orientation: chosen.orientation ? stock(`orientation.${chosen.orientation}`) : "—" })}
              </p>
              <ClientMessages namespaces={["allocation.selection"]}>
                <PickUnit drawId={draw.drawId} unitId={chosen.id} label={`${draw.estateName} ${chosen.building}${chosen.unitNo}`} doneHref={self} />
              </ClientMessages>
            </div>
          ) : null}
          <p className="mb-4 text-sm text-slate-700">{choosing ? t("units.choose") : t("units.look")}</p>
          {selection.buildings.length === 0 ? <p className="text-slate-700">{t("units.none")}</p> : <SelectionUnits buildings={selection.buildings} chooseHref={choosing ? (id) => `${self}?unit=${encodeURIComponent(id)}#chosen` : undefined} selectedId={chosen?.id ?? null} />}
        </Card>
        <Card title={t("mine.resultTitle")}>
          <Facts
            items={[
              { label: t("mine.applicationNo"), value: selection.applicationNo },
              { label: t("mine.result"), value: resultLine(t, selection) },
              { label: t("mine.pool"), value: t("mine.poolSize", { entrants: draw.entrantCount, units: draw.units }) },
              { label: t("mine.ticket"), value: selection.ticket ? <code className="break-all font-mono text-sm">{selection.ticket}</code> : "—" },
            ]}
          />
          <p className="mt-4 text-sm">
            <Link href={`/lotteries/${encodeURIComponent(draw.drawId)}`} className="text-brand-700 underline">{t("mine.verify")}</Link>
          </p>
        </Card>
        {selection.offers.filter((o) => o.status !== "PENDING" && o.status !== "ACCEPTED").length > 0 ? (
          <Card title={t("offer.history")}>
            <ul className="flex flex-col gap-2 text-sm text-slate-800">
              {selection.offers
                .filter((o) => o.status !== "PENDING" && o.status !== "ACCEPTED")
                .map((o) => (
                  <li key={o.id}>
                    {unitLabel(o, locale)} · <Badge tone="neutral">{t(`offerStatus.${o.status}`)}</Badge>
                  </li>
                ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </Container>
  );
}
