"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { TextField } from "@/components/ui/field";
import { offerVacatedUnitAction } from "@/lib/allocation/waiting-list-actions";

const loadOffer = () => import("@/lib/allocation/waiting-list-schemas").then((m) => m.offerVacatedUnitSchema);

/** An officer offers a vacated unit to the head of its waiting list (Art. 23). */
export function OfferVacatedUnit({ unitId, unitLabel, head }: { unitId: string; unitLabel: string; head: string }) {
  const t = useTranslations("allocation.waitingList");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={offerVacatedUnitAction}
      schema={loadOffer}
      confirmTitle={t("offer.confirmTitle")}
      confirmMessage={(v) => t("offer.confirm", { unit: unitLabel, head, days: String(v.acceptDays ?? "") })}
      submitLabel={t("offer.submit")}
      confirmLabel={t("offer.confirmButton")}
      cancelLabel={t("offer.cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="offer-vacated-unit"
    >
      {(errors) => (
        <>
          <input type="hidden" name="unitId" value={unitId} />
          <TextField id="wl-accept-days" name="acceptDays" type="number" inputMode="numeric" min={1} max={30} defaultValue="5" label={t("offer.acceptDays")} hint={t("offer.acceptDaysHint")} required requiredLabel={common("required")} errors={errors.acceptDays} />
        </>
      )}
    </ConfirmForm>
  );
}
