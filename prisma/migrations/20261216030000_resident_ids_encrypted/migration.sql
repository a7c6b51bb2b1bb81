-- Resident IDs encrypted at rest, found by a blind index (docs/decisions/037). The columns take the
-- `enc1.…` ciphertext; lookups and uniqueness move to "residentIdIndex". Rows written before this
-- migration keep their number in clear with no index until the portal's start (or
-- `npm run keys:rotate`) encrypts them: lib/crypto/resident-ids.ts encryptLegacyResidentIds.
ALTER TABLE "HouseholdMember" ALTER COLUMN "residentId" SET DATA TYPE TEXT, ADD COLUMN "residentIdIndex" CHAR(64);
DROP INDEX "HouseholdMember_applicationId_residentId_key";
DROP INDEX "HouseholdMember_residentId_idx";
CREATE UNIQUE INDEX "HouseholdMember_applicationId_residentIdIndex_key" ON "HouseholdMember"("applicationId", "residentIdIndex");
CREATE INDEX "HouseholdMember_residentIdIndex_idx" ON "HouseholdMember"("residentIdIndex");

ALTER TABLE "DirectedNominee" ALTER COLUMN "residentId" SET DATA TYPE TEXT, ADD COLUMN "residentIdIndex" CHAR(64);
DROP INDEX "DirectedNominee_allocationId_residentId_key";
DROP INDEX "DirectedNominee_residentId_idx";
DROP INDEX "DirectedNominee_assignedPerson_key";
CREATE UNIQUE INDEX "DirectedNominee_allocationId_residentIdIndex_key" ON "DirectedNominee"("allocationId", "residentIdIndex");
CREATE INDEX "DirectedNominee_residentIdIndex_idx" ON "DirectedNominee"("residentIdIndex");
CREATE UNIQUE INDEX "DirectedNominee_assignedPerson_key" ON "DirectedNominee"("residentIdIndex") WHERE "status" = 'ASSIGNED';

ALTER TABLE "SharedDataRecord" ALTER COLUMN "residentId" SET DATA TYPE TEXT, ADD COLUMN "residentIdIndex" CHAR(64);
DROP INDEX "SharedDataRecord_residentId_source_idx";
CREATE INDEX "SharedDataRecord_residentIdIndex_source_idx" ON "SharedDataRecord"("residentIdIndex", "source");

ALTER TABLE "Ban" ALTER COLUMN "residentId" SET DATA TYPE TEXT, ADD COLUMN "residentIdIndex" CHAR(64);
DROP INDEX "Ban_violationId_residentId_key";
DROP INDEX "Ban_residentId_bannedUntil_idx";
CREATE UNIQUE INDEX "Ban_violationId_residentIdIndex_key" ON "Ban"("violationId", "residentIdIndex");
CREATE INDEX "Ban_residentIdIndex_bannedUntil_idx" ON "Ban"("residentIdIndex", "bannedUntil");

-- The household summary's masked ID comes from the masked number the data layer writes beside the
-- ciphertext (the database cannot decrypt); a number still in clear is masked as before.
ALTER TABLE "HouseholdMember" ADD COLUMN "residentIdMasked" TEXT;
CREATE OR REPLACE FUNCTION "Application_household_summary"(app TEXT) RETURNS void LANGUAGE sql AS $$
  UPDATE "Application" a SET
    "householdSize" = (SELECT count(*) FROM "HouseholdMember" m WHERE m."applicationId" = app),
    "applicantName" = s."name",
    "applicantIdMasked" = CASE WHEN s."residentIdMasked" IS NOT NULL THEN s."residentIdMasked"
      WHEN s."residentId" IS NULL OR s."residentId" LIKE 'enc1.%' THEN NULL
      ELSE substr(s."residentId", 1, 6) || repeat('*', char_length(s."residentId") - 10) || right(s."residentId", 4) END
  FROM (SELECT app AS id) k
  LEFT JOIN LATERAL (SELECT m."name", m."residentId", m."residentIdMasked" FROM "HouseholdMember" m
                     WHERE m."applicationId" = app AND m."relationship" = 'APPLICANT' ORDER BY m."id" LIMIT 1) s ON true
  WHERE a."id" = k.id;
$$;
