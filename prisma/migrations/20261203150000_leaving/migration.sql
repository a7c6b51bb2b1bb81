-- Leaving public rental housing (Art. 38-41): violations of Art. 31 recorded with their evidence and
-- decision, the bans of Art. 40 one per person and violation, vacate orders numbered, with the
-- reasons told to the household, the move-out check that closes them, and at most one open order
-- per lease.

ALTER TABLE "Violation"
  ADD COLUMN "violationNo" TEXT,
  ADD COLUMN "evidence" TEXT,
  ADD COLUMN "decisionReason" TEXT,
  ADD COLUMN "internalNote" TEXT,
  ADD COLUMN "reportedById" TEXT,
  ADD COLUMN "decidedAt" TIMESTAMP(3);
CREATE UNIQUE INDEX "Violation_violationNo_key" ON "Violation"("violationNo");

ALTER TABLE "Ban" ADD COLUMN "memberName" TEXT;
CREATE UNIQUE INDEX "Ban_violationId_residentId_key" ON "Ban"("violationId", "residentId");

ALTER TABLE "VacateOrder"
  ADD COLUMN "orderNo" TEXT,
  ADD COLUMN "reason" TEXT,
  ADD COLUMN "moveOutInspectionId" TEXT,
  ADD COLUMN "withdrawnAt" TIMESTAMP(3),
  ADD COLUMN "withdrawnReason" TEXT;
CREATE UNIQUE INDEX "VacateOrder_orderNo_key" ON "VacateOrder"("orderNo");
CREATE UNIQUE INDEX "VacateOrder_moveOutInspectionId_key" ON "VacateOrder"("moveOutInspectionId");
ALTER TABLE "VacateOrder" ADD CONSTRAINT "VacateOrder_moveOutInspectionId_fkey"
  FOREIGN KEY ("moveOutInspectionId") REFERENCES "Inspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Database only (tests/integration/database-only.ts): one open vacate order per lease, so two
-- officers issuing at once, or a retried decision, leave one.
CREATE UNIQUE INDEX "VacateOrder_open_key" ON "VacateOrder"("leaseId") WHERE "status" IN ('ISSUED', 'REFERRED_TO_COURT');
