import type { ReactNode } from "react";
import { cn } from "./cn";

export function Card({
  title,
  titleAs: Title = "h2",
  children,
  className,
  id,
}: {
  id?: string;
  title?: ReactNode;
  titleAs?: "h2" | "h3";
  children: ReactNode;
  className?: string;
}) {
  return (
    <section id={id} className={cn("rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6", className)}>
      {title ? <Title className="mb-3 text-lg font-semibold text-slate-900">{title}</Title> : null}
      {children}
    </section>
  );
}
