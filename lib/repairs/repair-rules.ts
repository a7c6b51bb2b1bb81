import { addDays } from "@/lib/rules/dates";
import type { ISODate } from "@/lib/rules/types";
import { addWorkingDays } from "@/lib/rules/working-days";
import type { RepairCategory, RepairResponsibility, RepairUrgency } from "@/lib/generated/prisma/enums";

// Who repairs what, and by when (Art. 35). The Measures say who: the operator (or the property
// company it engages) keeps the common parts and shared facilities in repair, paid from the
// maintenance fund, and the tenant "负责公共租赁住房室内易损易耗设施的维修养护" — consumables
// inside the home. They set no response times: the working-day deadlines below are the portal's
// service standard (docs/decisions/021), counted on the State Council calendar (lib/rules).
// Pure: no clock, no database.

export const REPAIR_CATEGORIES = ["COMMON_PARTS", "UNIT_STRUCTURE", "UNIT_FIXTURE", "CONSUMABLE"] as const satisfies readonly RepairCategory[];
export const REPAIR_URGENCIES = ["NORMAL", "EMERGENCY"] as const satisfies readonly RepairUrgency[];

export interface RepairRule {
  /** Working days after the report by which someone must have come (non-emergency). */
  responseWorkingDays: number;
  /** Who repairs, and pays (Art. 35). */
  responsibility: RepairResponsibility;
  article: "35";
}

/** The table, one row per category (Art. 35). */
export const REPAIR_RULES: Record<RepairCategory, RepairRule> = {
  // 共有部位、共有设施设备: stairs, lifts, roofs, shared pipes — the operator, from the fund.
  COMMON_PARTS: { responseWorkingDays: 3, responsibility: "OPERATOR", article: "35" },
  // The home's structure (walls, floors, leaks through them): the owner's, the operator repairs.
  UNIT_STRUCTURE: { responseWorkingDays: 5, responsibility: "OPERATOR", article: "35" },
  // Fittings delivered with the home (doors, windows, water heater, wiring): the operator.
  UNIT_FIXTURE: { responseWorkingDays: 5, responsibility: "OPERATOR", article: "35" },
  // 室内易损易耗设施 (bulbs, tap washers, locks' cylinders): the tenant repairs and pays; the
  // operator's team may do it, at the tenant's cost.
  CONSUMABLE: { responseWorkingDays: 10, responsibility: "TENANT", article: "35" },
};

/** Who repairs and pays for a category (Art. 35). */
export function repairResponsibility(category: RepairCategory): RepairResponsibility {
  return REPAIR_RULES[category].responsibility;
}

/**
 * The response deadline of a request reported on `reportedOn` (a China Standard Time date): an
 * emergency by the next calendar day, whatever the calendar says (a burst pipe does not wait for
 * the holiday to end); otherwise the category's number of working days after the report.
 */
export function repairResponseDueDate(input: { category: RepairCategory; urgency: RepairUrgency; reportedOn: ISODate }): ISODate {
  if (input.urgency === "EMERGENCY") return addDays(input.reportedOn, 1);
  return addWorkingDays(input.reportedOn, REPAIR_RULES[input.category].responseWorkingDays);
}

/** Calendar days after completion within which the tenant may confirm or object; then it closes by itself. */
export const REPAIR_CONFIRM_DAYS = 7;

/** Whether a request still awaiting someone is past its deadline on `today`. */
export function isRepairOverdue(input: { status: string; dueDate: ISODate | null; today: ISODate }): boolean {
  const waiting = input.status === "OPEN" || input.status === "ASSIGNED" || input.status === "IN_PROGRESS";
  return waiting && input.dueDate !== null && input.today > input.dueDate;
}
