import type { ReactNode } from "react";

export function EmptyState({
  title,
  body,
  action,
  titleAs: Title = "p",
}: {
  title: ReactNode;
  body?: ReactNode;
  action?: ReactNode;
  /** "h1" when the empty state is the whole page (403, 404). */
  titleAs?: "p" | "h1" | "h2" | "h3";
}) {
  return (
    <div className="flex flex-col items-center rounded-lg border border-dashed border-slate-300 bg-slate-50 px-6 py-10 text-center">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="mb-3 size-10 text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M3 10.5 12 4l9 6.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1v-9.5Z" strokeLinejoin="round" />
      </svg>
      <Title className="text-lg font-semibold text-slate-900">{title}</Title>
      {body ? <p className="mt-2 max-w-md text-base text-slate-600">{body}</p> : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}
