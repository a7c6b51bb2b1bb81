-- Repairs (Art. 35): a tenant's request numbered for people, filed once per form, assigned,
-- started, completed and confirmed by the tenant (or closed without an answer), or cancelled before
-- anyone was sent; the officers' own note kept apart from what the tenant reads.

-- AlterTable
ALTER TABLE "RepairRequest" ADD COLUMN "requestNo" TEXT,
ADD COLUMN "urgency" "RepairUrgency" NOT NULL DEFAULT 'NORMAL',
ADD COLUMN "preferredVisit" TEXT,
ADD COLUMN "formKey" TEXT,
ADD COLUMN "assignedAt" TIMESTAMP(3),
ADD COLUMN "assignedById" TEXT,
ADD COLUMN "startedAt" TIMESTAMP(3),
ADD COLUMN "completedById" TEXT,
ADD COLUMN "tenantConfirmedAt" TIMESTAMP(3),
ADD COLUMN "closedAt" TIMESTAMP(3),
ADD COLUMN "cancelledAt" TIMESTAMP(3),
ADD COLUMN "cancelReason" TEXT,
ADD COLUMN "internalNote" TEXT;
-- Requests recorded before numbering get a number from their id.
UPDATE "RepairRequest" SET "requestNo" = 'BX-' || "id" WHERE "requestNo" IS NULL;
ALTER TABLE "RepairRequest" ALTER COLUMN "requestNo" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "RepairRequest_requestNo_key" ON "RepairRequest"("requestNo");

-- CreateIndex
CREATE UNIQUE INDEX "RepairRequest_reportedById_formKey_key" ON "RepairRequest"("reportedById", "formKey");

-- CreateIndex
CREATE INDEX "RepairRequest_status_dueDate_idx" ON "RepairRequest"("status", "dueDate");

-- CreateIndex
CREATE INDEX "RepairRequest_leaseId_idx" ON "RepairRequest"("leaseId");

-- AddForeignKey
ALTER TABLE "RepairRequest" ADD CONSTRAINT "RepairRequest_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairRequest" ADD CONSTRAINT "RepairRequest_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
