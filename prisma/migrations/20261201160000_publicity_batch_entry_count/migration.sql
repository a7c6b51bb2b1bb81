-- AlterTable
ALTER TABLE "PublicityBatch" ADD COLUMN     "entryCount" INTEGER NOT NULL DEFAULT 0;

-- Backfill: a batch's entries are all written when it is published.
UPDATE "PublicityBatch" b SET "entryCount" = (SELECT count(*) FROM "PublicityEntry" e WHERE e."batchId" = b."id");
