"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { acceptOfferAction, assignUnitAction, declineOfferAction, declineTurnAction, openSelectionAction, pickUnitAction } from "@/lib/allocation/selection-actions";

// The forms of unit selection (选房). Each asks for confirmation: a pick, a decline and an
// acceptance cannot be undone.

const loadOpen = () => import("@/lib/allocation/selection-schemas").then((m) => m.openSelectionSchema);
const loadAssign = () => import("@/lib/allocation/selection-schemas").then((m) => m.assignUnitSchema);
const loadDeclineOffer = () => import("@/lib/allocation/selection-schemas").then((m) => m.declineOfferSchema);

/** The household chooses this unit: it is offered to them, to accept by the deadline. */
export function PickUnit({ drawId, unitId, label, doneHref }: { drawId: string; unitId: string; label: string; doneHref: string }) {
  const t = useTranslations("allocation.selection");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={pickUnitAction}
      confirmTitle={t("pick.confirmTitle")}
      confirmMessage={() => t("pick.confirm", { unit: label })}
      submitLabel={t("pick.submit")}
      confirmLabel={t("pick.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => {
        router.replace(doneHref);
        router.refresh();
      }}
      testId="pick-unit"
    >
      {() => (
        <>
          <input type="hidden" name="drawId" value={drawId} />
          <input type="hidden" name="unitId" value={unitId} />
        </>
      )}
    </ConfirmForm>
  );
}

/** The household gives up its turn; the next household in rank gets one. */
export function DeclineTurn({ drawId }: { drawId: string }) {
  const t = useTranslations("allocation.selection");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={declineTurnAction}
      confirmTitle={t("declineTurn.confirmTitle")}
      confirmMessage={() => t("declineTurn.confirm")}
      submitLabel={t("declineTurn.submit")}
      submitVariant="secondary"
      confirmLabel={t("declineTurn.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="decline-turn"
    >
      {() => <input type="hidden" name="drawId" value={drawId} />}
    </ConfirmForm>
  );
}

/** The household accepts the offered unit; the lease follows. */
export function AcceptOffer({ offerId, label }: { offerId: string; label: string }) {
  const t = useTranslations("allocation.selection");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={acceptOfferAction}
      confirmTitle={t("accept.confirmTitle")}
      confirmMessage={() => t("accept.confirm", { unit: label })}
      submitLabel={t("accept.submit")}
      confirmLabel={t("accept.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="accept-offer"
    >
      {() => <input type="hidden" name="offerId" value={offerId} />}
    </ConfirmForm>
  );
}

/** The household declines the offered unit, optionally saying why; it returns to the pool. */
export function DeclineOffer({ offerId, label }: { offerId: string; label: string }) {
  const t = useTranslations("allocation.selection");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={declineOfferAction}
      schema={loadDeclineOffer}
      confirmTitle={t("declineOffer.confirmTitle")}
      confirmMessage={() => t("declineOffer.confirm", { unit: label })}
      submitLabel={t("declineOffer.submit")}
      submitVariant="danger"
      confirmLabel={t("declineOffer.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="decline-offer"
    >
      {(errors) => (
        <>
          <input type="hidden" name="offerId" value={offerId} />
          <TextAreaField id={`decline-reason-${offerId}`} name="reason" label={t("declineOffer.reason")} hint={t("declineOffer.reasonHint")} maxLength={500} rows={2} errors={errors.reason} />
        </>
      )}
    </ConfirmForm>
  );
}

/** An officer opens a drawn pool's unit selection with its window, parallel turns and time to accept. */
export function OpenSelection({ drawId }: { drawId: string }) {
  const t = useTranslations("allocation.selection");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={openSelectionAction}
      schema={loadOpen}
      confirmTitle={t("open.confirmTitle")}
      confirmMessage={(v) => t("open.confirm", { hours: String(v.windowHours ?? ""), parallel: String(v.parallel ?? ""), days: String(v.acceptDays ?? "") })}
      submitLabel={t("open.submit")}
      confirmLabel={t("open.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="open-selection"
    >
      {(errors) => (
        <div className="grid gap-4 sm:grid-cols-3">
          <input type="hidden" name="drawId" value={drawId} />
          <TextField id="windowHours" name="windowHours" type="number" inputMode="numeric" min={1} max={168} defaultValue="48" label={t("open.windowHours")} hint={t("open.windowHoursHint")} required requiredLabel={common("required")} errors={errors.windowHours} />
          <TextField id="parallel" name="parallel" type="number" inputMode="numeric" min={1} max={500} defaultValue="10" label={t("open.parallel")} hint={t("open.parallelHint")} required requiredLabel={common("required")} errors={errors.parallel} />
          <TextField id="acceptDays" name="acceptDays" type="number" inputMode="numeric" min={1} max={30} defaultValue="5" label={t("open.acceptDays")} hint={t("open.acceptDaysHint")} required requiredLabel={common("required")} errors={errors.acceptDays} />
        </div>
      )}
    </ConfirmForm>
  );
}

/** An officer assigns a unit to a household whose turn is open, recording why (kept with the staff). */
export function AssignUnit({ drawId, households, units }: { drawId: string; households: Array<{ value: string; label: string }>; units: Array<{ value: string; label: string }> }) {
  const t = useTranslations("allocation.selection");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={assignUnitAction}
      schema={loadAssign}
      confirmTitle={t("assign.confirmTitle")}
      confirmMessage={(v) => t("assign.confirm", {
        household: households.find((h) => h.value === v.entrantId)?.label ?? "",
        unit: units.find((u) => u.value === v.unitId)?.label ?? "",
      })}
      submitLabel={t("assign.submit")}
      confirmLabel={t("assign.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="assign-unit"
    >
      {(errors) => (
        <div className="flex flex-col gap-4">
          <input type="hidden" name="drawId" value={drawId} />
          <SelectField id="assign-entrant" name="entrantId" label={t("assign.household")} placeholder={t("assign.choose")} options={households} required requiredLabel={common("required")} errors={errors.entrantId} />
          <SelectField id="assign-unit" name="unitId" label={t("assign.unit")} placeholder={t("assign.choose")} options={units} required requiredLabel={common("required")} errors={errors.unitId} />
          <TextAreaField id="assign-reason" name="reason" label={t("assign.reason")} hint={t("assign.reasonHint")} maxLength={500} rows={3} required requiredLabel={common("required")} errors={errors.reason} />
        </div>
      )}
    </ConfirmForm>
  );
}
