-- The violation a document is evidence of (officers only).
ALTER TABLE "Document" ADD COLUMN "violationId" TEXT;
CREATE INDEX "Document_violationId_idx" ON "Document"("violationId");
ALTER TABLE "Document" ADD CONSTRAINT "Document_violationId_fkey" FOREIGN KEY ("violationId") REFERENCES "Violation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
