// Which application and lease statuses count for Art. 12 ("a person may be on only one
// application or lease at a time"), shared by the portal, the intake API (409 ALREADY_HOUSED)
// and jobs so that they cannot disagree. Pure constants: safe to import anywhere.
import type { ApplicationStatus, LeaseStatus } from "@/lib/generated/prisma/enums";

/**
 * An application in one of these statuses still claims its members (Art. 12): from submission
 * until the household is housed or the application ends. Refusals still open to appeal count
 * (Art. 19), so a second application cannot race the appeal.
 * HOUSED is not here: once housed, the lease is what claims the household (see
 * OCCUPYING_LEASE_STATUSES), so a household whose lease has ended may apply again.
 */
export const OPEN_APPLICATION_STATUSES = [
  "SUBMITTED",
  "RETURNED",
  "ACCEPTED",
  "FIRST_REVIEW_PASSED",
  "FIRST_REVIEW_REJECTED",
  "SECOND_REVIEW_PASSED",
  "SECOND_REVIEW_REJECTED",
  "IN_PUBLICITY",
  "OBJECTION_UPHELD",
  "APPEALED",
  "QUALIFIED",
  "ALLOCATED",
] as const satisfies readonly ApplicationStatus[];

/** Final states: the application is closed (Application.closedAt is set). */
export const CLOSED_APPLICATION_STATUSES = ["REJECTED", "CANCELLED", "WITHDRAWN"] as const satisfies readonly ApplicationStatus[];

/** A lease in one of these statuses claims the household's members (Art. 12). */
export const OCCUPYING_LEASE_STATUSES = ["PENDING_SIGNATURE", "ACTIVE", "HOLDING_OVER"] as const satisfies readonly LeaseStatus[];

export function isOpenApplicationStatus(status: ApplicationStatus): boolean {
  return (OPEN_APPLICATION_STATUSES as readonly ApplicationStatus[]).includes(status);
}
