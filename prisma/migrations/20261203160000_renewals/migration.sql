-- Renewals (Art. 32): a request carries the term asked for and the re-review's findings; one open
-- request per lease; and the renewal lease, which overlaps its predecessor on the same unit until the
-- old term ends, is left out of the one-live-lease-per-unit index (a lease has one successor at most:
-- Lease.previousLeaseId is unique, and only a live lease of the unit is renewed).

ALTER TABLE "RenewalRequest"
  ADD COLUMN "termMonths" INTEGER,
  ADD COLUMN "findings" JSONB;

-- Database only (tests/integration/database-only.ts).
CREATE UNIQUE INDEX "RenewalRequest_open_key" ON "RenewalRequest"("leaseId") WHERE "status" IN ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED');

DROP INDEX "Lease_liveUnit_key";
CREATE UNIQUE INDEX "Lease_liveUnit_key" ON "Lease"("unitId")
  WHERE "status" IN ('PENDING_SIGNATURE', 'AWAITING_COUNTERSIGNATURE', 'ACTIVE', 'HOLDING_OVER') AND "previousLeaseId" IS NULL;
