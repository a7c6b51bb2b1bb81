-- CreateIndex
CREATE INDEX "Application_districtCode_submittedAt_idx" ON "Application"("districtCode", "submittedAt");

-- CreateIndex
CREATE INDEX "Application_districtCode_acceptedAt_idx" ON "Application"("districtCode", "acceptedAt");

-- CreateIndex
CREATE INDEX "Application_districtCode_qualifiedAt_idx" ON "Application"("districtCode", "qualifiedAt");

-- CreateIndex
CREATE INDEX "Application_districtCode_rejectionNotifiedAt_idx" ON "Application"("districtCode", "rejectionNotifiedAt");
