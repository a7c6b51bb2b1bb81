-- Rent standards managed in the portal (Art. 27, 33, 38, 45): a standard is drafted by an officer
-- (or drawn from the three-yearly review of the one in force, `reviewOfId` with the review's three
-- inputs), approved or rejected once by a second officer, and only approved, published standards
-- set rents. Living leases on a reviewed standard carry the new rent from its date (`nextRent*`),
-- billed for the periods that start on or after it.

ALTER TABLE "RentStandard"
  ADD COLUMN "status" "RentStandardStatus" NOT NULL DEFAULT 'DRAFT',
  ADD COLUMN "reviewOfId" TEXT,
  ADD COLUMN "disposableIncomeChangeBp" INTEGER,
  ADD COLUMN "cpiChangeBp" INTEGER,
  ADD COLUMN "rentIndexChangeBp" INTEGER,
  ADD COLUMN "approvedById" TEXT,
  ADD COLUMN "approvedAt" TIMESTAMP(3),
  ADD COLUMN "rejectedById" TEXT,
  ADD COLUMN "rejectedAt" TIMESTAMP(3),
  ADD COLUMN "rejectionReason" TEXT,
  ADD COLUMN "formKey" TEXT;

-- The standards set before this workflow (written as records, already published) are in force:
-- they count as approved, so every lease and bill keeps its standard.
UPDATE "RentStandard" SET "status" = 'APPROVED' WHERE "publishedAt" IS NOT NULL;

CREATE UNIQUE INDEX "RentStandard_formKey_key" ON "RentStandard"("formKey");

ALTER TABLE "RentStandard" ADD CONSTRAINT "RentStandard_reviewOfId_fkey" FOREIGN KEY ("reviewOfId") REFERENCES "RentStandard"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RentStandard" ADD CONSTRAINT "RentStandard_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RentStandard" ADD CONSTRAINT "RentStandard_rejectedById_fkey" FOREIGN KEY ("rejectedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Database only (tests/integration/database-only.ts): one approved standard per estate, unit type
-- (or the whole estate, a null unit type counted as one value) and date. The second officer is
-- never the creator: the approving update says so in its own WHERE clause.
CREATE UNIQUE INDEX "RentStandard_approvedFrom_key" ON "RentStandard"("estateId", "unitType", "effectiveFrom") NULLS NOT DISTINCT WHERE "status" = 'APPROVED';

ALTER TABLE "Lease"
  ADD COLUMN "nextRentFrom" DATE,
  ADD COLUMN "nextMonthlyRentFen" INTEGER,
  ADD COLUMN "nextRentStandardId" TEXT,
  ADD COLUMN "nextRentTierId" TEXT;

ALTER TABLE "Lease" ADD CONSTRAINT "Lease_nextRentStandardId_fkey" FOREIGN KEY ("nextRentStandardId") REFERENCES "RentStandard"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_nextRentTierId_fkey" FOREIGN KEY ("nextRentTierId") REFERENCES "RentTier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE INDEX "Lease_rentStandardId_idx" ON "Lease"("rentStandardId");
CREATE INDEX "Lease_nextRentStandardId_idx" ON "Lease"("nextRentStandardId");
