-- Unit selection (选房, Art. 23) and offers: a drawn pool's entrants get turns in rank order; a
-- pick is an offer to accept by a deadline. A unit is never offered to two households at once and
-- a household never holds two live offers: two partial unique indexes decide it, whatever the code.

-- CreateEnum
CREATE TYPE "SelectionTurnStatus" AS ENUM ('OPEN', 'PICKED', 'DECLINED', 'MISSED');

-- AlterTable
ALTER TABLE "LotteryDraw" ADD COLUMN     "selectionOpenedAt" TIMESTAMP(3),
ADD COLUMN     "selectionOpenedById" TEXT,
ADD COLUMN     "selectionWindowHours" INTEGER,
ADD COLUMN     "selectionParallel" INTEGER,
ADD COLUMN     "offerAcceptDays" INTEGER;

-- AlterTable
ALTER TABLE "LotteryEntrant" ADD COLUMN     "turnStatus" "SelectionTurnStatus",
ADD COLUMN     "turnOpensAt" TIMESTAMP(3),
ADD COLUMN     "turnClosesAt" TIMESTAMP(3),
ADD COLUMN     "turnEndedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "assignReason" TEXT;

-- CreateIndex
CREATE INDEX "LotteryEntrant_drawId_turnStatus_idx" ON "LotteryEntrant"("drawId", "turnStatus");

-- AddForeignKey
ALTER TABLE "LotteryDraw" ADD CONSTRAINT "LotteryDraw_selectionOpenedById_fkey" FOREIGN KEY ("selectionOpenedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Database-only (tests/integration/database-only.ts): a live offer (pending, or accepted and not
-- yet ended) holds its unit and its household. A second one for the same unit, or for the same
-- household, violates these indexes, however many requests arrive at once.
CREATE UNIQUE INDEX "Offer_liveUnit_key" ON "Offer"("unitId") WHERE "status" IN ('PENDING', 'ACCEPTED');
CREATE UNIQUE INDEX "Offer_liveApplication_key" ON "Offer"("applicationId") WHERE "status" IN ('PENDING', 'ACCEPTED');
