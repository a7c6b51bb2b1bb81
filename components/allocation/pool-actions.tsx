"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { TextAreaField, TextField } from "@/components/ui/field";
import { cancelDrawAction, drawPoolAction, freezePoolAction } from "@/lib/allocation/actions";

const loadDraw = () => import("@/lib/allocation/schemas").then((m) => m.drawPoolSchema);
const loadCancel = () => import("@/lib/allocation/schemas").then((m) => m.cancelDrawSchema);

/** Freezes one pool of a published lottery plan: its entrants and the seed's commitment are published. */
export function FreezePool({ planId, unitType, label }: { planId: string; unitType: string; label: string }) {
  const t = useTranslations("allocation.pool");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={freezePoolAction}
      confirmTitle={t("freeze.confirmTitle")}
      confirmMessage={() => t("freeze.confirm", { pool: label })}
      submitLabel={t("freeze.submit")}
      confirmLabel={t("freeze.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId={`freeze-${unitType}`}
    >
      {() => (
        <>
          <input type="hidden" name="planId" value={planId} />
          <input type="hidden" name="unitType" value={unitType} />
        </>
      )}
    </ConfirmForm>
  );
}

/** Draws a frozen pool with the beacon read out at the draw; it runs once. */
export function DrawPool({ drawId, label, beaconSource }: { drawId: string; label: string; beaconSource: string }) {
  const t = useTranslations("allocation.pool");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={drawPoolAction}
      schema={loadDraw}
      confirmTitle={t("draw.confirmTitle")}
      confirmMessage={(values) => t("draw.confirm", { pool: label, beacon: String(values.beacon ?? "") })}
      submitLabel={t("draw.submit")}
      confirmLabel={t("draw.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId={`draw-${drawId}`}
    >
      {(errors) => (
        <>
          <input type="hidden" name="drawId" value={drawId} />
          <TextField id={`beacon-${drawId}`} name="beacon" label={t("draw.beacon")} hint={t("draw.beaconHint", { source: beaconSource })} maxLength={200} autoComplete="off" required requiredLabel={common("required")} errors={errors.beacon} />
          <TextField id={`witnesses-${drawId}`} name="witnesses" label={t("draw.witnesses")} hint={t("draw.witnessesHint")} maxLength={500} autoComplete="off" errors={errors.witnesses} />
        </>
      )}
    </ConfirmForm>
  );
}

/** Cancels a frozen pool before its draw, with a reason kept on the public record. */
export function CancelDraw({ drawId, label }: { drawId: string; label: string }) {
  const t = useTranslations("allocation.pool");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={cancelDrawAction}
      schema={loadCancel}
      confirmTitle={t("cancelDraw.confirmTitle")}
      confirmMessage={() => t("cancelDraw.confirm", { pool: label })}
      submitLabel={t("cancelDraw.submit")}
      confirmLabel={t("cancelDraw.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      submitVariant="danger"
      onSuccess={() => router.refresh()}
      testId={`cancel-${drawId}`}
    >
      {(errors) => (
        <>
          <input type="hidden" name="drawId" value={drawId} />
          <TextAreaField id={`cancel-reason-${drawId}`} name="reason" label={t("cancelDraw.reason")} maxLength={500} rows={2} required requiredLabel={common("required")} errors={errors.reason} />
        </>
      )}
    </ConfirmForm>
  );
}
