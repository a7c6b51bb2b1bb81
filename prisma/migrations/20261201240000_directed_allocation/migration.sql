-- Directed allocation (定向配租, Art. 24): an estate's units reserved for a park's enterprise or a
-- body named for temporary resettlement, its nominees checked against the allocation's rules and
-- assigned units. A unit is assigned to one nominee at a time and a person holds one directed unit
-- at a time: two partial unique indexes decide it.

-- CreateEnum
CREATE TYPE "DirectedKind" AS ENUM ('ENTERPRISE', 'RESETTLEMENT');

-- CreateEnum
CREATE TYPE "DirectedStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "NomineeStatus" AS ENUM ('ELIGIBLE', 'INELIGIBLE', 'ASSIGNED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "DirectedAllocation" (
    "id" TEXT NOT NULL,
    "districtCode" CHAR(6) NOT NULL,
    "estateId" TEXT NOT NULL,
    "kind" "DirectedKind" NOT NULL,
    "recipientName" TEXT NOT NULL,
    "recipientCreditCode" TEXT,
    "basis" TEXT NOT NULL,
    "requireNoHome" BOOLEAN NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "status" "DirectedStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "DirectedAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectedAllocationUnit" (
    "allocationId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "DirectedAllocationUnit_pkey" PRIMARY KEY ("allocationId","unitId")
);

-- CreateTable
CREATE TABLE "DirectedNominee" (
    "id" TEXT NOT NULL,
    "allocationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "residentId" CHAR(18) NOT NULL,
    "residentIdMasked" TEXT NOT NULL,
    "householdSize" INTEGER NOT NULL,
    "employmentConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "status" "NomineeStatus" NOT NULL,
    "problems" JSONB NOT NULL,
    "unitId" TEXT,
    "assignedAt" TIMESTAMP(3),
    "addedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DirectedNominee_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DirectedAllocation_status_createdAt_idx" ON "DirectedAllocation"("status", "createdAt");

-- CreateIndex
CREATE INDEX "DirectedAllocation_districtCode_status_idx" ON "DirectedAllocation"("districtCode", "status");

-- CreateIndex
CREATE INDEX "DirectedAllocationUnit_unitId_idx" ON "DirectedAllocationUnit"("unitId");

-- CreateIndex
CREATE INDEX "DirectedNominee_unitId_idx" ON "DirectedNominee"("unitId");

-- CreateIndex
CREATE INDEX "DirectedNominee_residentId_idx" ON "DirectedNominee"("residentId");

-- CreateIndex
CREATE UNIQUE INDEX "DirectedNominee_allocationId_residentId_key" ON "DirectedNominee"("allocationId", "residentId");

-- AddForeignKey
ALTER TABLE "DirectedAllocation" ADD CONSTRAINT "DirectedAllocation_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectedAllocation" ADD CONSTRAINT "DirectedAllocation_estateId_fkey" FOREIGN KEY ("estateId") REFERENCES "Estate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectedAllocation" ADD CONSTRAINT "DirectedAllocation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectedAllocationUnit" ADD CONSTRAINT "DirectedAllocationUnit_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "DirectedAllocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectedAllocationUnit" ADD CONSTRAINT "DirectedAllocationUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectedNominee" ADD CONSTRAINT "DirectedNominee_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "DirectedAllocation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectedNominee" ADD CONSTRAINT "DirectedNominee_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectedNominee" ADD CONSTRAINT "DirectedNominee_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Database-only (tests/integration/database-only.ts): a unit is assigned to one nominee at a time,
-- and a person holds one directed unit at a time, across allocations.
CREATE UNIQUE INDEX "DirectedNominee_assignedUnit_key" ON "DirectedNominee"("unitId") WHERE "status" = 'ASSIGNED';
CREATE UNIQUE INDEX "DirectedNominee_assignedPerson_key" ON "DirectedNominee"("residentId") WHERE "status" = 'ASSIGNED';
