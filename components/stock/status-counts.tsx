import { getTranslations } from "next-intl/server";
import type { StatusCounts } from "@/lib/stock/stock-service";
import { UNIT_STATUSES } from "@/lib/stock/unit-status";
import { cn } from "@/components/ui/cn";
import { UNIT_STATUS_CELL } from "./unit-status-style";

/** Units counted by status, the statuses that have any, as small labelled chips. */
export async function StatusCounts({ counts, className }: { counts: StatusCounts; className?: string }) {
  const t = await getTranslations("stock");
  const shown = UNIT_STATUSES.filter((s) => counts[s] > 0);
  if (shown.length === 0) return <p className={cn("text-sm text-slate-600", className)}>{t("noUnits")}</p>;
  return (
    <ul className={cn("flex flex-wrap gap-1.5", className)}>
      {shown.map((s) => (
        <li key={s} className={cn("rounded border px-2 py-0.5 text-sm", UNIT_STATUS_CELL[s])}>
          {t(`status.${s}`)} <span className="font-semibold tabular-nums">{counts[s]}</span>
        </li>
      ))}
    </ul>
  );
}
