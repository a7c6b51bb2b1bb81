-- Revocable sessions and staff activation (docs/decisions/031): a session version every session
-- cookie must match, a forced password change, and a one-time activation code for new staff.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "activationCodeHash" TEXT,
ADD COLUMN "activationExpiresAt" TIMESTAMP(3);
