import type { ReactNode } from "react";
import { cn } from "./cn";

export type AlertTone = "error" | "success" | "info" | "warning";

const tones: Record<AlertTone, { box: string; icon: string }> = {
  error: { box: "border-accent-600 bg-red-50 text-red-900", icon: "✕" },
  success: { box: "border-green-700 bg-green-50 text-green-900", icon: "✓" },
  info: { box: "border-brand-600 bg-brand-50 text-brand-900", icon: "i" },
  warning: { box: "border-amber-600 bg-amber-50 text-amber-900", icon: "!" },
};

/**
 * A message box. Errors use role="alert" (announced at once); the rest role="status" (announced
 * politely). Render it only when there is something to say, so the announcement happens.
 */
export function Alert({ tone = "info", title, children, className }: { tone?: AlertTone; title?: ReactNode; children?: ReactNode; className?: string }) {
  const style = tones[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-md border-l-4 px-4 py-3", style.box, className)}
    >
      <span aria-hidden="true" className="mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full border border-current text-xs font-bold">
        {style.icon}
      </span>
      <div className="min-w-0">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
      </div>
    </div>
  );
}
