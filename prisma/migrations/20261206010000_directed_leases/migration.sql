-- A lease houses at most one directed-allocation nominee; the officer who saw a tenant without a
-- portal account sign the paper lease.
ALTER TABLE "Lease" ADD COLUMN "directedNomineeId" TEXT,
ADD COLUMN "signatureWitnessedById" TEXT;

CREATE UNIQUE INDEX "Lease_directedNomineeId_key" ON "Lease"("directedNomineeId");

ALTER TABLE "Lease" ADD CONSTRAINT "Lease_directedNomineeId_fkey" FOREIGN KEY ("directedNomineeId") REFERENCES "DirectedNominee"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_signatureWitnessedById_fkey" FOREIGN KEY ("signatureWitnessedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
