// What the migrations add to the database that Prisma's schema language cannot express, each with
// the reason (docs/decisions/014). schema.integration.test.ts checks that the database has exactly
// these beside what prisma/schema/*.prisma describes: nothing missing, nothing unlisted.
import { QUEUE_STAGES } from "@/lib/review/schemas";

export interface DatabaseOnlyIndex {
  table: string;
  columns: string[];
  /** The predicate as pg_get_expr prints it. */
  predicate: string;
  /** A unique index (a constraint on the rows the predicate takes in); plain if absent. */
  unique?: boolean;
}

const LIVE_OFFER = `(status = ANY (ARRAY['PENDING'::"OfferStatus", 'ACCEPTED'::"OfferStatus"]))`;

/**
 * Partial indexes: the review queue's, on the generated column (Prisma's enum casts defeat a
 * predicate on `status`); one live lottery draw per pool and one live offer per unit and per household, constraints whose predicate only
 * PostgreSQL can state (a cancelled draw keeps its record, Art. 23).
 */
export const DATABASE_ONLY_INDEXES: Record<string, DatabaseOnlyIndex> = {
  Application_reviewQueue_city_idx: { table: "Application", columns: ["dueDate", "submittedAt", "id"], predicate: '"inReviewQueue"' },
  Application_reviewQueue_district_idx: {
    table: "Application",
    columns: ["districtCode", "dueDate", "submittedAt", "id"],
    predicate: '"inReviewQueue"',
  },
  LotteryDraw_livePool_key: {
    table: "LotteryDraw",
    columns: ["planId", "unitType"],
    predicate: `(status <> 'CANCELLED'::"LotteryDrawStatus")`,
    unique: true,
  },
  // A live offer (pending or accepted) holds its unit and its household: never two of either (Art. 23, 25).
  Offer_liveUnit_key: { table: "Offer", columns: ["unitId"], predicate: LIVE_OFFER, unique: true },
  Offer_liveApplication_key: { table: "Offer", columns: ["applicationId"], predicate: LIVE_OFFER, unique: true },
  // The open turns of a drawn pool (unit selection), few among its rows.
  LotteryEntrant_openTurn_idx: { table: "LotteryEntrant", columns: ["drawId"], predicate: `("turnStatus" = 'OPEN'::"SelectionTurnStatus")` },
  // Directed allocation (Art. 24): a unit to one assigned nominee, a person to one directed unit.
  DirectedNominee_assignedUnit_key: { table: "DirectedNominee", columns: ["unitId"], predicate: `(status = 'ASSIGNED'::"NomineeStatus")`, unique: true },
  DirectedNominee_assignedPerson_key: { table: "DirectedNominee", columns: ["residentIdIndex"], predicate: `(status = 'ASSIGNED'::"NomineeStatus")`, unique: true },
  // A unit has one live lease: being signed, in force or held over (Art. 25); a renewal lease, which
  // overlaps its predecessor on the same unit, is the predecessor's one successor (Lease.previousLeaseId
  // is unique). An exchange lease (Art. 33) is on another unit and is covered like any other.
  Lease_liveUnit_key: {
    table: "Lease",
    columns: ["unitId"],
    predicate: `((status = ANY (ARRAY['PENDING_SIGNATURE'::"LeaseStatus", 'AWAITING_COUNTERSIGNATURE'::"LeaseStatus", 'ACTIVE'::"LeaseStatus", 'HOLDING_OVER'::"LeaseStatus"])) AND (origin <> 'RENEWAL'::"LeaseOrigin"))`,
    unique: true,
  },
  // A lease has at most one open vacate order (Art. 41): issued, or referred to the court.
  VacateOrder_open_key: {
    table: "VacateOrder",
    columns: ["leaseId"],
    predicate: `(status = ANY (ARRAY['ISSUED'::"VacateOrderStatus", 'REFERRED_TO_COURT'::"VacateOrderStatus"]))`,
    unique: true,
  },
  // A lease has one renewal request under way or approved (Art. 32).
  RenewalRequest_open_key: {
    table: "RenewalRequest",
    columns: ["leaseId"],
    predicate: `(status = ANY (ARRAY['SUBMITTED'::"RequestStatus", 'UNDER_REVIEW'::"RequestStatus", 'APPROVED'::"RequestStatus"]))`,
    unique: true,
  },
  // Leases with a reviewed rent to come, for the job that moves it up once billed (Art. 27).
  Lease_nextRent_idx: { table: "Lease", columns: ["nextRentFrom"], predicate: `("nextRentFrom" IS NOT NULL)` },
  // Receipts with credit left (money beyond every debt), for the billing job to apply to new bills.
  RentReceipt_credit_idx: { table: "RentReceipt", columns: ["leaseId"], predicate: `("unappliedFen" > 0)` },
  // A lease has one exchange request under way or waiting on the exchange list (Art. 33).
  ExchangeRequest_open_key: {
    table: "ExchangeRequest",
    columns: ["leaseId"],
    predicate: `(status = ANY (ARRAY['SUBMITTED'::"RequestStatus", 'UNDER_REVIEW'::"RequestStatus", 'APPROVED'::"RequestStatus"]))`,
    unique: true,
  },
  // One approved rent standard per estate, unit type (null: the whole estate, NULLS NOT DISTINCT)
  // and date (Art. 27).
  RentStandard_approvedFrom_key: {
    table: "RentStandard",
    columns: ["estateId", "unitType", "effectiveFrom"],
    predicate: `(status = 'APPROVED'::"RentStandardStatus")`,
    unique: true,
  },
  // A household waits once per estate and purpose (Art. 23).
  WaitingListEntry_live_key: {
    table: "WaitingListEntry",
    columns: ["applicationId", "estateId", "purpose"],
    predicate: `(status = ANY (ARRAY['WAITING'::"WaitingListStatus", 'OFFERED'::"WaitingListStatus"]))`,
    unique: true,
  },
};

/** Generated columns and the statuses their expression names (Prisma declares them as plain optional columns). */
export const DATABASE_ONLY_GENERATED: Record<string, { statuses: readonly string[] }> = {
  "Application.inReviewQueue": { statuses: QUEUE_STAGES },
};

/**
 * Triggers by table: the household summary on Application is kept from HouseholdMember; the audit
 * log is sealed into its hash chain on insert and refuses UPDATE, DELETE and TRUNCATE (decision 029;
 * their functions: "AuditLog_seal_trigger", "AuditLog_append_only_trigger", "AuditLog_canonical",
 * "AuditLog_hash").
 */
export const DATABASE_ONLY_TRIGGERS: Record<string, string[]> = {
  AuditLog: ["AuditLog_append_only", "AuditLog_no_truncate", "AuditLog_seal"],
  HouseholdMember: ["HouseholdMember_summary"],
};
