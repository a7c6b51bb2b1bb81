-- Exchanges (Art. 33): the tenant's form key (a request sent twice is recorded once), the people
-- joining the household, the officer's internal note and the time of a withdrawal; one open request
-- per lease; and the one-live-lease-per-unit index now leaves out renewal leases alone: an exchange
-- lease also points to the lease it replaces, but on another unit, which it must hold alone.

ALTER TABLE "ExchangeRequest"
  ADD COLUMN "formKey" TEXT,
  ADD COLUMN "addedMembers" INTEGER,
  ADD COLUMN "internalNote" TEXT,
  ADD COLUMN "withdrawnAt" TIMESTAMP(3);

CREATE UNIQUE INDEX "ExchangeRequest_leaseId_formKey_key" ON "ExchangeRequest"("leaseId", "formKey");

-- Database only (tests/integration/database-only.ts).
CREATE UNIQUE INDEX "ExchangeRequest_open_key" ON "ExchangeRequest"("leaseId") WHERE "status" IN ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED');

DROP INDEX "Lease_liveUnit_key";
CREATE UNIQUE INDEX "Lease_liveUnit_key" ON "Lease"("unitId")
  WHERE "status" IN ('PENDING_SIGNATURE', 'AWAITING_COUNTERSIGNATURE', 'ACTIVE', 'HOLDING_OVER') AND "origin" <> 'RENEWAL';
