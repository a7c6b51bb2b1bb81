-- A batch's entries are paged by their place in it, and its objections are read by batch
-- (docs/decisions/014).

-- AlterTable: the place of each entry in its batch, in the order of application numbers.
ALTER TABLE "PublicityEntry" ADD COLUMN "position" INTEGER;
UPDATE "PublicityEntry" e SET "position" = r."rn"
FROM (SELECT "id", row_number() OVER (PARTITION BY "batchId" ORDER BY "applicationNo", "id") AS "rn" FROM "PublicityEntry") r
WHERE r."id" = e."id";
ALTER TABLE "PublicityEntry" ALTER COLUMN "position" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "PublicityEntry_batchId_position_key" ON "PublicityEntry"("batchId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PublicityEntry_id_batchId_key" ON "PublicityEntry"("id", "batchId");

-- AlterTable: each objection's batch, its entry's.
ALTER TABLE "Objection" ADD COLUMN "batchId" TEXT;
UPDATE "Objection" o SET "batchId" = e."batchId" FROM "PublicityEntry" e WHERE e."id" = o."entryId";
ALTER TABLE "Objection" ALTER COLUMN "batchId" SET NOT NULL;

-- DropForeignKey
ALTER TABLE "Objection" DROP CONSTRAINT "Objection_entryId_fkey";

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_entryId_batchId_fkey" FOREIGN KEY ("entryId", "batchId") REFERENCES "PublicityEntry"("id", "batchId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Objection_batchId_status_idx" ON "Objection"("batchId", "status");

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "PublicityBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
