import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Facts } from "@/components/ui/facts";
import { formatPercentBp } from "@/lib/money/format";
import type { ISODate } from "@/lib/rules/types";

/** What a plan announces (Art. 23), for its officers' page and its public page alike. */
export interface AnnouncedPlan {
  method: "LOTTERY" | "WAITING_LIST";
  description: string | null;
  applicationPeriodStart: ISODate | null;
  applicationPeriodEnd: ISODate | null;
  freezeDate: ISODate | null;
  drawDate: ISODate | null;
  priorityShareBp: number;
  beaconSource: string | null;
  selectionStartDate: ISODate | null;
  selectionEndDate: ISODate | null;
}

/** The plan's period, dates, priority share and beacon source (a lottery's), its selection window and notes; `first` leads. */
export async function PlanFacts({ plan, first }: { plan: AnnouncedPlan; first: { label: ReactNode; value: ReactNode } }) {
  const t = await getTranslations("allocation.plan");
  const locale = await getLocale();
  const lottery = plan.method === "LOTTERY";
  return (
    <Facts
      items={[
        first,
        ...(lottery
          ? [
              { label: t("period"), value: t("periodValue", { start: plan.applicationPeriodStart ?? "", end: plan.applicationPeriodEnd ?? "" }) },
              { label: t("dates"), value: t("datesValue", { freeze: plan.freezeDate ?? "", draw: plan.drawDate ?? "" }) },
              { label: t("priority"), value: t("priorityValue", { percent: formatPercentBp(plan.priorityShareBp, locale) }) },
              { label: t("beaconSource"), value: plan.beaconSource ?? "" },
            ]
          : []),
        { label: t("selection"), value: t("periodValue", { start: plan.selectionStartDate ?? "", end: plan.selectionEndDate ?? "" }) },
        ...(plan.description ? [{ label: t("description"), value: plan.description }] : []),
      ]}
    />
  );
}
