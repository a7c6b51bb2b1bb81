"use client";

import { useRouter } from "next/navigation";
import { useFormKey } from "@/components/ui/form-key";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextField } from "@/components/ui/field";
import { counterPaymentAction, countersignLeaseAction, draftLeaseAction, paperSignatureAction, signLeaseAction, startPaymentAction, testCashierAction } from "@/lib/tenancy/actions";

// The forms of leases and payments (Art. 25-29). Each asks for confirmation before it posts.

const loadDraft = () => import("@/lib/tenancy/schemas").then((m) => m.draftLeaseSchema);
const loadSign = () => import("@/lib/tenancy/schemas").then((m) => m.signLeaseSchema);
const loadPay = () => import("@/lib/tenancy/schemas").then((m) => m.startPaymentSchema);
const loadPaperSign = () => import("@/lib/tenancy/directed-lease-schemas").then((m) => m.paperSignatureSchema);
const loadCounter = () => import("@/lib/tenancy/schemas").then((m) => m.counterPaymentSchema);

const TERMS = [12, 24, 36, 48, 60];

export function DraftLease({ offerId, today, label }: { offerId: string; today: string; label: string }) {
  const t = useTranslations("tenancy.staff");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={draftLeaseAction}
      schema={loadDraft}
      confirmTitle={t("draft.confirmTitle")}
      confirmMessage={(v) => t("draft.confirm", { unit: label, start: String(v.startDate ?? ""), months: String(v.termMonths ?? "") })}
      submitLabel={t("draft.submit")}
      confirmLabel={t("draft.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={(data) => router.push(`/staff/leases/${(data as { leaseNo: string }).leaseNo}`)}
      testId={`draft-lease-${offerId}`}
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="offerId" value={offerId} />
          <TextField id={`start-${offerId}`} name="startDate" type="date" defaultValue={today} label={t("draft.startDate")} required requiredLabel={common("required")} errors={errors.startDate} />
          <SelectField
            id={`term-${offerId}`}
            name="termMonths"
            label={t("draft.term")}
            hint={t("draft.termHint")}
            defaultValue="36"
            options={TERMS.map((m) => ({ value: String(m), label: t("draft.months", { months: m }) }))}
            required
            requiredLabel={common("required")}
            errors={errors.termMonths}
          />
        </div>
      )}
    </ConfirmForm>
  );
}

