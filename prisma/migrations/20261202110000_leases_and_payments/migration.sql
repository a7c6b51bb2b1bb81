-- Tenancy (Art. 25-29): leases drawn up from accepted offers, signed by the tenant and countersigned
-- by an officer; one bill per lease and period whatever its kind; online payment orders and the
-- receipts that settle bills and late fees, one per method and reference.

-- AlterTable
ALTER TABLE "Lease" ADD COLUMN "terms" JSONB,
ADD COLUMN "signDueDate" DATE,
ADD COLUMN "draftedById" TEXT,
ADD COLUMN "countersignedAt" TIMESTAMP(3),
ADD COLUMN "countersignedById" TEXT,
ADD COLUMN "rentStandardId" TEXT,
ADD COLUMN "perCapitaIncomeFen" INTEGER;

-- AlterTable
ALTER TABLE "Bill" ADD COLUMN "baseRentFen" INTEGER,
ADD COLUMN "rentBasis" "RentBasis" NOT NULL DEFAULT 'STANDARD',
ADD COLUMN "rentStandardId" TEXT,
ADD COLUMN "vacateOrderId" TEXT;
UPDATE "Bill" SET "baseRentFen" = "amountFen";
ALTER TABLE "Bill" ALTER COLUMN "baseRentFen" SET NOT NULL;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "receiptId" TEXT,
ADD COLUMN "lateFeeId" TEXT;

-- AlterTable
ALTER TABLE "LateFee" ADD COLUMN "paidFen" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "PaymentOrder" (
    "id" TEXT NOT NULL,
    "orderNo" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "providerPaymentId" TEXT,
    "status" "PaymentOrderStatus" NOT NULL DEFAULT 'PENDING',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" TIMESTAMP(3),
    "receiptId" TEXT,
    "callbacks" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PaymentOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RentReceipt" (
    "id" TEXT NOT NULL,
    "receiptNo" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "reference" TEXT NOT NULL,
    "paidAt" TIMESTAMP(3) NOT NULL,
    "paidOn" DATE NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unappliedFen" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RentReceipt_pkey" PRIMARY KEY ("id")
);

-- DropIndex
DROP INDEX "Bill_leaseId_kind_periodStart_key";

-- CreateIndex
CREATE UNIQUE INDEX "Bill_leaseId_periodStart_key" ON "Bill"("leaseId", "periodStart");

-- CreateIndex
CREATE INDEX "Payment_receiptId_idx" ON "Payment"("receiptId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentOrder_orderNo_key" ON "PaymentOrder"("orderNo");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentOrder_receiptId_key" ON "PaymentOrder"("receiptId");

-- CreateIndex
CREATE INDEX "PaymentOrder_leaseId_createdAt_idx" ON "PaymentOrder"("leaseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentOrder_provider_providerPaymentId_key" ON "PaymentOrder"("provider", "providerPaymentId");

-- CreateIndex
CREATE UNIQUE INDEX "RentReceipt_receiptNo_key" ON "RentReceipt"("receiptNo");

-- CreateIndex
CREATE INDEX "RentReceipt_leaseId_paidAt_idx" ON "RentReceipt"("leaseId", "paidAt");

-- CreateIndex
CREATE UNIQUE INDEX "RentReceipt_method_reference_key" ON "RentReceipt"("method", "reference");

-- A unit has at most one live lease (being signed, in force or held over): a second one for the
-- same unit is refused by the database (Art. 25).
CREATE UNIQUE INDEX "Lease_liveUnit_key" ON "Lease"("unitId") WHERE "status" IN ('PENDING_SIGNATURE', 'AWAITING_COUNTERSIGNATURE', 'ACTIVE', 'HOLDING_OVER');

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_draftedById_fkey" FOREIGN KEY ("draftedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_countersignedById_fkey" FOREIGN KEY ("countersignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_rentStandardId_fkey" FOREIGN KEY ("rentStandardId") REFERENCES "RentStandard"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bill" ADD CONSTRAINT "Bill_rentStandardId_fkey" FOREIGN KEY ("rentStandardId") REFERENCES "RentStandard"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bill" ADD CONSTRAINT "Bill_vacateOrderId_fkey" FOREIGN KEY ("vacateOrderId") REFERENCES "VacateOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "RentReceipt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_lateFeeId_fkey" FOREIGN KEY ("lateFeeId") REFERENCES "LateFee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentOrder" ADD CONSTRAINT "PaymentOrder_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentOrder" ADD CONSTRAINT "PaymentOrder_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentOrder" ADD CONSTRAINT "PaymentOrder_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "RentReceipt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RentReceipt" ADD CONSTRAINT "RentReceipt_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RentReceipt" ADD CONSTRAINT "RentReceipt_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
