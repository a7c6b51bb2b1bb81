import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-800",
  info: "bg-brand-50 text-brand-800",
  success: "bg-green-50 text-green-800",
  warning: "bg-amber-100 text-amber-900",
  danger: "bg-red-50 text-red-800",
};

export function Badge({ tone = "neutral", children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={cn("inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium", tones[tone], className)}>{children}</span>;
}

/** Colour of an application status. */
export function statusTone(status: string): BadgeTone {
  if (["FIRST_REVIEW_REJECTED", "SECOND_REVIEW_REJECTED", "OBJECTION_UPHELD", "REJECTED", "CANCELLED"].includes(status)) return "danger";
  if (["QUALIFIED", "ALLOCATED", "HOUSED", "SECOND_REVIEW_PASSED"].includes(status)) return "success";
  if (["APPEALED", "RETURNED", "IN_PUBLICITY"].includes(status)) return "warning";
  if (["WITHDRAWN", "DRAFT"].includes(status)) return "neutral";
  return "info";
}

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
