"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { visiblePath } from "@/lib/http/visible-path";
import { activeHref } from "./active-href";

/** More items than this do not fit a phone's width: below `sm` they go behind a menu button. */
export const INLINE_NAV_ITEMS = 3;

/**
 * The main navigation. On wide screens every item is in one row that wraps when it must (never
 * scrolled sideways out of sight). On a phone a long list goes behind a menu button (a disclosure:
 * aria-expanded, Escape closes it and gives the focus back to the button).
 */
export function MainNav({ items, label, menuLabel }: { items: Array<{ href: string; label: string }>; label: string; menuLabel: string }) {
  // While a page is rendered the path has its locale segment (/zh-CN/publicity); the browser's has not.
  const pathname = visiblePath(usePathname());
  const current = activeHref(items, pathname);
  const currentLabel = items.find((i) => i.href === current)?.label;
  const collapsible = items.length > INLINE_NAV_ITEMS;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  // A followed link closes the menu.
  useEffect(() => setOpen(false), [pathname]);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === "Escape" && open) {
      setOpen(false);
      button.current?.focus();
    }
  }

  return (
    <nav aria-label={label} className="-mx-1 min-w-0" onKeyDown={onKeyDown}>
      {collapsible ? (
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
          className="flex min-h-12 items-center gap-2 rounded-md px-2 text-base font-medium text-slate-800 hover:bg-slate-50 sm:hidden"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
          <span>{menuLabel}</span>
          {currentLabel ? <span className="font-normal text-slate-600">· {currentLabel}</span> : null}
        </button>
      ) : null}
      <ul
        id={listId}
        className={cn(
          "items-stretch sm:flex sm:flex-wrap",
          collapsible
            ? open
              ? "absolute inset-x-0 top-full z-30 flex flex-col border-b border-slate-200 bg-white px-4 pb-2 shadow-md sm:static sm:flex-row sm:border-0 sm:p-0 sm:shadow-none"
              : "hidden"
            : "flex flex-wrap",
        )}
      >
        {items.map((item) => {
          const isCurrent = item.href === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={cn(
                  "flex min-h-12 items-center whitespace-nowrap px-3 text-base",
                  // In the phone menu's column the mark of the current section is on its left.
                  collapsible ? "border-l-[3px] sm:border-b-[3px] sm:border-l-0" : "border-b-[3px]",
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
