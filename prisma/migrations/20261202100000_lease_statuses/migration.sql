-- Tenancy (Art. 25-29): a lease signed by the tenant awaits the officer's countersignature, and an
-- offer whose lease is in force is no longer live. New enum values get their own migration: they
-- cannot be used in the transaction that adds them.

-- AlterEnum
ALTER TYPE "LeaseStatus" ADD VALUE 'AWAITING_COUNTERSIGNATURE' AFTER 'PENDING_SIGNATURE';

-- AlterEnum
ALTER TYPE "OfferStatus" ADD VALUE 'LEASED';

-- CreateEnum
CREATE TYPE "PaymentOrderStatus" AS ENUM ('PENDING', 'PAID', 'FAILED', 'CLOSED');
