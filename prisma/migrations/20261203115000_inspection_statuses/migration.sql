-- Inspections (Art. 35, 43) are scheduled, then recorded with their findings or called off. The new
-- enum gets its own migration, as new enum values do.

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('SCHEDULED', 'DONE', 'CANCELLED');
