-- Housing stock (issue: allocation, part 1): which way a unit faces, why it has its status, and
-- the history of every status change.

-- CreateEnum
CREATE TYPE "UnitOrientation" AS ENUM ('SOUTH', 'NORTH', 'EAST', 'WEST', 'SOUTHEAST', 'SOUTHWEST', 'NORTHEAST', 'NORTHWEST', 'NORTH_SOUTH');

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "orientation" "UnitOrientation",
ADD COLUMN     "statusReason" TEXT;

-- CreateTable
CREATE TABLE "UnitStatusEvent" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "fromStatus" "UnitStatus",
    "toStatus" "UnitStatus" NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "actorRole" "Role",
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitStatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnitStatusEvent_unitId_at_idx" ON "UnitStatusEvent"("unitId", "at");

-- AddForeignKey
ALTER TABLE "UnitStatusEvent" ADD CONSTRAINT "UnitStatusEvent_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitStatusEvent" ADD CONSTRAINT "UnitStatusEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: each existing unit's status as its first event.
INSERT INTO "UnitStatusEvent" ("id", "unitId", "fromStatus", "toStatus", "at")
SELECT 'use-' || "id", "id", NULL, "status", "statusChangedAt" FROM "Unit";
