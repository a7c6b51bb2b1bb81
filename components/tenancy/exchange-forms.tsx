"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { useFormKey } from "@/components/ui/form-key";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import {
  countersignExchangeAction,
  decideExchangeAction,
  offerFromExchangeListAction,
  openMandatoryExchangeAction,
  requestExchangeAction,
  withdrawExchangeAction,
} from "@/lib/tenancy/exchange-actions";

// Exchanges (Art. 33): the tenant's request and withdrawal; the officer's decision, the mandatory
// exchange, the offer from the exchange list and the countersignature with the old unit's check.
// Each is confirmed first.

const schemas = () => import("@/lib/tenancy/exchange-schemas");
const loadRequest = () => schemas().then((m) => m.requestExchangeSchema);
const loadWithdraw = () => schemas().then((m) => m.withdrawExchangeSchema);
const loadDecide = () => schemas().then((m) => m.decideExchangeSchema);
const loadMandatory = () => schemas().then((m) => m.openMandatoryExchangeSchema);
const loadOffer = () => schemas().then((m) => m.offerFromExchangeListSchema);
const loadCountersign = () => schemas().then((m) => m.countersignExchangeSchema);

type Option = { value: string; label: string };

function useCommon() {
  const t = useTranslations("exchanges");
  const common = useTranslations("common");
  const router = useRouter();
  return { t, refresh: () => router.refresh(), pending: common("submitting"), required: common("required") };
}

export function RequestExchange({ leaseId, unitTypes, reasons }: { leaseId: string; unitTypes: Option[]; reasons: Option[] }) {
  const { t, refresh, pending, required } = useCommon();
  // A fresh key per form shown: the same form sent twice is recorded once.
  const [formKey, renewFormKey] = useFormKey("x");
  const label = (value: unknown) => unitTypes.find((o) => o.value === value)?.label ?? "";
  return (
    <ConfirmForm
      key={formKey}
      action={requestExchangeAction}
      schema={loadRequest}
      confirmTitle={t("form.confirmTitle")}
      confirmMessage={(v) => t("form.confirm", { type: label(v.requestedUnitType) })}
      submitLabel={t("form.submit")}
      confirmLabel={t("form.confirmButton")}
      cancelLabel={t("form.cancel")}
      pendingLabel={pending}
      onSuccess={() => {
        renewFormKey();
        refresh();
      }}
      testId="request-exchange"
    >
      {(errors) => (
        <div className="flex flex-col gap-3">
          <input type="hidden" name="leaseId" value={leaseId} />
          <input type="hidden" name="formKey" value={formKey} />
          <SelectField id="exchange-reason" name="reason" label={t("form.reasonLabel")} options={reasons} required requiredLabel={required} errors={errors.reason} />
          <TextField id="exchange-added" name="addedMembers" type="number" inputMode="numeric" min={0} max={6} defaultValue="1" label={t("form.added")} hint={t("form.addedHint")} errors={errors.addedMembers} />
          <SelectField id="exchange-unit-type" name="requestedUnitType" label={t("form.unitType")} hint={t("form.unitTypeHint")} placeholder="" options={unitTypes} required requiredLabel={required} errors={errors.requestedUnitType} />
          <TextAreaField id="exchange-description" name="description" rows={3} label={t("form.description")} hint={t("form.descriptionHint")} required requiredLabel={required} maxLength={2000} errors={errors.description} />
        </div>
      )}
    </ConfirmForm>
  );
}

export function WithdrawExchange({ requestId }: { requestId: string }) {
  const { t, refresh, pending } = useCommon();
  return (
    <ConfirmForm
      action={withdrawExchangeAction}
      schema={loadWithdraw}
      confirmTitle={t("withdraw.confirmTitle")}
      confirmMessage={() => t("withdraw.confirm")}
      submitLabel={t("withdraw.submit")}
      confirmLabel={t("withdraw.confirmButton")}
      cancelLabel={t("form.cancel")}
      pendingLabel={pending}
      submitVariant="secondary"
      onSuccess={refresh}
      testId={`withdraw-exchange-${requestId}`}
    >
      {() => <input type="hidden" name="requestId" value={requestId} />}
    </ConfirmForm>
  );
}

