import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card } from "@/components/ui/card";
import { OfferVacatedUnit } from "./waiting-list-forms";

/** On a vacant unit's page: offer it to the head of its estate's waiting list for its type (Art. 23). */
export async function UnitWaitingList({ unitId, unitLabel, listId, head }: { unitId: string; unitLabel: string; listId: string; head: { applicationNo: string; listLength: number } | null }) {
  const t = await getTranslations("allocation.waitingList");
  return (
    <Card title={t("offer.title")} id="waiting-list-offer">
      {head ? (
        <>
          <p className="mb-4 text-sm text-slate-700">{t("offer.intro", { applicationNo: head.applicationNo, length: head.listLength })}</p>
          <ClientMessages namespaces={["allocation.waitingList", "allocation.validation"]}>
            <OfferVacatedUnit unitId={unitId} unitLabel={unitLabel} head={head.applicationNo} />
          </ClientMessages>
        </>
      ) : (
        <p className="text-sm text-slate-700">{t("offer.empty")}</p>
      )}
      <p className="mt-4 text-sm">
        <Link href={`/staff/waiting-lists/${encodeURIComponent(listId)}`} className="text-brand-700 underline">{t("offer.viewList")}</Link>
      </p>
    </Card>
  );
}
