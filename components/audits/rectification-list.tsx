import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import type { RectificationRow } from "@/lib/audits/audit-service";
import { fromDateColumn } from "@/lib/clock";

const tones = {
  OPEN: "bg-amber-50 text-amber-900",
  REOPENED: "bg-amber-50 text-amber-900",
  REPORTED: "bg-brand-50 text-brand-900",
  ACCEPTED: "bg-green-50 text-green-800",
} as const;

export async function RectificationStatusBadge({ row }: { row: Pick<RectificationRow, "status" | "isOverdue"> }) {
  const t = await getTranslations("audits.rectification");
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={cn("inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium", tones[row.status])}>{t(`status.${row.status}`)}</span>
      {row.isOverdue ? <span className="inline-flex rounded-full bg-red-700 px-2.5 py-0.5 text-sm font-semibold text-white">{t("overdue")}</span> : null}
    </span>
  );
}

/** Rectifications, soonest due first; overdue ones highlighted (Art. 20: 15 working days). */
export async function RectificationList({ items, showDistrict, locale }: { items: RectificationRow[]; showDistrict: boolean; locale: string }) {
  const t = await getTranslations("audits.rectification");
  if (items.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {items.map((r) => (
        <li key={r.id} className={cn("flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between", r.isOverdue && "border-l-4 border-red-700 bg-red-50")}>
          <div className="min-w-0">
            <Link href={`/staff/audits/rectifications/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {showDistrict ? `${locale === "en" ? r.district.nameEn : r.district.name} · ` : ""}
              {t("dueOn", { date: fromDateColumn(r.dueDate) })}
            </Link>
            <p className="line-clamp-2 text-sm text-slate-700">{r.requirement}</p>
          </div>
          <RectificationStatusBadge row={r} />
        </li>
      ))}
    </ul>
  );
}
