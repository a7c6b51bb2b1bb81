"use client";

import { useLocale, useTranslations } from "@/components/i18n/client-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveHouseholdStepAction } from "@/lib/applications/actions";
import { formatIsoDate } from "@/lib/applications/format";
import type { CO_MEMBER_RELATIONSHIPS, MARITAL_STATUSES } from "@/lib/applications/schemas";
import { birthDateFromResidentId, isValidResidentId, sexFromResidentId } from "@/lib/rules/client";
import { FormSection, RadioGroupField, useMessage } from "./form-controls";
import { useStepForm } from "./use-step-form";

export interface PersonValues {
  name: string;
  residentId: string;
  relationship: string;
  maritalStatus: string;
  fullCivilCapacity: "" | "yes" | "no";
  annualIncomeYuan: string;
}

const EMPTY_MEMBER: PersonValues = { name: "", residentId: "", relationship: "", maritalStatus: "", fullCivilCapacity: "yes", annualIncomeYuan: "" };

/**
 * "男 · 1990年5月17日出生" from a valid ID, as the person types; or why it is not valid yet. Once the
 * field shows an error, the error says what is wrong and the hint goes back to the format.
 */
function ResidentIdHint({ value, hasError }: { value: string; hasError: boolean }) {
  const t = useTranslations("applications.apply.household");
  const locale = useLocale();
  const id = value.trim().toUpperCase();
  if (id.length === 0 || (hasError && !isValidResidentId(id))) return <>{t("residentIdHint")}</>;
  if (id.length < 18) return <>{t("residentIdTyping", { count: id.length })}</>;
  if (!isValidResidentId(id)) return <span className="font-medium text-accent-600">{t("residentIdBad")}</span>;
  return (
    <span className="font-medium text-green-800">
      ✓ {t("derived", { sex: t(`sex.${sexFromResidentId(id)}`), birthDate: formatIsoDate(birthDateFromResidentId(id), locale) })}
    </span>
  );
}

function toInput(applicant: PersonValues, members: PersonValues[]) {
  const flag = (v: string) => (v === "yes" ? true : v === "no" ? false : undefined);
  return {
    applicant: {
      name: applicant.name,
      residentId: applicant.residentId,
      maritalStatus: applicant.maritalStatus || undefined,
      fullCivilCapacity: flag(applicant.fullCivilCapacity),
      annualIncomeYuan: applicant.annualIncomeYuan,
    },
    members: members.map((m) => ({
      name: m.name,
      residentId: m.residentId,
      relationship: m.relationship || undefined,
      maritalStatus: m.maritalStatus || null,
      fullCivilCapacity: flag(m.fullCivilCapacity),
      annualIncomeYuan: m.annualIncomeYuan,
    })),
  };
}

/** The schema's options and limits, given by the server page (the schema itself comes on first use). */
export interface HouseholdOptions {
  relationships: typeof CO_MEMBER_RELATIONSHIPS;
  maritalStatuses: typeof MARITAL_STATUSES;
  maxMembers: number;
}

