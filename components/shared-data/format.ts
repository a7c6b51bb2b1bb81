import type { ColumnSpec } from "@/lib/shared-data/layouts";

// Display helpers for exact integers: fen as yuan and square decimetres as m2, by integer
// arithmetic (no floating point), with thousands separators.

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function hundredths(value: number): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(Math.round(value));
  return `${sign}${group(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, "0")}`;
}

/** 123456 → "1,234.56" (yuan). */
export function formatFen(fen: number): string {
  return hundredths(fen);
}

/** 8950 → "89.50" (m2). */
export function formatDm2(dm2: number): string {
  return hundredths(dm2);
}

/** A parsed shared-data value for display, by its column's kind. */
export function formatFieldValue(spec: Pick<ColumnSpec, "kind" | "options">, value: string | number | undefined): string {
  if (value === undefined || value === null) return "";
  if (spec.kind === "amountFen" && typeof value === "number") return formatFen(value);
  if (spec.kind === "areaDm2" && typeof value === "number") return formatDm2(value);
  if (spec.kind === "option" && spec.options) {
    // Show the agency's first word for the code (e.g. ACTIVE → 正常).
    const word = Object.entries(spec.options).find(([, code]) => code === value)?.[0];
    return word ?? String(value);
  }
  return String(value);
}
