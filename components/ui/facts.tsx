import type { ReactNode } from "react";

/** A definition list of label / value pairs that wraps on small screens. */
export function Facts({ items }: { items: Array<{ label: ReactNode; value: ReactNode }> }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
      {items.map((item, i) => (
        <div key={i} className="min-w-0">
          <dt className="text-sm text-slate-600">{item.label}</dt>
          <dd className="break-words text-base text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
