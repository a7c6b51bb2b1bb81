"use client";

import { useTranslations } from "@/components/i18n/client-intl";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { FieldErrorList, RequiredMark } from "@/components/ui/field";

// Controls the form's steps need beyond components/ui: controlled radio groups and checkboxes with a
// legend, hint and errors wired up by id, big enough to tap on a phone. (The uncontrolled ChoiceGroup in
// components/ui/choice-group.tsx serves the staff forms; these hold step state in React instead.)

export function useMessage() {
  const t = useTranslations();
  const loose = t as unknown as { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
  return (key: string, values?: Record<string, string | number>) => (loose.has(key) ? loose(key, values) : loose("validation.invalid"));
}

export function RadioGroupField({
  id,
  name,
  legend,
  hint,
  options,
  value,
  onChange,
  errors,
  required,
  requiredLabel,
  columns = false,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: Array<{ value: string; label: ReactNode; description?: ReactNode; disabled?: boolean }>;
  value: string | null;
  onChange: (value: string) => void;
  errors?: string[];
  required?: boolean;
  requiredLabel?: string;
  columns?: boolean;
}) {
  const invalid = Boolean(errors?.length);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  return (
    <fieldset aria-describedby={[hintId, invalid ? errorId : undefined].filter(Boolean).join(" ") || undefined} className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-base font-medium text-slate-900">
        {legend}
        <RequiredMark required={required} label={requiredLabel} />
      </legend>
      {hint ? (
        <p id={hintId} className="-mt-1 mb-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className={cn("flex gap-2", columns ? "flex-col" : "flex-wrap")}>
        {options.map((o, i) => (
          <label
            key={o.value}
            className={cn(
              "flex min-h-11 cursor-pointer items-start gap-2 rounded-md border bg-white px-3 py-2",
              value === o.value ? "border-brand-600 bg-brand-50" : invalid ? "border-accent-600" : "border-slate-300",
              o.disabled && "cursor-not-allowed opacity-60",
            )}
          >
            <input
              type="radio"
              id={i === 0 ? id : undefined}
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={o.disabled}
              onChange={() => onChange(o.value)}
              aria-invalid={invalid || undefined}
              className="mt-1 size-4 shrink-0 accent-brand-700"
            />
            <span className="flex flex-col">
              <span className="text-base text-slate-900">{o.label}</span>
              {o.description ? <span className="text-sm text-slate-600">{o.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}

export function CheckboxField({
  id,
  label,
  description,
  checked,
  onChange,
  errors,
}: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  errors?: string[];
}) {
  const invalid = Boolean(errors?.length);
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={cn("flex min-h-11 cursor-pointer items-start gap-3 rounded-md border bg-white px-3 py-2", invalid ? "border-accent-600" : checked ? "border-brand-600 bg-brand-50" : "border-slate-300")}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          className="mt-1 size-5 shrink-0 accent-brand-700"
        />
        <span className="flex flex-col">
          <span className="text-base text-slate-900">{label}</span>
          {description ? <span className="text-sm text-slate-600">{description}</span> : null}
        </span>
      </label>
      <FieldErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function FormSection({ id, title, children, actions }: { id: string; title: ReactNode; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {actions}
      </div>
      <div className="flex flex-col gap-5">{children}</div>
    </section>
  );
}
