-- Verified phones (docs/decisions/035): one-time SMS codes, the permanent lock on linking 渝快办
-- applications after repeated wrong resident IDs, and the development SMS provider's outbox.
CREATE TYPE "PhoneCodePurpose" AS ENUM ('REGISTER', 'RESET_PASSWORD', 'LINK_INTAKE');

CREATE TABLE "PhoneCode" (
    "id" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "purpose" "PhoneCodePurpose" NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PhoneCode_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PhoneCode_phone_purpose_createdAt_idx" ON "PhoneCode"("phone", "purpose", "createdAt");

CREATE TABLE "IntakeLinkGuard" (
    "userId" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "IntakeLinkGuard_pkey" PRIMARY KEY ("userId")
);
ALTER TABLE "IntakeLinkGuard" ADD CONSTRAINT "IntakeLinkGuard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "DevSmsMessage" (
    "id" BIGSERIAL NOT NULL,
    "phone" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DevSmsMessage_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DevSmsMessage_phone_createdAt_idx" ON "DevSmsMessage"("phone", "createdAt");
