import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

// Controls the ui kit lacks (a textarea, radio and checkbox groups), wired the same way: a label,
// a hint and errors tied to the control with aria-describedby; errors announced politely.

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite">
      {errors?.map((message) => (
        <p key={message} className="flex items-start gap-1 text-sm font-medium text-accent-600">
          <span aria-hidden="true">⚠</span>
          {message}
        </p>
      ))}
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  errors,
  required,
  requiredLabel,
  className,
  idPrefix,
  ...props
}: Omit<ComponentProps<"textarea">, "id"> & { name: string; label: ReactNode; hint?: ReactNode; errors?: string[]; requiredLabel?: string; idPrefix?: string }) {
  const id = `${idPrefix ?? "field"}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const invalid = Boolean(errors?.length);
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
        required={required}
        rows={4}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className={cn(
          "block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-xs focus:border-brand-500",
          invalid ? "border-accent-600" : "border-slate-400",
          className,
        )}
        {...props}
      />
      <Errors id={`${id}-error`} errors={errors} />
    </div>
  );
}

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/** A group of radio buttons or checkboxes under one legend. */
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
  idPrefix,
}: {
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
}) {
  const id = `${idPrefix ?? "group"}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const defaults = Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : [];
  return (
    <fieldset aria-describedby={describedBy} className="flex min-w-0 flex-col gap-2">
      <legend className="mb-1 text-base font-medium text-slate-900">
        {legend}
        {required && requiredLabel ? <span className="ml-1 text-sm font-normal text-slate-600">{requiredLabel}</span> : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="-mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <label key={option.value} htmlFor={optionId} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md px-2 py-2 hover:bg-slate-50">
              <input
                id={optionId}
                type={type}
                name={name}
                value={option.value}
                defaultChecked={defaults.includes(option.value)}
                onChange={onChange ? (e) => onChange(option.value, e.currentTarget.checked) : undefined}
                className="mt-0.5 size-5 shrink-0 accent-brand-700"
              />
              <span className="min-w-0">
                <span className="text-base text-slate-900">{option.label}</span>
                {option.hint ? <span className="block text-sm text-slate-600">{option.hint}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      <Errors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
