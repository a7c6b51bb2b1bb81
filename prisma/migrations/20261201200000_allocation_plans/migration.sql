-- Allocation plans (配租方案, Art. 23): drafted, submitted, approved by a second officer and
-- published; a published plan is withdrawn only with a reason. The plan announces its priority
-- share, its beacon source and its dates.

-- AlterEnum
ALTER TYPE "AllocationPlanStatus" ADD VALUE 'SUBMITTED' AFTER 'DRAFT';
ALTER TYPE "AllocationPlanStatus" ADD VALUE 'APPROVED' AFTER 'SUBMITTED';
ALTER TYPE "AllocationPlanStatus" ADD VALUE 'WITHDRAWN' AFTER 'PUBLISHED';

-- AlterTable
ALTER TABLE "AllocationPlan" ADD COLUMN     "priorityShareBp" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "beaconSource" TEXT,
ADD COLUMN     "freezeDate" DATE,
ADD COLUMN     "drawDate" DATE,
ADD COLUMN     "selectionStartDate" DATE,
ADD COLUMN     "selectionEndDate" DATE,
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "approvedById" TEXT,
ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnById" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawReason" TEXT;

-- AddForeignKey
ALTER TABLE "AllocationPlan" ADD CONSTRAINT "AllocationPlan_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPlan" ADD CONSTRAINT "AllocationPlan_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
