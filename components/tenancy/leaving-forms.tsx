"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import {
  confirmViolationAction,
  dismissViolationAction,
  issueVacateOrderAction,
  liftBansAction,
  recordMoveOutAction,
  recordViolationAction,
  referToCourtAction,
} from "@/lib/tenancy/leaving-actions";

// The officers' forms for violations, vacate orders and moving out (Art. 31, 38-41). Each asks for
// confirmation before it posts; the decisions cannot be undone.

const schemas = () => import("@/lib/tenancy/leaving-schemas");
const loadRecord = () => schemas().then((m) => m.recordViolationSchema);
const loadConfirm = () => schemas().then((m) => m.confirmViolationSchema);
const loadDismiss = () => schemas().then((m) => m.dismissViolationSchema);
const loadIssue = () => schemas().then((m) => m.issueVacateOrderSchema);
const loadCourt = () => schemas().then((m) => m.referToCourtSchema);
const loadMoveOut = () => schemas().then((m) => m.recordMoveOutSchema);
const loadLift = () => schemas().then((m) => m.liftBansSchema);

function useCommon() {
  const common = useTranslations("common");
  const t = useTranslations("leaving");
  const router = useRouter();
  return { common, t, refresh: () => router.refresh(), cancel: t("cancel"), pending: common("submitting"), required: common("required") };
}

function Checkbox({ name, label, defaultChecked, errors }: { name: string; label: string; defaultChecked?: boolean; errors?: string[] }) {
  return (
    <div>
      <label className="flex items-start gap-3">
        <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-1 size-5 accent-brand-700" />
        <span className="text-slate-900">{label}</span>
      </label>
      {errors ? <p className="mt-1 text-sm text-red-700">{errors.join(" ")}</p> : null}
    </div>
  );
}

export function RecordViolation({ leaseId, today, kinds }: { leaseId: string; today: string; kinds: { value: string; label: string }[] }) {
  const { t, refresh, cancel, pending, required } = useCommon();
  return (
    <ConfirmForm
      action={recordViolationAction}
      schema={loadRecord}
      confirmTitle={t("violations.confirmTitle")}
      confirmMessage={() => t("violations.confirm")}
      submitLabel={t("violations.submit")}
      confirmLabel={t("violations.confirmButton")}
      cancelLabel={cancel}
      pendingLabel={pending}
      onSuccess={refresh}
      testId="record-violation"
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="leaseId" value={leaseId} />
          <SelectField id="violation-kind" name="kind" label={t("violations.kind")} placeholder="" options={kinds} required requiredLabel={required} errors={errors.kind} />
          <TextField id="violation-detected" name="detectedOn" type="date" defaultValue={today} label={t("violations.detectedOn")} required requiredLabel={required} errors={errors.detectedOn} />
          <div className="sm:col-span-2">
            <TextAreaField id="violation-description" name="description" rows={3} label={t("violations.description")} required requiredLabel={required} errors={errors.description} />
          </div>
          <div className="sm:col-span-2">
            <TextAreaField id="violation-evidence" name="evidence" rows={3} label={t("violations.evidence")} hint={t("violations.evidenceHint")} required requiredLabel={required} errors={errors.evidence} />
          </div>
          <div className="sm:col-span-2">
            <TextAreaField id="violation-note" name="internalNote" rows={2} label={t("violations.internalNote")} errors={errors.internalNote} />
          </div>
        </div>
      )}
    </ConfirmForm>
  );
}

export function DecideViolation({ violationId, violationNo, leaseNo, defaultDeadline }: { violationId: string; violationNo: string; leaseNo: string; defaultDeadline: string }) {
  const { t, refresh, cancel, pending, required } = useCommon();
  return (
    <div className="flex flex-col gap-4">
      <ConfirmForm
        action={confirmViolationAction}
        schema={loadConfirm}
        confirmTitle={t("violations.decide.confirmTitle")}
        confirmMessage={(v) => t("violations.decide.confirm", { no: violationNo, leaseNo, deadline: String(v.deadline ?? "") })}
        submitLabel={t("violations.decide.confirmSubmit")}
        confirmLabel={t("violations.decide.confirmButton")}
        cancelLabel={cancel}
        pendingLabel={pending}
        submitVariant="danger"
        onSuccess={refresh}
        testId={`confirm-violation-${violationNo}`}
      >
        {(errors) => (
          <div className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="violationId" value={violationId} />
            <div className="sm:col-span-2">
              <TextAreaField id={`decide-reason-${violationId}`} name="decisionReason" rows={2} label={t("violations.decide.reason")} required requiredLabel={required} errors={errors.decisionReason} />
            </div>
            <TextField id={`decide-deadline-${violationId}`} name="deadline" type="date" defaultValue={defaultDeadline} label={t("violations.decide.deadline")} hint={t("violations.decide.deadlineHint")} required requiredLabel={required} errors={errors.deadline} />
          </div>
        )}
      </ConfirmForm>
      <ConfirmForm
        action={dismissViolationAction}
        schema={loadDismiss}
        confirmTitle={t("violations.decide.dismissTitle")}
        confirmMessage={() => t("violations.decide.dismiss", { no: violationNo })}
        submitLabel={t("violations.decide.dismissSubmit")}
        confirmLabel={t("violations.decide.dismissButton")}
        cancelLabel={cancel}
        pendingLabel={pending}
        submitVariant="secondary"
        onSuccess={refresh}
        testId={`dismiss-violation-${violationNo}`}
      >
        {(errors) => (
          <>
            <input type="hidden" name="violationId" value={violationId} />
            <TextAreaField id={`dismiss-reason-${violationId}`} name="decisionReason" rows={2} label={t("violations.decide.reason")} required requiredLabel={required} errors={errors.decisionReason} />
          </>
        )}
      </ConfirmForm>
    </div>
  );
}