export function SignLease({ leaseId, leaseNo }: { leaseId: string; leaseNo: string }) {
  const t = useTranslations("tenancy.lease");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={signLeaseAction}
      schema={loadSign}
      confirmTitle={t("sign.confirmTitle")}
      confirmMessage={() => t("sign.confirm", { leaseNo })}
      submitLabel={t("sign.submit")}
      confirmLabel={t("sign.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="sign-lease"
    >
      {(errors) => (
        <div className="flex flex-col gap-4">
          <input type="hidden" name="leaseId" value={leaseId} />
          <label className="flex items-start gap-3">
            <input type="checkbox" name="agree" className="mt-1 size-5 accent-brand-700" aria-describedby={errors.agree ? "agree-error" : undefined} />
            <span className="text-slate-900">{t("sign.agree")}</span>
          </label>
          {errors.agree ? <p id="agree-error" className="text-sm text-red-700">{errors.agree.join(" ")}</p> : null}
          <TextField id="sign-password" name="password" type="password" autoComplete="current-password" label={t("sign.password")} hint={t("sign.passwordHint")} required requiredLabel={common("required")} errors={errors.password} />
        </div>
      )}
    </ConfirmForm>
  );
}

export function Countersign({ leaseId, leaseNo }: { leaseId: string; leaseNo: string }) {
  const t = useTranslations("tenancy.staff");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={countersignLeaseAction}
      confirmTitle={t("countersign.confirmTitle")}
      confirmMessage={() => t("countersign.confirm", { leaseNo })}
      submitLabel={t("countersign.submit")}
      confirmLabel={t("countersign.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="countersign-lease"
    >
      {() => <input type="hidden" name="leaseId" value={leaseId} />}
    </ConfirmForm>
  );
}

/** An officer records that a tenant without a portal account signed the paper lease before them (Art. 25). */
export function PaperSignature({ leaseId, leaseNo }: { leaseId: string; leaseNo: string }) {
  const t = useTranslations("tenancy.staff");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={paperSignatureAction}
      schema={loadPaperSign}
      confirmTitle={t("paperSign.confirmTitle")}
      confirmMessage={() => t("paperSign.confirm", { leaseNo })}
      submitLabel={t("paperSign.submit")}
      confirmLabel={t("paperSign.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => router.refresh()}
      testId="paper-signature"
    >
      {(errors) => (
        <div className="flex flex-col gap-2">
          <input type="hidden" name="leaseId" value={leaseId} />
          <label className="flex items-start gap-3">
            <input type="checkbox" name="identityChecked" className="mt-1 size-5 accent-brand-700" aria-describedby={errors.identityChecked ? "identity-error" : undefined} />
            <span className="text-slate-900">{t("paperSign.check")}</span>
          </label>
          {errors.identityChecked ? <p id="identity-error" className="text-sm text-red-700">{errors.identityChecked.join(" ")}</p> : null}
        </div>
      )}
    </ConfirmForm>
  );
}

export function PayOnline({ leaseId, dueYuan }: { leaseId: string; dueYuan: string }) {
  const t = useTranslations("tenancy.pay");
  const common = useTranslations("common");
  const router = useRouter();
  return (
    <ConfirmForm
      action={startPaymentAction}
      schema={loadPay}
      confirmTitle={t("confirmTitle")}
      confirmMessage={(v) => t("confirm", { amount: String(v.amount ?? "") })}
      submitLabel={t("submit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={(data) => router.push(`/me${(data as { payUrl: string }).payUrl}`)}
      testId="pay-online"
    >
      {(errors) => (
        <div className="flex flex-col gap-3">
          <input type="hidden" name="leaseId" value={leaseId} />
          <TextField id="pay-amount" name="amount" inputMode="decimal" defaultValue={dueYuan} label={t("amount")} hint={t("amountHint")} required requiredLabel={common("required")} errors={errors.amount} />
        </div>
      )}
    </ConfirmForm>
  );
}

export function CounterPayment({ leaseId, today, dueYuan }: { leaseId: string; today: string; dueYuan: string }) {
  const t = useTranslations("tenancy.staff");
  const common = useTranslations("common");
  const methods = useTranslations("tenancy.paymentMethod");
  const router = useRouter();
  // A fresh form key per form shown: the same form sent twice records one receipt.
  const [formKey, renewFormKey] = useFormKey("f");
  return (
    <ConfirmForm
      key={formKey}
      action={counterPaymentAction}
      schema={loadCounter}
      confirmTitle={t("counter.confirmTitle")}
      confirmMessage={(v) => t("counter.confirm", { amount: String(v.amount ?? ""), date: String(v.paidOn ?? "") })}
      submitLabel={t("counter.submit")}
      confirmLabel={t("counter.confirmButton")}
      cancelLabel={t("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={() => {
        renewFormKey();
        router.refresh();
      }}
      testId="counter-payment"
    >
      {(errors) => (
        <div className="grid gap-3 sm:grid-cols-3">
          <input type="hidden" name="leaseId" value={leaseId} />
          <input type="hidden" name="formKey" value={formKey} />
          <TextField id="counter-amount" name="amount" inputMode="decimal" defaultValue={dueYuan} label={t("counter.amount")} required requiredLabel={common("required")} errors={errors.amount} />
          <SelectField
            id="counter-method"
            name="method"
            label={t("counter.method")}
            defaultValue="CASH"
            options={(["CASH", "BANK_TRANSFER", "OTHER"] as const).map((m) => ({ value: m, label: methods(m) }))}
            required
            requiredLabel={common("required")}
            errors={errors.method}
          />
          <TextField id="counter-date" name="paidOn" type="date" defaultValue={today} label={t("counter.paidOn")} required requiredLabel={common("required")} errors={errors.paidOn} />
        </div>
      )}
    </ConfirmForm>
  );
}

export function TestCashier({ paymentId, leaseNo }: { paymentId: string; leaseNo: string }) {
  const t = useTranslations("tenancy.cashier");
  const common = useTranslations("common");
  const router = useRouter();
  const done = () => router.push(`/me/lease/${leaseNo}?paid=1`);
  return (
    <div className="flex flex-col gap-3">
      <ConfirmForm
        action={testCashierAction}
        confirmTitle={t("payTitle")}
        confirmMessage={() => t("payConfirm")}
        submitLabel={t("pay")}
        confirmLabel={t("payButton")}
        cancelLabel={t("cancel")}
        pendingLabel={common("submitting")}
        onSuccess={done}
        testId="cashier-pay"
      >
        {() => (
          <>
            <input type="hidden" name="paymentId" value={paymentId} />
            <input type="hidden" name="outcome" value="PAID" />
          </>
        )}
      </ConfirmForm>
      <ConfirmForm
        action={testCashierAction}
        confirmTitle={t("failTitle")}
        confirmMessage={() => t("failConfirm")}
        submitLabel={t("fail")}
        confirmLabel={t("failButton")}
        cancelLabel={t("cancel")}
        pendingLabel={common("submitting")}
        submitVariant="secondary"
        onSuccess={done}
        testId="cashier-fail"
      >
        {() => (
          <>
            <input type="hidden" name="paymentId" value={paymentId} />
            <input type="hidden" name="outcome" value="FAILED" />
          </>
        )}
      </ConfirmForm>
    </div>
  );
}
