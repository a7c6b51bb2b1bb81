import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { cn } from "@/components/ui/cn";

const TONES: Record<string, string> = {
  good: "bg-green-50 text-green-900 ring-green-700/30",
  bad: "bg-red-50 text-red-900 ring-red-700/30",
  wait: "bg-brand-50 text-brand-900 ring-brand-600/30",
  act: "bg-amber-50 text-amber-900 ring-amber-600/40",
  done: "bg-slate-100 text-slate-700 ring-slate-400/40",
};

export function statusTone(status: ApplicationStatus): keyof typeof TONES {
  switch (status) {
    case "QUALIFIED":
    case "ALLOCATED":
    case "HOUSED":
    case "FIRST_REVIEW_PASSED":
    case "SECOND_REVIEW_PASSED":
      return "good";
    case "FIRST_REVIEW_REJECTED":
    case "SECOND_REVIEW_REJECTED":
    case "OBJECTION_UPHELD":
    case "REJECTED":
    case "CANCELLED":
      return "bad";
    case "DRAFT":
    case "RETURNED":
      return "act";
    case "WITHDRAWN":
      return "done";
    default:
      return "wait";
  }
}

/** The status as a coloured pill; the text carries the meaning, colour only supports it. */
export function StatusBadge({ status, label, className }: { status: ApplicationStatus; label: string; className?: string }) {
  return (
    <span className={cn("inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset", TONES[statusTone(status)], className)}>
      {label}
    </span>
  );
}
