-- The few leases with a reviewed rent to come (Art. 27), which the minute-by-minute job
-- `rent-standards` moves up once billed: found without reading every lease of the city.
CREATE INDEX "Lease_nextRent_idx" ON "Lease"("nextRentFrom") WHERE "nextRentFrom" IS NOT NULL;
