-- The check of a unit when the household hands it back (Art. 38-41). A new enum value stands in its
-- own migration: PostgreSQL cannot use it in the transaction that adds it.
ALTER TYPE "InspectionKind" ADD VALUE 'MOVE_OUT';
