import type { ReactNode } from "react";

// Small accessible field pieces for the audit forms (textarea and radio groups the ui kit lacks).

export const textareaClass = "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base";

export function TextAreaField({
  id,
  name,
  label,
  hint,
  errors,
  required,
  requiredLabel,
  rows = 3,
  maxLength,
  defaultValue,
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  requiredLabel?: string;
  rows?: number;
  maxLength?: number;
  defaultValue?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-base font-medium text-slate-900">
        {label}
        {required && requiredLabel ? <span className="ml-1 text-sm font-normal text-slate-600">{requiredLabel}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="-mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className={textareaClass}
      />
      <div id={`${id}-error`} aria-live="polite">
        {errors?.map((m) => (
          <p key={m} className="text-sm font-medium text-accent-600">
            <span aria-hidden="true">⚠ </span>
            {m}
          </p>
        ))}
      </div>
    </div>
  );
}

export function RadioGroup({
  name,
  legend,
  options,
  defaultValue,
  errors,
  idPrefix,
}: {
  name: string;
  legend: ReactNode;
  options: Array<{ value: string; label: ReactNode }>;
  defaultValue?: string;
  errors?: string[];
  idPrefix: string;
}) {
  return (
    <fieldset className="flex flex-col gap-1.5" aria-describedby={errors?.length ? `${idPrefix}-error` : undefined}>
      <legend className="mb-1 text-base font-medium text-slate-900">{legend}</legend>
      <div className="flex flex-wrap gap-3">
        {options.map((o) => (
          <label key={o.value} htmlFor={`${idPrefix}-${o.value}`} className="flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-3">
            <input id={`${idPrefix}-${o.value}`} type="radio" name={name} value={o.value} defaultChecked={defaultValue === o.value} className="size-4" />
            {o.label}
          </label>
        ))}
      </div>
      <div id={`${idPrefix}-error`} aria-live="polite">
        {errors?.map((m) => (
          <p key={m} className="text-sm font-medium text-accent-600">
            <span aria-hidden="true">⚠ </span>
            {m}
          </p>
        ))}
      </div>
    </fieldset>
  );
}
