import type { ReactNode } from "react";

/** A list filter's select in a GET form: its label, an "all" choice (empty value) and the options. */
export function FilterSelect({ name, label, value, allLabel, options }: { name: string; label: ReactNode; value: string | null | undefined; allLabel: string; options: readonly { value: string; label: string }[] }) {
  return (
    <label className="flex min-w-0 flex-col text-sm">
      <span className="text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ""} className="mt-1 rounded-md border border-slate-300 px-3 py-2">
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
