"use client";

import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
import { buttonClasses, type ButtonVariant } from "./button";

/** A form's submit button: disabled and relabelled while the form is being sent. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className,
  pending: pendingProp = false,
}: {
  children: ReactNode;
  /** Pass the pending flag of useFormAction (useFormStatus cannot see a manually dispatched action). */
  pending?: boolean;
  pendingLabel: ReactNode;
  variant?: ButtonVariant;
  className?: string;
}) {
  const status = useFormStatus();
  const pending = pendingProp || status.pending;
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClasses(variant, className)}>
      {pending ? pendingLabel : children}
    </button>
  );
}
