"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * A two-step control for an irreversible step: the first button opens a panel that says what will
 * happen; only its confirm button submits the surrounding form.
 */
export function ConfirmPanel({
  openLabel,
  question,
  confirmLabel,
  cancelLabel,
  pending,
  pendingLabel,
  variant = "danger",
}: {
  openLabel: ReactNode;
  question: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel: ReactNode;
  pending: boolean;
  pendingLabel: ReactNode;
  variant?: "danger" | "primary";
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant={variant === "danger" ? "danger" : "primary"} onClick={() => setOpen(true)}>
        {openLabel}
      </Button>
    );
  }
  return (
    <div role="group" className="flex flex-col gap-3 rounded-md border border-accent-600 bg-red-50 p-4">
      <p className="font-medium text-red-900">{question}</p>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending} autoFocus>
          {pending ? pendingLabel : confirmLabel}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
