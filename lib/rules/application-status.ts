// Where an application stands, as far as the Measures care: which statuses still claim the
// household's members (Art. 12), which refusals may be appealed (Art. 19), and which leases
// occupy their household (Art. 12). The names are the data model's ApplicationStatus and
// LeaseStatus values (lib/db/application-status.ts checks them against the enums).

/**
 * An application in one of these statuses still claims its members (Art. 12): from submission
 * until the household is housed or the application ends. Refusals still open to appeal count
 * (Art. 19), so a second application cannot race the appeal. HOUSED is not here: once housed,
 * the lease is what claims the household, so a household whose lease has ended may apply again.
 */
export const CLAIMING_APPLICATION_STATUSES = [
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
] as const;

/** A lease in one of these statuses claims the household's members (Art. 12). */
export const OCCUPYING_LEASE_STATUSES = ["PENDING_SIGNATURE", "AWAITING_COUNTERSIGNATURE", "ACTIVE", "HOLDING_OVER"] as const;

/** Refusals the applicant may appeal within 10 working days of the notice (Art. 19). */
export const APPEALABLE_STATUSES = ["FIRST_REVIEW_REJECTED", "SECOND_REVIEW_REJECTED", "OBJECTION_UPHELD"] as const;
export type AppealableStatus = (typeof APPEALABLE_STATUSES)[number];

/** Final states: the application is closed. */
export const CLOSED_APPLICATION_STATUSES = ["REJECTED", "CANCELLED", "WITHDRAWN"] as const;

export function isAppealableStatus(status: string): status is AppealableStatus {
  return (APPEALABLE_STATUSES as readonly string[]).includes(status);
}

/** Art. 12: does an application in this status claim its members? */
export function claimsMembers(status: string): boolean {
  return (CLAIMING_APPLICATION_STATUSES as readonly string[]).includes(status);
}