export function DecideExchange({ requestId, estates, defaultEstateId, typeLabel }: { requestId: string; estates: Option[]; defaultEstateId: string; typeLabel: string }) {
  const { t, refresh, pending, required } = useCommon();
  const form = (decision: "APPROVE" | "REJECT") => (
    <ConfirmForm
      key={decision}
      action={decideExchangeAction}
      schema={loadDecide}
      confirmTitle={t(decision === "APPROVE" ? "staff.decide.approveTitle" : "staff.decide.rejectTitle")}
      confirmMessage={() => (decision === "APPROVE" ? t("staff.decide.approveConfirm", { type: typeLabel }) : t("staff.decide.rejectConfirm"))}
      submitLabel={t(decision === "APPROVE" ? "staff.decide.approve" : "staff.decide.reject")}
      confirmLabel={t(decision === "APPROVE" ? "staff.decide.approveButton" : "staff.decide.rejectButton")}
      cancelLabel={t("form.cancel")}
      pendingLabel={pending}
      submitVariant={decision === "APPROVE" ? "primary" : "danger"}
      onSuccess={refresh}
      testId={`exchange-${decision.toLowerCase()}`}
      className="rounded-md border border-slate-200 p-3"
    >
      {(errors) => (
        <div className="flex flex-col gap-3">
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="decision" value={decision} />
          {decision === "APPROVE" ? (
            <SelectField id="exchange-estate" name="estateId" label={t("staff.decide.estate")} hint={t("staff.decide.estateHint")} options={estates} defaultValue={defaultEstateId} errors={errors.estateId} />
          ) : null}
          <TextAreaField id={`exchange-reason-${decision}`} name="reason" rows={2} label={t("staff.decide.reason")} hint={t("staff.decide.reasonHint")} required requiredLabel={required} maxLength={1000} errors={errors.reason} />
          <TextAreaField id={`exchange-note-${decision}`} name="internalNote" rows={2} label={t("staff.decide.note")} hint={t("staff.decide.noteHint")} maxLength={1000} errors={errors.internalNote} />
        </div>
      )}
    </ConfirmForm>
  );
  return <div className="flex flex-col gap-4">{form("APPROVE")}{form("REJECT")}</div>;
}

export function OpenMandatoryExchange({ leaseId }: { leaseId: string }) {
  const { t, refresh, pending } = useCommon();
  return (
    <ConfirmForm
      action={openMandatoryExchangeAction}
      schema={loadMandatory}
      confirmTitle={t("staff.mandatory.confirmTitle")}
      confirmMessage={() => t("staff.mandatory.confirm")}
      submitLabel={t("staff.mandatory.submit")}
      confirmLabel={t("staff.mandatory.confirmButton")}
      cancelLabel={t("form.cancel")}
      pendingLabel={pending}
      onSuccess={refresh}
      testId="open-mandatory-exchange"
    >
      {() => <input type="hidden" name="leaseId" value={leaseId} />}
    </ConfirmForm>
  );
}

export function OfferFromExchangeList({ unitId, unitLabel, head }: { unitId: string; unitLabel: string; head: string }) {
  const { t, refresh, pending, required } = useCommon();
  return (
    <ConfirmForm
      action={offerFromExchangeListAction}
      schema={loadOffer}
      confirmTitle={t("staff.offer.confirmTitle")}
      confirmMessage={(v) => t("staff.offer.confirm", { unit: unitLabel, head, days: String(v.acceptDays ?? "") })}
      submitLabel={t("staff.offer.submit")}
      confirmLabel={t("staff.offer.confirmButton")}
      cancelLabel={t("form.cancel")}
      pendingLabel={pending}
      onSuccess={refresh}
      testId="offer-from-exchange-list"
    >
      {(errors) => (
        <>
          <input type="hidden" name="unitId" value={unitId} />
          <TextField id="ex-accept-days" name="acceptDays" type="number" inputMode="numeric" min={1} max={30} defaultValue="5" label={t("staff.offer.acceptDays")} hint={t("staff.offer.acceptDaysHint")} required requiredLabel={required} errors={errors.acceptDays} />
        </>
      )}
    </ConfirmForm>
  );
}

export function CountersignExchange({ leaseId, leaseNo, today }: { leaseId: string; leaseNo: string; today: string }) {
  const { t, refresh, pending, required } = useCommon();
  return (
    <ConfirmForm
      action={countersignExchangeAction}
      schema={loadCountersign}
      confirmTitle={t("staff.countersign.confirmTitle")}
      confirmMessage={() => t("staff.countersign.confirm", { leaseNo })}
      submitLabel={t("staff.countersign.submit")}
      confirmLabel={t("staff.countersign.confirmButton")}
      cancelLabel={t("form.cancel")}
      pendingLabel={pending}
      onSuccess={refresh}
      testId="countersign-exchange"
    >
      {(errors) => (
        <div className="flex flex-col gap-3">
          <input type="hidden" name="leaseId" value={leaseId} />
          <TextField id="exchange-vacated-on" name="vacatedOn" type="date" defaultValue={today} max={today} label={t("staff.countersign.vacatedOn")} required requiredLabel={required} errors={errors.vacatedOn} />
          <TextAreaField id="exchange-findings" name="findings" rows={3} label={t("staff.countersign.findings")} hint={t("staff.countersign.findingsHint")} required requiredLabel={required} maxLength={2000} errors={errors.findings} />
          <label className="flex items-start gap-3">
            <input type="checkbox" name="hasIssues" className="mt-1 size-5 accent-brand-700" />
            <span className="text-slate-900">{t("staff.countersign.hasIssues")}</span>
          </label>
        </div>
      )}
    </ConfirmForm>
  );
}
