import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { UNIT_STATUS_CELL } from "@/components/stock/unit-status-style";
import { cn } from "@/components/ui/cn";
import type { SelectionBuilding } from "@/lib/allocation/selection-reads";
import { formatDm2 } from "@/lib/money/format";

/**
 * A pool's units building by building, floor by floor (top floor first), as on the building view:
 * units still to choose from are marked 可选 and, while the viewer may choose, link to choosing;
 * the others say they are taken. On a phone the cells of a floor wrap.
 */
export async function SelectionUnits({ buildings, chooseHref, selectedId }: { buildings: SelectionBuilding[]; chooseHref?: (unitId: string) => string; selectedId?: string | null }) {
  const t = await getTranslations("allocation.selection.units");
  const stock = await getTranslations("stock");
  const locale = await getLocale();
  return (
    <div className="flex flex-col gap-6">
      {buildings.map((b) => (
        <section key={b.id} aria-label={b.name}>
          <h3 className="mb-2 font-semibold text-slate-900">{b.name}</h3>
          <ol className="flex flex-col gap-2">
            {b.floors.map((f) => (
              <li key={f.floor} className="flex items-start gap-2 sm:gap-3" data-floor={f.floor}>
                <span className="w-10 shrink-0 pt-2.5 text-right text-sm font-medium tabular-nums text-slate-700 sm:w-12">{stock("building.floor", { floor: f.floor })}</span>
                <ul className="flex min-w-0 flex-1 flex-wrap gap-1.5">
                  {f.units.map((u) => {
                    const open = u.status === "RESERVED";
                    const area = formatDm2(u.floorAreaDm2, locale);
                    const state = open ? t("available") : t("taken");
                    const label = t("label", { building: b.name, unitNo: u.unitNo, area, orientation: u.orientation ? stock(`orientation.${u.orientation}`) : "—", state });
                    const cell = cn(
                      "flex min-h-11 w-16 flex-col rounded border-2 px-1.5 py-1 leading-tight sm:w-24",
                      open ? UNIT_STATUS_CELL.RESERVED : UNIT_STATUS_CELL.LEASED,
                      selectedId === u.id && "ring-4 ring-brand-600",
                    );
                    const body = (
                      <>
                        <span className="text-sm font-semibold tabular-nums">{u.unitNo}</span>
                        <span className="text-xs">{state}</span>
                        <span className="text-xs tabular-nums">{area}㎡</span>
                      </>
                    );
                    return (
                      <li key={u.id}>
                        {open && chooseHref ? (
                          <Link href={chooseHref(u.id)} aria-label={label} aria-current={selectedId === u.id ? "true" : undefined} className={cn(cell, "hover:ring-2 hover:ring-brand-600 focus-visible:ring-2")} data-unit={u.unitNo} data-available="true">
                            {body}
                          </Link>
                        ) : (
                          <span aria-label={label} role="img" className={cell} data-unit={u.unitNo} data-available={open ? "true" : "false"}>
                            {body}
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
