-- AlterTable: the application number as published, on the entry (a batch lists up to 10,000
-- entries, paged and searched by number through the index below without joining Application).
ALTER TABLE "PublicityEntry" ADD COLUMN     "applicationNo" TEXT;

-- Backfill: an entry is published for a submitted application, whose number no longer changes.
UPDATE "PublicityEntry" AS e SET "applicationNo" = a."applicationNo" FROM "Application" AS a WHERE a."id" = e."applicationId";

ALTER TABLE "PublicityEntry" ALTER COLUMN "applicationNo" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "PublicityEntry_batchId_applicationNo_key" ON "PublicityEntry"("batchId", "applicationNo");
