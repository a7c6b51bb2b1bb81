import { formatDm2, formatFen } from "@/lib/money/format";
import type { ColumnSpec } from "@/lib/shared-data/layouts";

/** A parsed shared-data value for display, by its column's kind: fen as yuan, dm² as m² (lib/money). */
export function formatFieldValue(spec: Pick<ColumnSpec, "kind" | "options">, value: string | number | undefined, locale?: string): string {
  if (value === undefined || value === null) return "";
  if (spec.kind === "amountFen" && typeof value === "number") return formatFen(value, locale);
  if (spec.kind === "areaDm2" && typeof value === "number") return formatDm2(value, locale);
  if (spec.kind === "option" && spec.options) {
    // Show the agency's first word for the code (e.g. ACTIVE → 正常).
    const word = Object.entries(spec.options).find(([, code]) => code === value)?.[0];
    return word ?? String(value);
  }
  return String(value);
}
