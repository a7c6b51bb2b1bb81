-- Public lottery draws (Art. 23; shared/docs/lottery-publication.md): a draw keeps the entrants file
-- it published at the freeze, the secret behind its commitment, the beacon and the result file; a
-- cancelled draw keeps its record, so "one draw per pool" becomes "one live draw per pool".
-- Nothing wrote LotteryDraw before this migration, so its required columns have no default, as
-- Prisma would add them (a table with rows would refuse them rather than invent entrants files).

-- DropIndex
DROP INDEX "LotteryDraw_planId_unitType_key";

-- AlterTable
ALTER TABLE "LotteryDraw" ADD COLUMN     "entrantCount" INTEGER NOT NULL,
ADD COLUMN     "priorityEntrantCount" INTEGER NOT NULL,
ADD COLUMN     "entrantsSha256" CHAR(64) NOT NULL,
ADD COLUMN     "entrantsFile" TEXT NOT NULL,
ADD COLUMN     "beaconSource" TEXT NOT NULL,
ADD COLUMN     "seedSecret" TEXT,
ADD COLUMN     "beacon" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledById" TEXT,
ADD COLUMN     "resultFile" TEXT;

-- CreateIndex
CREATE INDEX "LotteryDraw_planId_unitType_idx" ON "LotteryDraw"("planId", "unitType");

-- CreateIndex
CREATE UNIQUE INDEX "LotteryEntrant_drawId_applicationNo_key" ON "LotteryEntrant"("drawId", "applicationNo");

-- AddForeignKey
ALTER TABLE "LotteryDraw" ADD CONSTRAINT "LotteryDraw_cancelledById_fkey" FOREIGN KEY ("cancelledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Database-only (tests/integration/database-only.ts): at most one draw per pool (plan and unit
-- type) that is not cancelled. A cancelled draw stays on record; a new draw of the pool gets a new
-- id, secret and commitment. Two freezes at once: the second waits, then violates this index.
CREATE UNIQUE INDEX "LotteryDraw_livePool_key" ON "LotteryDraw"("planId", "unitType") WHERE "status" <> 'CANCELLED';
