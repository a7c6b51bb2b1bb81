-- Repairs (Art. 35): a completed repair is closed when the tenant confirms it (or after the time to
-- object has passed), and an emergency is answered within a day. New enum values get their own
-- migration: they cannot be used in the transaction that adds them.

-- AlterEnum
ALTER TYPE "RepairStatus" ADD VALUE 'CLOSED';

-- CreateEnum
CREATE TYPE "RepairUrgency" AS ENUM ('NORMAL', 'EMERGENCY');
