-- Inspections (Art. 35, 43): scheduled by an officer for a day, recorded later with the findings
-- (what was only scheduled has no day or findings yet). A repair belongs to its estate, and a
-- repair raised by a patrol of the common parts has no home.

-- AlterTable
ALTER TABLE "Inspection" ALTER COLUMN "inspectedOn" DROP NOT NULL,
ALTER COLUMN "findings" DROP NOT NULL,
ADD COLUMN "status" "InspectionStatus" NOT NULL DEFAULT 'SCHEDULED',
ADD COLUMN "scheduledOn" DATE,
ADD COLUMN "recordedAt" TIMESTAMP(3),
ADD COLUMN "recordedById" TEXT;
-- Inspections recorded before scheduling existed were made and recorded at once.
UPDATE "Inspection" SET "status" = 'DONE', "scheduledOn" = "inspectedOn", "recordedAt" = "createdAt", "recordedById" = "inspectorId";

-- DropForeignKey
ALTER TABLE "RepairRequest" DROP CONSTRAINT "RepairRequest_unitId_fkey";

-- AlterTable
ALTER TABLE "RepairRequest" ALTER COLUMN "unitId" DROP NOT NULL,
ADD COLUMN "estateId" TEXT;
UPDATE "RepairRequest" AS r SET "estateId" = u."estateId" FROM "Unit" AS u WHERE u."id" = r."unitId";
ALTER TABLE "RepairRequest" ALTER COLUMN "estateId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Inspection_status_scheduledOn_idx" ON "Inspection"("status", "scheduledOn");

-- CreateIndex
CREATE INDEX "RepairRequest_estateId_status_idx" ON "RepairRequest"("estateId", "status");

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairRequest" ADD CONSTRAINT "RepairRequest_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairRequest" ADD CONSTRAINT "RepairRequest_estateId_fkey" FOREIGN KEY ("estateId") REFERENCES "Estate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
