// A unit's status (房源状态) and who moves it. Officers set by hand only whether a unit can be
// let: vacant, under repair, withheld. Reserved (in an allocation plan), offered (to a household)
// and let (under a lease) follow the plan, the offer and the lease (Art. 23-26), and a unit held
// by one of them is not changed by hand. Pure: the services and the forms read the same table.

export const UNIT_STATUSES = ["VACANT", "RESERVED", "OFFERED", "LEASED", "MAINTENANCE", "WITHDRAWN"] as const;
export type UnitStatusCode = (typeof UNIT_STATUSES)[number];

/** The statuses an officer may set by hand, with a reason. */
export const MANUAL_UNIT_STATUSES = ["VACANT", "MAINTENANCE", "WITHDRAWN"] as const satisfies readonly UnitStatusCode[];
export type ManualUnitStatus = (typeof MANUAL_UNIT_STATUSES)[number];

/** Held by allocation or tenancy: changed only by the plan, the offer or the lease. */
export const HELD_UNIT_STATUSES = ["RESERVED", "OFFERED", "LEASED"] as const satisfies readonly UnitStatusCode[];

export type ManualChangeProblem = "SAME_STATUS" | "HELD" | "NOT_MANUAL";

export function isManualUnitStatus(status: string): status is ManualUnitStatus {
  return (MANUAL_UNIT_STATUSES as readonly string[]).includes(status);
}

/** Why an officer may not move a unit from `from` to `to` by hand, or null when they may. */
export function manualChangeProblem(from: UnitStatusCode, to: UnitStatusCode): ManualChangeProblem | null {
  if ((HELD_UNIT_STATUSES as readonly string[]).includes(from)) return "HELD";
  if (!isManualUnitStatus(to)) return "NOT_MANUAL";
  if (from === to) return "SAME_STATUS";
  return null;
}

/** The statuses an officer can choose for a unit now (none while a plan, an offer or a lease holds it). */
export function manualTargets(from: UnitStatusCode): ManualUnitStatus[] {
  return MANUAL_UNIT_STATUSES.filter((to) => manualChangeProblem(from, to) === null);
}
