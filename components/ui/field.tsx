import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  requiredLabel?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** Label and hint above the control, errors below it, all wired to it by id (errors announced politely). */
function FieldShell({ id, label, hint, errors, required, requiredLabel, children }: FieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-base font-medium text-slate-900">
        {label}
        {required && requiredLabel ? (
          <span className="ml-1 text-sm font-normal text-slate-600">{requiredLabel}</span>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="-mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children(describedBy, Boolean(errorId))}
      <div id={errorId} aria-live="polite">
        {errors?.map((message) => (
          <p key={message} className="flex items-start gap-1 text-sm font-medium text-accent-600">
            <span aria-hidden="true">⚠</span>
            {message}
          </p>
        ))}
      </div>
    </div>
  );
}

const control =
  "block min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-xs " +
  "placeholder:text-slate-400 focus:border-brand-500";

type TextFieldProps = Omit<ComponentProps<"input">, "id"> & {
  id?: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  requiredLabel?: string;
};

export function TextField({ id, name, label, hint, errors, required, requiredLabel, className, ...input }: TextFieldProps) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} errors={errors} required={required} requiredLabel={requiredLabel}>
      {(describedBy, invalid) => (
        <input
          id={fieldId}
          name={name}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={cn(control, invalid ? "border-accent-600" : "border-slate-400", className)}
          {...input}
        />
      )}
    </FieldShell>
  );
}

type SelectFieldProps = Omit<ComponentProps<"select">, "id"> & {
  id?: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  requiredLabel?: string;
  placeholder?: string;
  options: Array<{ value: string; label: string }>;
};

export function SelectField({
  id,
  name,
  label,
  hint,
  errors,
  required,
  requiredLabel,
  placeholder,
  options,
  className,
  ...select
}: SelectFieldProps) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} errors={errors} required={required} requiredLabel={requiredLabel}>
      {(describedBy, invalid) => (
        <select
          id={fieldId}
          name={name}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={cn(control, invalid ? "border-accent-600" : "border-slate-400", className)}
          {...select}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
