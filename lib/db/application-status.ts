// The statuses of lib/rules/application-status.ts (Art. 12, 19), typed as the data model's enums
// for queries. The rules are defined there once; `satisfies` makes the type checker refuse a
// status name the schema does not have.
import type { ApplicationStatus, LeaseStatus, VacateOrderStatus } from "@/lib/generated/prisma/enums";
import {
  APPEALABLE_STATUSES as RULES_APPEALABLE,
  CLAIMING_APPLICATION_STATUSES,
  CLOSED_APPLICATION_STATUSES as RULES_CLOSED,
  OCCUPYING_LEASE_STATUSES as RULES_OCCUPYING,
  claimsMembers,
} from "@/lib/rules/application-status";

/** Statuses in which an application claims its members (Art. 12). */
export const OPEN_APPLICATION_STATUSES = CLAIMING_APPLICATION_STATUSES satisfies readonly ApplicationStatus[];
/** Final states: the application is closed (Application.closedAt is set). */
export const CLOSED_APPLICATION_STATUSES = RULES_CLOSED satisfies readonly ApplicationStatus[];
/** Leases that claim their household's members (Art. 12). */
export const OCCUPYING_LEASE_STATUSES = RULES_OCCUPYING satisfies readonly LeaseStatus[];
/** Leases a household lives under (in force, or held over until it leaves): leaving, arrears, change reports and repairs apply to them. */
export const LIVING_LEASE_STATUSES: readonly LeaseStatus[] = ["ACTIVE", "HOLDING_OVER"];
/** Vacate orders still open: issued, or referred to the court (Art. 41); the predicate of VacateOrder_open_key. */
export const OPEN_VACATE_ORDER_STATUSES: readonly VacateOrderStatus[] = ["ISSUED", "REFERRED_TO_COURT"];
/** Refusals open to appeal (Art. 19). */
export const APPEALABLE_STATUSES = RULES_APPEALABLE satisfies readonly ApplicationStatus[];

export function isOpenApplicationStatus(status: ApplicationStatus): boolean {
  return claimsMembers(status);
}
