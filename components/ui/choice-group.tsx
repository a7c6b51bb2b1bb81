import type { ReactNode } from "react";
import { cn } from "./cn";
import { FieldErrorList, RequiredMark } from "./field";

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/**
 * A group of radio buttons or checkboxes under one legend, uncontrolled (read from the form data), with the
 * hint and errors tied to the fieldset by aria-describedby. Each option's input has id `${id}-${value}`.
 * `inline` lays the options out side by side as bordered buttons (the audit forms' short OK/problem choices)
 * instead of one per line.
 */
export function ChoiceGroup({
  type,
  name,
  legend,
  hint,
  options,
  errors,
  defaultValue,
  onChange,
  required,
  requiredLabel,
  id: givenId,
  idPrefix,
  inline = false,
}: {
  /** The group's id; defaults to `${idPrefix}-${name}` (idPrefix "group"). */
  id?: string;
  idPrefix?: string;
  type: "radio" | "checkbox";
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: ChoiceOption[];
  errors?: string[];
  defaultValue?: string | string[];
  onChange?: (value: string, checked: boolean) => void;
  required?: boolean;
  requiredLabel?: string;
  inline?: boolean;
}) {
  const id = givenId ?? `${idPrefix ?? "group"}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const defaults = Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : [];
  return (
    <fieldset aria-describedby={describedBy} className="flex min-w-0 flex-col gap-2">
      <legend className="mb-1 text-base font-medium text-slate-900">
        {legend}
        <RequiredMark required={required} label={requiredLabel} />
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="-mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className={inline ? "flex flex-wrap gap-3" : "flex flex-col gap-1"}>
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <label
              key={option.value}
              htmlFor={optionId}
              className={cn(
                "flex min-h-11 cursor-pointer rounded-md",
                inline ? "items-center gap-2 border border-slate-300 px-3" : "items-start gap-3 px-2 py-2 hover:bg-slate-50",
              )}
            >
              <input
                id={optionId}
                type={type}
                name={name}
                value={option.value}
                defaultChecked={defaults.includes(option.value)}
                onChange={onChange ? (e) => onChange(option.value, e.currentTarget.checked) : undefined}
                className={inline ? "size-4" : "mt-0.5 size-5 shrink-0 accent-brand-700"}
              />
              <span className="min-w-0">
                <span className="text-base text-slate-900">{option.label}</span>
                {option.hint ? <span className="block text-sm text-slate-600">{option.hint}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      <FieldErrorList id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
