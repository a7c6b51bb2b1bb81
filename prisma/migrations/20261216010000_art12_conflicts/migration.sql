-- Art. 12 conflicts found at a portal submission, for the district's officers (docs/decisions/036).
CREATE TABLE "Art12Conflict" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "districtCode" CHAR(6) NOT NULL,
    "members" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Art12Conflict_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Art12Conflict_districtCode_at_idx" ON "Art12Conflict"("districtCode", "at");
CREATE INDEX "Art12Conflict_applicationId_idx" ON "Art12Conflict"("applicationId");
ALTER TABLE "Art12Conflict" ADD CONSTRAINT "Art12Conflict_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
