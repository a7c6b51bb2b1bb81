"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { activeHref } from "./nav-items";

export function MainNav({ items, label }: { items: Array<{ href: string; label: string }>; label: string }) {
  const pathname = usePathname();
  const current = activeHref(items, pathname);
  return (
    <nav aria-label={label} className="-mx-1 min-w-0 overflow-x-auto">
      <ul className="flex items-stretch">
        {items.map((item) => {
          const isCurrent = item.href === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "flex min-h-12 items-center whitespace-nowrap border-b-[3px] px-3 text-base",
                  isCurrent
                    ? "border-brand-700 font-semibold text-brand-800"
                    : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
