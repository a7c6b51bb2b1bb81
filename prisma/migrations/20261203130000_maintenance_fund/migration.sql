-- The maintenance fund (Art. 35): what is set aside for each estate in a year, recorded once per
-- form; the report sets it against at least 5 % of the year's rent income.

-- CreateTable
CREATE TABLE "MaintenanceFundAllocation" (
    "id" TEXT NOT NULL,
    "estateId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "note" TEXT,
    "formKey" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaintenanceFundAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MaintenanceFundAllocation_formKey_key" ON "MaintenanceFundAllocation"("formKey");

-- CreateIndex
CREATE INDEX "MaintenanceFundAllocation_estateId_year_idx" ON "MaintenanceFundAllocation"("estateId", "year");

-- AddForeignKey
ALTER TABLE "MaintenanceFundAllocation" ADD CONSTRAINT "MaintenanceFundAllocation_estateId_fkey" FOREIGN KEY ("estateId") REFERENCES "Estate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceFundAllocation" ADD CONSTRAINT "MaintenanceFundAllocation_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
