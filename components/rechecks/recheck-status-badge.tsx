import type { RecheckStatus } from "@/lib/generated/prisma/enums";
import type { RecheckView } from "@/lib/rechecks/schemas";

/** The view a re-check row belongs to: pending, cancelled, dismissed by an officer, or passed. */
export function recheckView(row: { status: RecheckStatus; decidedBy: { name: string } | null }): Exclude<RecheckView, "ALL"> {
  if (row.status === "PENDING") return "PENDING";
  if (row.status === "FAILED") return "CANCELLED";
  return row.decidedBy ? "DISMISSED" : "PASSED";
}

const tones: Record<Exclude<RecheckView, "ALL">, string> = {
  PENDING: "bg-amber-50 text-amber-900",
  CANCELLED: "bg-red-50 text-red-900",
  DISMISSED: "bg-slate-100 text-slate-800",
  PASSED: "bg-green-50 text-green-800",
};

export function RecheckStatusBadge({ view, label }: { view: Exclude<RecheckView, "ALL">; label: string }) {
  return <span className={`inline-flex whitespace-nowrap rounded-full px-2.5 py-0.5 text-sm font-medium ${tones[view]}`}>{label}</span>;
}
