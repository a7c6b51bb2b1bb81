-- Receipts with money left after every debt (credit, Art. 29 settlement order): the few the billing
-- job applies to the bills issued since, found without reading every receipt of the city.
CREATE INDEX "RentReceipt_credit_idx" ON "RentReceipt"("leaseId") WHERE "unappliedFen" > 0;
