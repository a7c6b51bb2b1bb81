"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "@/components/i18n/client-intl";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SelectField, TextField } from "@/components/ui/field";
import { draftDirectedLeaseAction } from "@/lib/tenancy/actions";

// The lease of a directed-allocation nominee (Art. 24-27): the household from the enterprise's or
// body's papers, the mobile number for notices, the start and the term. One row per member besides
// the nominee, as many as the household size recorded at nomination.

const loadSchema = () => import("@/lib/tenancy/directed-lease-schemas").then((m) => m.draftDirectedLeaseSchema);

const TERMS = [12, 24, 36, 48, 60];
const RELATIONSHIPS = ["SPOUSE", "CHILD", "PARENT", "SPOUSE_PARENT", "OTHER_DEPENDENT"] as const;

export function DraftDirectedLease({ nominee, today }: { nominee: { id: string; name: string; householdSize: number; unitLabel: string }; today: string }) {
  const t = useTranslations("allocation.directed.lease");
  const staff = useTranslations("tenancy.staff");
  const relation = useTranslations("tenancy.relationship");
  const common = useTranslations("common");
  const router = useRouter();
  const others = Array.from({ length: Math.max(0, nominee.householdSize - 1) }, (_, i) => i);
  return (
    <ConfirmForm
      action={draftDirectedLeaseAction}
      schema={loadSchema}
      confirmTitle={t("confirmTitle")}
      confirmMessage={(v) => t("confirm", { name: nominee.name, unit: nominee.unitLabel, start: String(v.startDate ?? ""), months: String(v.termMonths ?? "") })}
      submitLabel={t("submit")}
      confirmLabel={t("confirmButton")}
      cancelLabel={staff("cancel")}
      pendingLabel={common("submitting")}
      onSuccess={(data) => router.push(`/staff/leases/${(data as { leaseNo: string }).leaseNo}`)}
      testId="draft-directed-lease"
    >
      {(errors) => (
        <div className="flex flex-col gap-6">
          <input type="hidden" name="nomineeId" value={nominee.id} />
          <fieldset className="grid gap-3 sm:grid-cols-2">
            <legend className="mb-2 font-semibold text-slate-900">{t("nomineeLegend", { name: nominee.name })}</legend>
            <TextField id="contact-phone" name="contactPhone" type="tel" inputMode="numeric" autoComplete="off" label={t("phone")} hint={t("phoneHint")} required requiredLabel={common("required")} errors={errors.contactPhone} />
            <TextField id="nominee-income" name="nomineeIncome" inputMode="decimal" label={t("nomineeIncome")} hint={t("incomeHint")} required requiredLabel={common("required")} errors={errors.nomineeIncome} />
          </fieldset>
          {others.length === 0 ? (
            <p className="text-sm text-slate-700">{t("noMembers")}</p>
          ) : (
            others.map((i) => (
              <fieldset key={i} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2" data-testid={`member-${i}`}>
                <legend className="px-1 font-semibold text-slate-900">{t("member", { n: i + 2 })}</legend>
                <TextField id={`member-name-${i}`} name="memberName" label={t("memberName")} required requiredLabel={common("required")} errors={errors[`memberName.${i}`]} />
                <SelectField
                  id={`member-relationship-${i}`}
                  name="memberRelationship"
                  label={t("memberRelationship")}
                  defaultValue=""
                  options={[{ value: "", label: t("choose") }, ...RELATIONSHIPS.map((r) => ({ value: r, label: relation(r) }))]}
                  required
                  requiredLabel={common("required")}
                  errors={errors[`memberRelationship.${i}`]}
                />
                <TextField id={`member-id-${i}`} name="memberResidentId" autoComplete="off" label={t("memberResidentId")} required requiredLabel={common("required")} errors={errors[`memberResidentId.${i}`]} />
                <TextField id={`member-income-${i}`} name="memberIncome" inputMode="decimal" label={t("memberIncome")} hint={t("incomeHint")} required requiredLabel={common("required")} errors={errors[`memberIncome.${i}`]} />
              </fieldset>
            ))
          )}
          <fieldset className="grid gap-3 sm:grid-cols-2">
            <legend className="mb-2 font-semibold text-slate-900">{t("leaseLegend")}</legend>
            <TextField id="start-date" name="startDate" type="date" defaultValue={today} label={staff("draft.startDate")} required requiredLabel={common("required")} errors={errors.startDate} />
            <SelectField
              id="term-months"
              name="termMonths"
              label={staff("draft.term")}
              hint={staff("draft.termHint")}
              defaultValue="36"
              options={TERMS.map((m) => ({ value: String(m), label: staff("draft.months", { months: m }) }))}
              required
              requiredLabel={common("required")}
              errors={errors.termMonths}
            />
          </fieldset>
        </div>
      )}
    </ConfirmForm>
  );
}
