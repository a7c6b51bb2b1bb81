-- AlterTable
ALTER TABLE "ReviewAudit" ADD COLUMN     "sampleSize" INTEGER NOT NULL DEFAULT 0;

-- Backfill: the items were all written when the sample was drawn.
UPDATE "ReviewAudit" a SET "sampleSize" = (SELECT count(*) FROM "ReviewAuditItem" i WHERE i."auditId" = a."id");
