import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-400/40",
  info: "bg-brand-50 text-brand-900 ring-brand-600/30",
  success: "bg-green-50 text-green-900 ring-green-700/30",
  warning: "bg-amber-50 text-amber-900 ring-amber-600/40",
  danger: "bg-red-50 text-red-900 ring-red-700/30",
};

/** A coloured pill; the text carries the meaning, colour only supports it. */
export function Badge({ tone = "neutral", children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return (
    <span className={cn("inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset", tones[tone], className)}>
      {children}
    </span>
  );
}
