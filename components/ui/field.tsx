import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/**
 * A field's error messages, in a polite live region so screen readers announce them when they appear.
 * Shared by every field kind (and by the choice groups and the application step controls) so errors
 * look and are announced the same everywhere.
 */
export function FieldErrorList({ id, errors }: { id: string | undefined; errors?: string[] }) {
  // Each message once, even when two checks of one field say the same thing.
  const messages = errors ? [...new Set(errors)] : [];
  return (
    <div id={id} aria-live="polite">
      {messages.map((message) => (
        <p key={message} className="flex items-start gap-1 text-sm font-medium text-accent-600">
          <span aria-hidden="true">⚠</span>
          {message}
        </p>
      ))}
    </div>
  );
}

/** The "(required)" note after a label or legend; shown only when the field is required and a text was given. */
export function RequiredMark({ required, label }: { required?: boolean; label?: string }) {
  return required && label ? <span className="ml-1 text-sm font-normal text-slate-600">{label}</span> : null;
}

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
        <RequiredMark required={required} label={requiredLabel} />
      </label>
      {hint ? (
        <p id={hintId} className="-mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children(describedBy, Boolean(errorId))}
      <FieldErrorList id={errorId} errors={errors} />
    </div>
  );
}

const control =
  "block min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-xs " +
  "placeholder:text-slate-400 focus:border-brand-500";

/** The attributes every single-line control (input, select) gets from its shell: id, name, aria wiring and border colour. */
function controlProps(fieldId: string, name: string, required: boolean | undefined, describedBy: string | undefined, invalid: boolean, className?: string) {
  return {
    id: fieldId,
    name,
    required,
    "aria-describedby": describedBy,
    "aria-invalid": invalid || undefined,
    className: cn(control, invalid ? "border-accent-600" : "border-slate-400", className),
  };
}

/** What every field kind takes besides its control's own attributes; the id defaults from the name. */
interface FieldOwnProps {
  id?: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  requiredLabel?: string;
}

type TextFieldProps = Omit<ComponentProps<"input">, "id"> & FieldOwnProps;

export function TextField({ id, name, label, hint, errors, required, requiredLabel, className, ...input }: TextFieldProps) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} errors={errors} required={required} requiredLabel={requiredLabel}>
      {(describedBy, invalid) => <input {...controlProps(fieldId, name, required, describedBy, invalid, className)} {...input} />}
    </FieldShell>
  );
}

type SelectFieldProps = Omit<ComponentProps<"select">, "id"> &
  FieldOwnProps & {
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
        <select {...controlProps(fieldId, name, required, describedBy, invalid, className)} {...select}>
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

type TextAreaFieldProps = Omit<ComponentProps<"textarea">, "id"> &
  FieldOwnProps & {
    /** Without an id, the textarea's is `${idPrefix}-${name}` (idPrefix "field"), so two forms on one page keep ids apart. */
    idPrefix?: string;
  };

/** A multi-line text field in the same shell as TextField; 4 rows unless told otherwise. */
export function TextAreaField({ id, idPrefix, name, label, hint, errors, required, requiredLabel, className, rows = 4, ...textarea }: TextAreaFieldProps) {
  const fieldId = id ?? `${idPrefix ?? "field"}-${name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} errors={errors} required={required} requiredLabel={requiredLabel}>
      {(describedBy, invalid) => (
        <textarea
          id={fieldId}
          name={name}
          required={required}
          rows={rows}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={cn(
            "block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-xs focus:border-brand-500",
            invalid ? "border-accent-600" : "border-slate-400",
            className,
          )}
          {...textarea}
        />
      )}
    </FieldShell>
  );
}