export function HouseholdForm({
  initialApplicant,
  initialMembers,
  options,
  next,
}: {
  initialApplicant: PersonValues;
  initialMembers: PersonValues[];
  options: HouseholdOptions;
  next: string;
}) {
  const t = useTranslations("applications");
  const tc = useTranslations("common");
  const message = useMessage();
  const [applicant, setApplicant] = useState<PersonValues>(initialApplicant);
  const [members, setMembers] = useState<PersonValues[]>(initialMembers);
  const { pending, fieldErrors, formError, save, check, prefetch } = useStepForm(saveHouseholdStepAction, next);
  const required = tc("required");

  const errorsOf = (path: string) => fieldErrors[path];
  const maritalOptions = options.maritalStatuses.map((m) => ({ value: m, label: t(`marital.${m}`) }));
  const capacityOptions = [
    { value: "yes", label: t("apply.household.capacityYes") },
    { value: "no", label: t("apply.household.capacityNo") },
  ];

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const input = toInput(applicant, members);
    // Instant feedback with the server's own schema; the server checks again (and Art. 12).
    if (!(await check((s) => s.householdStepSchema, input))) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    save(input);
  }

  function personFields(prefix: string, person: PersonValues, update: (patch: Partial<PersonValues>) => void, isApplicant: boolean) {
    return (
      <>
        <TextField
          id={`${prefix}-name`}
          name={`${prefix}.name`}
          label={t("apply.household.name")}
          autoComplete={isApplicant ? "name" : "off"}
          maxLength={50}
          required
          requiredLabel={required}
          value={person.name}
          onChange={(e) => update({ name: e.target.value })}
          errors={errorsOf(`${prefix}.name`)}
        />
        <TextField
          id={`${prefix}-residentId`}
          name={`${prefix}.residentId`}
          label={t("apply.household.residentId")}
          hint={<ResidentIdHint value={person.residentId} hasError={Boolean(errorsOf(`${prefix}.residentId`)?.length)} />}
          inputMode="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={18}
          required
          requiredLabel={required}
          value={person.residentId}
          onChange={(e) => update({ residentId: e.target.value.replace(/\s/g, "").toUpperCase() })}
          errors={errorsOf(`${prefix}.residentId`)}
        />
        {isApplicant ? null : (
          <SelectField
            id={`${prefix}-relationship`}
            name={`${prefix}.relationship`}
            label={t("apply.household.relationship")}
            hint={t("apply.household.relationshipHint")}
            placeholder={t("apply.choose")}
            options={options.relationships.map((r) => ({ value: r, label: t(`relationship.${r}`) }))}
            required
            requiredLabel={required}
            value={person.relationship}
            onChange={(e) => update({ relationship: e.target.value })}
            errors={errorsOf(`${prefix}.relationship`)}
          />
        )}
        <SelectField
          id={`${prefix}-maritalStatus`}
          name={`${prefix}.maritalStatus`}
          label={isApplicant ? t("apply.household.maritalStatus") : t("apply.household.maritalStatusOptional")}
          placeholder={t("apply.choose")}
          options={maritalOptions}
          required={isApplicant}
          requiredLabel={required}
          value={person.maritalStatus}
          onChange={(e) => update({ maritalStatus: e.target.value })}
          errors={errorsOf(`${prefix}.maritalStatus`)}
        />
        <RadioGroupField
          id={`${prefix}-capacity`}
          name={`${prefix}.fullCivilCapacity`}
          legend={t("apply.household.civilCapacity")}
          hint={isApplicant ? t("apply.household.civilCapacityHint") : undefined}
          options={capacityOptions}
          value={person.fullCivilCapacity}
          onChange={(v) => update({ fullCivilCapacity: v as "yes" | "no" })}
          errors={errorsOf(`${prefix}.fullCivilCapacity`)}
        />
        <TextField
          id={`${prefix}-income`}
          name={`${prefix}.annualIncomeYuan`}
          label={t("apply.household.income")}
          hint={t("apply.household.incomeHint")}
          inputMode="decimal"
          autoComplete="off"
          maxLength={16}
          required
          requiredLabel={required}
          value={person.annualIncomeYuan}
          onChange={(e) => update({ annualIncomeYuan: e.target.value })}
          errors={errorsOf(`${prefix}.annualIncomeYuan`)}
        />
      </>
    );
  }

  return (
    <form onSubmit={onSubmit} onFocus={prefetch} noValidate className="flex flex-col gap-6">
      {formError ? <Alert tone="error" title={formError} /> : null}
      <FormSection id="applicant" title={t("apply.household.applicantTitle")}>
        {personFields("applicant", applicant, (patch) => setApplicant((a) => ({ ...a, ...patch })), true)}
      </FormSection>

      {members.map((member, i) => (
        <FormSection
          key={i}
          id={`member-${i}`}
          title={t("apply.household.memberTitle", { n: i + 1 })}
          actions={
            <Button variant="ghost" className="min-h-9 px-2 text-accent-600" onClick={() => setMembers((ms) => ms.filter((_, j) => j !== i))}>
              {t("apply.household.removeMember", { n: i + 1 })}
            </Button>
          }
        >
          {personFields(`members.${i}`, member, (patch) => setMembers((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m))), false)}
        </FormSection>
      ))}

      <div className="flex flex-col gap-2 rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4">
        <p className="text-sm text-slate-700">{t("apply.household.membersHelp")}</p>
        <Button
          variant="secondary"
          className="self-start"
          disabled={members.length >= options.maxMembers - 1}
          onClick={() => setMembers((ms) => [...ms, { ...EMPTY_MEMBER }])}
        >
          {t("apply.household.addMember")}
        </Button>
      </div>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <SubmitButton pending={pending} pendingLabel={t("apply.saving")} className="w-full sm:w-auto">
          {t("apply.saveAndContinue")}
        </SubmitButton>
      </div>
    </form>
  );
}
