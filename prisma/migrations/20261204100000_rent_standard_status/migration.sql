-- Rent standards' decisions (Art. 27): a standard is drafted, then approved or rejected by a second
-- officer. The enum comes in a migration of its own, before the one that uses it.
CREATE TYPE "RentStandardStatus" AS ENUM ('DRAFT', 'APPROVED', 'REJECTED');
