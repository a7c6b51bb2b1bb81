-- AlterTable
ALTER TABLE "Objection" ADD COLUMN     "referenceNo" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Objection_referenceNo_key" ON "Objection"("referenceNo");
