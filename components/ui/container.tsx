import type { ReactNode } from "react";
import { cn } from "./cn";

export function Container({ children, className, narrow }: { children: ReactNode; className?: string; narrow?: boolean }) {
  return (
    <div className={cn("mx-auto w-full px-4 py-6 sm:px-6 sm:py-10", narrow ? "max-w-lg" : "max-w-5xl", className)}>{children}</div>
  );
}
