-- Bank collection files (银行代收, Art. 28-29): each file once (its SHA-256 is unique), each line
-- matched to a lease and settled as a BANK_TRANSFER receipt (unique per method and reference, the
-- bank's serial number), or kept unmatched with its reason for an officer to resolve.

-- CreateEnum
CREATE TYPE "BankCollectionLineStatus" AS ENUM ('MATCHED', 'UNMATCHED', 'DUPLICATE', 'RESOLVED');

-- CreateEnum
CREATE TYPE "BankCollectionUnmatchedReason" AS ENUM ('UNKNOWN_LEASE', 'LEASE_OUT_OF_DISTRICT', 'AMOUNT_ABOVE_DUE', 'MALFORMED');

-- CreateEnum
CREATE TYPE "BankCollectionResolution" AS ENUM ('MATCHED_TO_LEASE', 'RETURNED_TO_BANK');

-- CreateTable
CREATE TABLE "BankCollectionFile" (
    "id" TEXT NOT NULL,
    "bankCode" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "collectionDate" DATE NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "matchedCount" INTEGER NOT NULL,
    "unmatchedCount" INTEGER NOT NULL,
    "duplicateCount" INTEGER NOT NULL,
    "resolvedCount" INTEGER NOT NULL DEFAULT 0,
    "matchedFen" BIGINT NOT NULL,
    "unmatchedFen" BIGINT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "districtCode" CHAR(6),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankCollectionFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankCollectionLine" (
    "id" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "serialNo" TEXT,
    "leaseRef" TEXT,
    "payerNameMasked" TEXT,
    "amountFen" INTEGER,
    "paidOn" DATE,
    "status" "BankCollectionLineStatus" NOT NULL,
    "reason" "BankCollectionUnmatchedReason",
    "problemColumn" TEXT,
    "problemKey" TEXT,
    "leaseId" TEXT,
    "receiptId" TEXT,
    "resolution" "BankCollectionResolution",
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolutionNote" TEXT,

    CONSTRAINT "BankCollectionLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BankCollectionFile_sha256_key" ON "BankCollectionFile"("sha256");

-- CreateIndex
CREATE INDEX "BankCollectionFile_districtCode_createdAt_idx" ON "BankCollectionFile"("districtCode", "createdAt");

-- CreateIndex
CREATE INDEX "BankCollectionFile_createdAt_idx" ON "BankCollectionFile"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BankCollectionLine_fileId_lineNo_key" ON "BankCollectionLine"("fileId", "lineNo");

-- CreateIndex
CREATE INDEX "BankCollectionLine_fileId_status_lineNo_idx" ON "BankCollectionLine"("fileId", "status", "lineNo");

-- CreateIndex
CREATE INDEX "BankCollectionLine_receiptId_idx" ON "BankCollectionLine"("receiptId");

-- AddForeignKey
ALTER TABLE "BankCollectionFile" ADD CONSTRAINT "BankCollectionFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankCollectionFile" ADD CONSTRAINT "BankCollectionFile_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankCollectionLine" ADD CONSTRAINT "BankCollectionLine_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "BankCollectionFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankCollectionLine" ADD CONSTRAINT "BankCollectionLine_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankCollectionLine" ADD CONSTRAINT "BankCollectionLine_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "RentReceipt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankCollectionLine" ADD CONSTRAINT "BankCollectionLine_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
