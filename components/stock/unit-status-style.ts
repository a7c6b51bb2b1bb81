import type { BadgeTone } from "@/components/ui/badge";
import type { UnitStatusCode } from "@/lib/stock/unit-status";

// How each unit status looks: a badge tone and the building view's cell colours. The text always
// names the status; colour only supports it (and every pair passes 4.5:1 contrast).

export const UNIT_STATUS_TONE: Record<UnitStatusCode, BadgeTone> = {
  VACANT: "success",
  RESERVED: "info",
  OFFERED: "warning",
  LEASED: "neutral",
  MAINTENANCE: "danger",
  WITHDRAWN: "neutral",
};

export const UNIT_STATUS_CELL: Record<UnitStatusCode, string> = {
  VACANT: "border-green-700 bg-green-50 text-green-950",
  RESERVED: "border-brand-700 bg-brand-50 text-brand-950",
  OFFERED: "border-amber-600 bg-amber-50 text-amber-950",
  LEASED: "border-slate-500 bg-slate-200 text-slate-900",
  MAINTENANCE: "border-red-700 bg-red-50 text-red-950",
  WITHDRAWN: "border-dashed border-slate-500 bg-white text-slate-800",
};
