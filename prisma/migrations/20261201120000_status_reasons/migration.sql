-- Status reasons worded through the message files (key + params), and what a review decision
-- tells the applicant kept apart from the officer's internal note.

-- AlterTable
ALTER TABLE "ApplicationStatusEvent" ADD COLUMN     "reasonKey" TEXT,
ADD COLUMN     "reasonParams" JSONB;

-- AlterTable
ALTER TABLE "ReviewDecision" ADD COLUMN     "applicantMessage" TEXT;
