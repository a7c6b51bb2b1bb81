-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "householdSize" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "applicantName" TEXT,
ADD COLUMN     "applicantIdMasked" TEXT;

-- The household summary that officers' lists show (size, applicant's name, masked resident ID)
-- is kept on the application by the database itself, from its HouseholdMember rows: lists read
-- one row per application instead of counting every member of the city (docs/decisions/014).
CREATE FUNCTION "Application_household_summary"(app TEXT) RETURNS void LANGUAGE sql AS $$
  UPDATE "Application" a SET
    "householdSize" = (SELECT count(*) FROM "HouseholdMember" m WHERE m."applicationId" = app),
    "applicantName" = s."name",
    "applicantIdMasked" = CASE WHEN s."residentId" IS NULL THEN NULL
      ELSE substr(s."residentId", 1, 6) || repeat('*', char_length(s."residentId") - 10) || right(s."residentId", 4) END
  FROM (SELECT app AS id) k
  LEFT JOIN LATERAL (SELECT m."name", m."residentId" FROM "HouseholdMember" m
                     WHERE m."applicationId" = app AND m."relationship" = 'APPLICANT' ORDER BY m."id" LIMIT 1) s ON true
  WHERE a."id" = k.id;
$$;

CREATE FUNCTION "HouseholdMember_summary_trigger"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "Application_household_summary"(OLD."applicationId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."applicationId" IS DISTINCT FROM OLD."applicationId") THEN
    PERFORM "Application_household_summary"(NEW."applicationId");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "HouseholdMember_summary" AFTER INSERT OR UPDATE OR DELETE ON "HouseholdMember"
  FOR EACH ROW EXECUTE FUNCTION "HouseholdMember_summary_trigger"();

-- Backfill.
UPDATE "Application" a SET
  "householdSize" = s."size",
  "applicantName" = s."name",
  "applicantIdMasked" = CASE WHEN s."residentId" IS NULL THEN NULL
    ELSE substr(s."residentId", 1, 6) || repeat('*', char_length(s."residentId") - 10) || right(s."residentId", 4) END
FROM (
  SELECT m."applicationId", count(*) AS "size",
    (array_agg(m."name" ORDER BY m."id") FILTER (WHERE m."relationship" = 'APPLICANT'))[1] AS "name",
    (array_agg(m."residentId" ORDER BY m."id") FILTER (WHERE m."relationship" = 'APPLICANT'))[1] AS "residentId"
  FROM "HouseholdMember" m GROUP BY m."applicationId"
) s
WHERE a."id" = s."applicationId";

-- The review queue (Art. 19: acceptance, first and second review) as the database sees it: a
-- generated column, true exactly for the queue's stages (lib/review/schemas.ts QUEUE_STAGES), and
-- two partial indexes in the queue's order, one for the city and one per district. Prisma compares
-- enums through a cast the planner cannot use to prove a partial index's predicate; it can prove
-- `"inReviewQueue" = true`, so the queue's pages, counts and deep pages read only these entries.
ALTER TABLE "Application" ADD COLUMN     "inReviewQueue" BOOLEAN GENERATED ALWAYS AS ("status" IN ('SUBMITTED', 'ACCEPTED', 'FIRST_REVIEW_PASSED')) STORED;

CREATE INDEX "Application_reviewQueue_city_idx" ON "Application"("dueDate", "submittedAt", "id") WHERE "inReviewQueue";

CREATE INDEX "Application_reviewQueue_district_idx" ON "Application"("districtCode", "dueDate", "submittedAt", "id") WHERE "inReviewQueue";

-- The dashboards count applications by status and district for the statuses still at work.
CREATE INDEX "Application_status_districtCode_idx" ON "Application"("status", "districtCode");