export function IssueVacateOrder({ leaseId, leaseNo, defaultDeadline, grounds }: { leaseId: string; leaseNo: string; defaultDeadline: string; grounds: { value: string; label: string }[] }) {
  const { t, refresh, cancel, pending, required } = useCommon();
  return (
    <ConfirmForm
      action={issueVacateOrderAction}
      schema={loadIssue}
      confirmTitle={t("orders.confirmTitle")}
      confirmMessage={(v) => t("orders.confirm", { leaseNo, deadline: String(v.deadline ?? "") })}
      submitLabel={t("orders.submit")}
      confirmLabel={t("orders.confirmButton")}
      cancelLabel={cancel}
      pendingLabel={pending}
      submitVariant="danger"
      onSuccess={refresh}
      testId="issue-vacate-order"
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="leaseId" value={leaseId} />
          <div className="sm:col-span-2">
            <SelectField id="order-ground" name="ground" label={t("orders.ground")} placeholder="" options={grounds} required requiredLabel={required} errors={errors.ground} />
          </div>
          <TextField id="order-deadline" name="deadline" type="date" defaultValue={defaultDeadline} label={t("orders.deadline")} required requiredLabel={required} errors={errors.deadline} />
          <div className="sm:col-span-2">
            <Checkbox name="transitionGranted" label={t("orders.transition")} errors={errors.transitionGranted} />
          </div>
          <div className="sm:col-span-2">
            <TextAreaField id="order-reason" name="reason" rows={2} label={t("orders.reason")} required requiredLabel={required} errors={errors.reason} />
          </div>
        </div>
      )}
    </ConfirmForm>
  );
}

export function ReferToCourt({ orderId, orderNo }: { orderId: string; orderNo: string }) {
  const { t, refresh, cancel, pending, required } = useCommon();
  return (
    <ConfirmForm
      action={referToCourtAction}
      schema={loadCourt}
      confirmTitle={t("orders.court.confirmTitle")}
      confirmMessage={() => t("orders.court.confirm", { no: orderNo })}
      submitLabel={t("orders.court.submit")}
      confirmLabel={t("orders.court.confirmButton")}
      cancelLabel={cancel}
      pendingLabel={pending}
      onSuccess={refresh}
      testId="refer-to-court"
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="orderId" value={orderId} />
          <TextField id="court-case" name="courtCaseNo" label={t("orders.court.caseNo")} errors={errors.courtCaseNo} />
          <div className="sm:col-span-2">
            <TextAreaField id="court-note" name="courtNote" rows={2} label={t("orders.court.note")} required requiredLabel={required} errors={errors.courtNote} />
          </div>
        </div>
      )}
    </ConfirmForm>
  );
}

export function RecordMoveOut({ leaseId, today }: { leaseId: string; today: string }) {
  const { t, refresh, cancel, pending, required } = useCommon();
  return (
    <ConfirmForm
      action={recordMoveOutAction}
      schema={loadMoveOut}
      confirmTitle={t("moveOut.confirmTitle")}
      confirmMessage={(v) => t("moveOut.confirm", { date: String(v.vacatedOn ?? "") })}
      submitLabel={t("moveOut.submit")}
      confirmLabel={t("moveOut.confirmButton")}
      cancelLabel={cancel}
      pendingLabel={pending}
      onSuccess={refresh}
      testId="record-move-out"
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="leaseId" value={leaseId} />
          <TextField id="move-out-date" name="vacatedOn" type="date" defaultValue={today} label={t("moveOut.vacatedOn")} required requiredLabel={required} errors={errors.vacatedOn} />
          <div className="sm:col-span-2">
            <TextAreaField id="move-out-findings" name="findings" rows={3} label={t("moveOut.findings")} hint={t("moveOut.findingsHint")} required requiredLabel={required} errors={errors.findings} />
          </div>
          <div className="sm:col-span-2">
            <Checkbox name="hasIssues" label={t("moveOut.hasIssues")} errors={errors.hasIssues} />
          </div>
        </div>
      )}
    </ConfirmForm>
  );
}

/** Lift the bans of a violation whose decision was overturned (Art. 40). */
export function LiftBans({ violationId, violationNo }: { violationId: string; violationNo: string }) {
  const { t, refresh, cancel, pending, required } = useCommon();
  return (
    <ConfirmForm
      action={liftBansAction}
      schema={loadLift}
      confirmTitle={t("bans.liftConfirmTitle")}
      confirmMessage={() => t("bans.liftConfirm", { no: violationNo })}
      submitLabel={t("bans.liftSubmit")}
      confirmLabel={t("bans.liftConfirmButton")}
      cancelLabel={cancel}
      pendingLabel={pending}
      onSuccess={refresh}
      testId={`lift-bans-${violationNo}`}
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="violationId" value={violationId} />
          <TextField id={`lift-doc-${violationId}`} name="documentNo" label={t("bans.liftDocument")} required requiredLabel={required} errors={errors.documentNo} />
          <div className="sm:col-span-2">
            <TextAreaField id={`lift-reason-${violationId}`} name="reason" rows={2} label={t("bans.liftReason")} required requiredLabel={required} errors={errors.reason} />
          </div>
        </div>
      )}
    </ConfirmForm>
  );
}
