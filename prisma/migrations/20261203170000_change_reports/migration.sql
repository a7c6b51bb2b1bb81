-- Change reports (Art. 42): the form's key, so that a report sent twice is recorded once.
ALTER TABLE "ChangeReport" ADD COLUMN "formKey" TEXT;
CREATE UNIQUE INDEX "ChangeReport_leaseId_formKey_key" ON "ChangeReport"("leaseId", "formKey");
