-- CreateEnum
CREATE TYPE "Role" AS ENUM ('APPLICANT', 'DISTRICT_OFFICER', 'MUNICIPAL_OFFICER', 'ADMIN');

-- CreateEnum
CREATE TYPE "DistrictKind" AS ENUM ('DISTRICT', 'COUNTY');

-- CreateEnum
CREATE TYPE "EstateLevel" AS ENUM ('MUNICIPAL', 'DISTRICT');

-- CreateEnum
CREATE TYPE "StockSource" AS ENUM ('NEW_CONSTRUCTION', 'INCLUDED_IN_DEVELOPMENT', 'CONVERSION', 'PURCHASE', 'LONG_TERM_LEASE');

-- CreateEnum
CREATE TYPE "InvestmentType" AS ENUM ('GOVERNMENT', 'PRIVATE');

-- CreateEnum
CREATE TYPE "UnitType" AS ENUM ('STUDIO', 'ONE_BEDROOM', 'TWO_BEDROOM', 'THREE_BEDROOM');

-- CreateEnum
CREATE TYPE "UnitStatus" AS ENUM ('VACANT', 'RESERVED', 'OFFERED', 'LEASED', 'MAINTENANCE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ApplicationSource" AS ENUM ('PORTAL', 'INTAKE_API');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'FIRST_REVIEW_PASSED', 'FIRST_REVIEW_REJECTED', 'SECOND_REVIEW_PASSED', 'SECOND_REVIEW_REJECTED', 'IN_PUBLICITY', 'OBJECTION_UPHELD', 'APPEALED', 'REJECTED', 'QUALIFIED', 'ALLOCATED', 'HOUSED', 'CANCELLED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Relationship" AS ENUM ('APPLICANT', 'SPOUSE', 'CHILD', 'PARENT', 'SPOUSE_PARENT', 'OTHER_DEPENDENT');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('M', 'F');

-- CreateEnum
CREATE TYPE "MaritalStatus" AS ENUM ('UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED');

-- CreateEnum
CREATE TYPE "EmploymentBasis" AS ENUM ('LABOR_CONTRACT', 'BUSINESS_LICENSE', 'PENSION', 'MIGRANT_SOCIAL_INSURANCE', 'NONE');

-- CreateEnum
CREATE TYPE "PriorityCategory" AS ENUM ('MINIMUM_LIVING', 'EXTREME_POVERTY', 'MARGINAL_LOW_INCOME', 'SPECIAL_CARE');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('ID_CARD', 'HOUSEHOLD_REGISTER', 'RESIDENCE_PERMIT', 'LABOR_CONTRACT', 'BUSINESS_LICENSE', 'PENSION_CERTIFICATE', 'MARITAL_STATUS', 'INCOME_CERTIFICATE', 'PRIORITY_CERTIFICATE', 'CONSENT_FORM', 'APPEAL_STATEMENT', 'LEASE_CONTRACT', 'RECTIFICATION_REPORT', 'REPAIR_PHOTO', 'OTHER');

-- CreateEnum
CREATE TYPE "ReviewLevel" AS ENUM ('FIRST', 'SECOND');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('PASSED', 'REJECTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "NoticeMethod" AS ENUM ('WRITTEN', 'SMS');

-- CreateEnum
CREATE TYPE "SharedDataSource" AS ENUM ('SOCIAL_INSURANCE', 'HOUSING_FUND', 'TAX', 'REAL_ESTATE', 'CIVIL_AFFAIRS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PROCESSING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "PublicityStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CLOSED');

-- CreateEnum
CREATE TYPE "PublicityOutcome" AS ENUM ('QUALIFIED', 'OBJECTION_UPHELD');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('RECEIVED', 'INVESTIGATING', 'CLOSED');

-- CreateEnum
CREATE TYPE "ObjectionOutcome" AS ENUM ('UPHELD', 'NOT_UPHELD');

-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('LODGED', 'UNDER_REVIEW', 'DECIDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AppealDecision" AS ENUM ('UPHELD_REJECTION', 'RETURNED_FOR_REVIEW');

-- CreateEnum
CREATE TYPE "QualificationStatus" AS ENUM ('ACTIVE', 'HOUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RecheckKind" AS ENUM ('QUALIFICATION', 'TENANCY');

-- CreateEnum
CREATE TYPE "RecheckStatus" AS ENUM ('PENDING', 'PASSED', 'FAILED');

-- CreateEnum
CREATE TYPE "ReviewAuditStatus" AS ENUM ('IN_PROGRESS', 'COMPLETED');

-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('OPEN', 'REPORTED', 'ACCEPTED', 'REOPENED');

-- CreateEnum
CREATE TYPE "AllocationMethod" AS ENUM ('LOTTERY', 'WAITING_LIST');

-- CreateEnum
CREATE TYPE "AllocationPlanStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "LotteryDrawStatus" AS ENUM ('COMMITTED', 'DRAWN', 'CANCELLED');

-- CreateEnum
CREATE TYPE "LotteryRound" AS ENUM ('PRIORITY', 'GENERAL');

-- CreateEnum
CREATE TYPE "LotteryOutcome" AS ENUM ('WON', 'WAITLISTED');

-- CreateEnum
CREATE TYPE "WaitingListPurpose" AS ENUM ('ALLOCATION', 'EXCHANGE');

-- CreateEnum
CREATE TYPE "WaitingListStatus" AS ENUM ('WAITING', 'OFFERED', 'HOUSED', 'REMOVED');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "LeaseOrigin" AS ENUM ('ALLOCATION', 'RENEWAL', 'EXCHANGE');

-- CreateEnum
CREATE TYPE "RentBasis" AS ENUM ('STANDARD', 'LOW_RENT', 'LEGACY_110_PERCENT', 'MARKET', 'UNIT_MISMATCH_150_PERCENT');

-- CreateEnum
CREATE TYPE "LeaseStatus" AS ENUM ('PENDING_SIGNATURE', 'ACTIVE', 'HOLDING_OVER', 'ENDED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "BillKind" AS ENUM ('RENT', 'TRANSITION_RENT');

-- CreateEnum
CREATE TYPE "BillStatus" AS ENUM ('UNPAID', 'PARTIALLY_PAID', 'PAID', 'WAIVED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('BANK_TRANSFER', 'ONLINE', 'CASH', 'OTHER');

-- CreateEnum
CREATE TYPE "LateFeeStatus" AS ENUM ('ASSESSED', 'PAID', 'WAIVED');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'COMPLETED');

-- CreateEnum
CREATE TYPE "ExchangeReason" AS ENUM ('HOUSEHOLD_GREW', 'HOUSEHOLD_SHRANK', 'OTHER');

-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('WORK', 'INCOME', 'HOUSING', 'HOUSEHOLD');

-- CreateEnum
CREATE TYPE "ChangeReportStatus" AS ENUM ('SUBMITTED', 'REVIEWED');

-- CreateEnum
CREATE TYPE "RepairCategory" AS ENUM ('COMMON_PARTS', 'UNIT_STRUCTURE', 'UNIT_FIXTURE', 'CONSUMABLE');

-- CreateEnum
CREATE TYPE "RepairResponsibility" AS ENUM ('OPERATOR', 'TENANT');

-- CreateEnum
CREATE TYPE "RepairStatus" AS ENUM ('OPEN', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "InspectionKind" AS ENUM ('COMMON_PARTS', 'USE_CHECK');

-- CreateEnum
CREATE TYPE "InspectionMethod" AS ENUM ('HOME_VISIT', 'JOINT_CHECK', 'COMMUNITY_REPORT', 'SMART_ACCESS_DATA', 'PATROL');

-- CreateEnum
CREATE TYPE "ViolationKind" AS ENUM ('FALSE_INFORMATION', 'SUBLET_OR_LEND', 'ALTER_STRUCTURE', 'CHANGE_OF_USE', 'VACANT_SIX_MONTHS', 'ILLEGAL_ACTIVITY');

-- CreateEnum
CREATE TYPE "ViolationStatus" AS ENUM ('REPORTED', 'CONFIRMED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "VacateGround" AS ENUM ('TERM_ENDED_NO_RENEWAL', 'RENEWAL_REJECTED', 'NO_LONGER_ELIGIBLE', 'OTHER_SUBSIDISED_HOUSING', 'RENT_ARREARS', 'VIOLATION', 'ANNUAL_CHECK_FAILED');

-- CreateEnum
CREATE TYPE "VacateOrderStatus" AS ENUM ('ISSUED', 'VACATED', 'REFERRED_TO_COURT', 'ENFORCED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('IN_APP', 'SMS', 'EMAIL');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "District" (
    "code" CHAR(6) NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "DistrictKind" NOT NULL,
    "isCentralUrban" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "District_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "phone" TEXT,
    "username" TEXT,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "districtCode" CHAR(6),
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStartedAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "districtCode" CHAR(6),
    "reason" TEXT,
    "data" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SequenceCounter" (
    "key" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SequenceCounter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Estate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "districtCode" CHAR(6) NOT NULL,
    "level" "EstateLevel" NOT NULL,
    "stockSource" "StockSource" NOT NULL,
    "investment" "InvestmentType" NOT NULL,
    "ownerName" TEXT NOT NULL,
    "operatorName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "elderlyCareServices" TEXT,
    "childCareServices" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Estate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Building" (
    "id" TEXT NOT NULL,
    "estateId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "floors" INTEGER,

    CONSTRAINT "Building_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "estateId" TEXT NOT NULL,
    "buildingId" TEXT NOT NULL,
    "unitNo" TEXT NOT NULL,
    "floor" INTEGER NOT NULL,
    "unitType" "UnitType" NOT NULL,
    "floorAreaDm2" INTEGER NOT NULL,
    "status" "UnitStatus" NOT NULL DEFAULT 'VACANT',
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "marketRentFen" INTEGER NOT NULL,
    "standardRentFen" INTEGER NOT NULL,
    "structure" TEXT,
    "fixtures" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "applicationNo" TEXT NOT NULL,
    "externalId" TEXT,
    "intakeResponse" JSONB,
    "source" "ApplicationSource" NOT NULL,
    "applicantUserId" TEXT,
    "contactPhone" TEXT,
    "districtCode" CHAR(6) NOT NULL,
    "estateLevel" "EstateLevel" NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "preferredUnitType" "UnitType",
    "isPriority" BOOLEAN NOT NULL DEFAULT false,
    "consentedAt" TIMESTAMP(3),
    "declaredTrueAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "firstReviewDueDate" DATE,
    "secondReviewDueDate" DATE,
    "rejectionNotifiedAt" TIMESTAMP(3),
    "appealDueDate" DATE,
    "dueDate" DATE,
    "qualifiedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "precheck" JSONB,
    "precheckEligible" BOOLEAN,
    "precheckAt" TIMESTAMP(3),
    "referenceIncomeYear" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationDeclaration" (
    "applicationId" TEXT NOT NULL,
    "employment" "EmploymentBasis" NOT NULL,
    "employerName" TEXT,
    "workDistrictCode" CHAR(6),
    "isMigrantWorker" BOOLEAN NOT NULL DEFAULT false,
    "ownsUrbanHousingInCity" BOOLEAN NOT NULL,
    "housingFloorAreaDm2" INTEGER NOT NULL DEFAULT 0,
    "lastHousingTransferDate" DATE,
    "familyCanSupportHousing" BOOLEAN NOT NULL,
    "priorityCategories" "PriorityCategory"[],
    "receivesRentalSubsidy" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApplicationDeclaration_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "relationship" "Relationship" NOT NULL,
    "name" TEXT NOT NULL,
    "residentId" CHAR(18) NOT NULL,
    "sex" "Sex" NOT NULL,
    "birthDate" DATE NOT NULL,
    "maritalStatus" "MaritalStatus",
    "fullCivilCapacity" BOOLEAN NOT NULL,
    "annualIncomeFen" INTEGER NOT NULL,

    CONSTRAINT "HouseholdMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationEstatePreference" (
    "applicationId" TEXT NOT NULL,
    "estateId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "ApplicationEstatePreference_pkey" PRIMARY KEY ("applicationId","estateId")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applicationId" TEXT,
    "leaseId" TEXT,
    "appealId" TEXT,
    "rectificationId" TEXT,
    "repairRequestId" TEXT,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationStatusEvent" (
    "id" BIGSERIAL NOT NULL,
    "applicationId" TEXT NOT NULL,
    "fromStatus" "ApplicationStatus",
    "toStatus" "ApplicationStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" "Role",
    "reason" TEXT,

    CONSTRAINT "ApplicationStatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "level" "ReviewLevel" NOT NULL,
    "officerId" TEXT NOT NULL,
    "outcome" "ReviewOutcome" NOT NULL,
    "reasons" JSONB,
    "articlesCited" TEXT[],
    "comment" TEXT,
    "dueDate" DATE NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" TIMESTAMP(3),
    "noticeMethod" "NoticeMethod",

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SharedDataImportBatch" (
    "id" TEXT NOT NULL,
    "source" "SharedDataSource" NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "asOfDate" DATE,
    "status" "ImportStatus" NOT NULL DEFAULT 'PROCESSING',
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "importedById" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SharedDataImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SharedDataRecord" (
    "id" BIGSERIAL NOT NULL,
    "batchId" TEXT NOT NULL,
    "source" "SharedDataSource" NOT NULL,
    "rowNo" INTEGER NOT NULL,
    "residentId" CHAR(18),
    "fields" JSONB NOT NULL,
    "errors" JSONB,

    CONSTRAINT "SharedDataRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicityBatch" (
    "id" TEXT NOT NULL,
    "districtCode" CHAR(6) NOT NULL,
    "title" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "status" "PublicityStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicityBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicityEntry" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "maskedResidentId" TEXT NOT NULL,
    "householdSize" INTEGER NOT NULL,
    "outcome" "PublicityOutcome",

    CONSTRAINT "PublicityEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'RECEIVED',
    "outcome" "ObjectionOutcome",
    "outcomeNote" TEXT,
    "investigatorId" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "appealedStatus" "ApplicationStatus" NOT NULL,
    "grounds" TEXT NOT NULL,
    "lodgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" DATE NOT NULL,
    "status" "AppealStatus" NOT NULL DEFAULT 'LODGED',
    "decision" "AppealDecision",
    "decisionReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Qualification" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "qualifiedOn" DATE NOT NULL,
    "entitledUnitType" "UnitType" NOT NULL,
    "isPriority" BOOLEAN NOT NULL DEFAULT false,
    "isPreReform" BOOLEAN NOT NULL DEFAULT false,
    "choseFormerConditions" BOOLEAN NOT NULL DEFAULT false,
    "status" "QualificationStatus" NOT NULL DEFAULT 'ACTIVE',
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "cancelledById" TEXT,

    CONSTRAINT "Qualification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualRecheck" (
    "id" TEXT NOT NULL,
    "kind" "RecheckKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "districtCode" CHAR(6) NOT NULL,
    "qualificationId" TEXT,
    "leaseId" TEXT,
    "status" "RecheckStatus" NOT NULL DEFAULT 'PENDING',
    "dueDate" DATE,
    "findings" JSONB,
    "reasons" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnualRecheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAudit" (
    "id" TEXT NOT NULL,
    "districtCode" CHAR(6) NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "auditorId" TEXT NOT NULL,
    "status" "ReviewAuditStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "summary" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewAudit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAuditItem" (
    "id" TEXT NOT NULL,
    "auditId" TEXT NOT NULL,
    "reviewDecisionId" TEXT NOT NULL,
    "isCompliant" BOOLEAN,
    "finding" TEXT,

    CONSTRAINT "ReviewAuditItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rectification" (
    "id" TEXT NOT NULL,
    "auditId" TEXT NOT NULL,
    "districtCode" CHAR(6) NOT NULL,
    "requirement" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueDate" DATE NOT NULL,
    "status" "RectificationStatus" NOT NULL DEFAULT 'OPEN',
    "report" TEXT,
    "reportedAt" TIMESTAMP(3),
    "reportedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,

    CONSTRAINT "Rectification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationPlan" (
    "id" TEXT NOT NULL,
    "districtCode" CHAR(6) NOT NULL,
    "estateId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "method" "AllocationMethod" NOT NULL,
    "status" "AllocationPlanStatus" NOT NULL DEFAULT 'DRAFT',
    "applicationPeriodStart" DATE,
    "applicationPeriodEnd" DATE,
    "description" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,

    CONSTRAINT "AllocationPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationPlanUnit" (
    "planId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,

    CONSTRAINT "AllocationPlanUnit_pkey" PRIMARY KEY ("planId","unitId")
);

-- CreateTable
CREATE TABLE "LotteryDraw" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "unitType" "UnitType" NOT NULL,
    "unitsCount" INTEGER NOT NULL,
    "priorityShareBp" INTEGER NOT NULL DEFAULT 0,
    "seedCommitment" CHAR(64) NOT NULL,
    "committedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seed" TEXT,
    "status" "LotteryDrawStatus" NOT NULL DEFAULT 'COMMITTED',
    "drawnAt" TIMESTAMP(3),
    "drawnById" TEXT,
    "witnesses" TEXT,

    CONSTRAINT "LotteryDraw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotteryEntrant" (
    "id" TEXT NOT NULL,
    "drawId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "applicationNo" TEXT NOT NULL,
    "isPriority" BOOLEAN NOT NULL DEFAULT false,
    "ticket" CHAR(64),
    "outcome" "LotteryOutcome",
    "round" "LotteryRound",
    "rank" INTEGER,

    CONSTRAINT "LotteryEntrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitingListEntry" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "estateId" TEXT NOT NULL,
    "unitType" "UnitType" NOT NULL,
    "purpose" "WaitingListPurpose" NOT NULL DEFAULT 'ALLOCATION',
    "acceptedAt" TIMESTAMP(3) NOT NULL,
    "isPriority" BOOLEAN NOT NULL DEFAULT false,
    "legacyLotteryRank" INTEGER,
    "status" "WaitingListStatus" NOT NULL DEFAULT 'WAITING',
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "removedReason" TEXT,

    CONSTRAINT "WaitingListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "planId" TEXT,
    "lotteryEntrantId" TEXT,
    "waitingListEntryId" TEXT,
    "status" "OfferStatus" NOT NULL DEFAULT 'PENDING',
    "offeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "offeredById" TEXT,
    "responseDueDate" DATE NOT NULL,
    "respondedAt" TIMESTAMP(3),
    "declineReason" TEXT,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lease" (
    "id" TEXT NOT NULL,
    "leaseNo" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "offerId" TEXT,
    "tenantUserId" TEXT,
    "origin" "LeaseOrigin" NOT NULL DEFAULT 'ALLOCATION',
    "previousLeaseId" TEXT,
    "termMonths" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "monthlyRentFen" INTEGER NOT NULL,
    "rentBasis" "RentBasis" NOT NULL DEFAULT 'STANDARD',
    "rentTierId" TEXT,
    "status" "LeaseStatus" NOT NULL DEFAULT 'PENDING_SIGNATURE',
    "signedAt" TIMESTAMP(3),
    "terminatedAt" TIMESTAMP(3),
    "terminationReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RentStandard" (
    "id" TEXT NOT NULL,
    "estateId" TEXT NOT NULL,
    "unitType" "UnitType",
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "marketRentFenPerM2" INTEGER NOT NULL,
    "standardRentFenPerM2" INTEGER NOT NULL,
    "nextReviewDate" DATE NOT NULL,
    "documentNo" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RentStandard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RentTier" (
    "id" TEXT NOT NULL,
    "rentStandardId" TEXT NOT NULL,
    "tierNo" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "isLowRent" BOOLEAN NOT NULL DEFAULT false,
    "maxPerCapitaIncomeFen" INTEGER,
    "rentFenPerM2" INTEGER NOT NULL,

    CONSTRAINT "RentTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceIncome" (
    "year" INTEGER NOT NULL,
    "perCapitaDisposableIncomeFen" INTEGER NOT NULL,
    "publishedOn" DATE,
    "source" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceIncome_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Bill" (
    "id" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "kind" "BillKind" NOT NULL DEFAULT 'RENT',
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "rentMultiplierPercent" INTEGER NOT NULL DEFAULT 100,
    "dueDate" DATE NOT NULL,
    "paidFen" INTEGER NOT NULL DEFAULT 0,
    "status" "BillStatus" NOT NULL DEFAULT 'UNPAID',
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" TIMESTAMP(3),

    CONSTRAINT "Bill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "billId" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "reference" TEXT,
    "paidAt" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LateFee" (
    "id" TEXT NOT NULL,
    "billId" TEXT NOT NULL,
    "baseFen" INTEGER NOT NULL,
    "fromDate" DATE NOT NULL,
    "throughDate" DATE NOT NULL,
    "daysLate" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "status" "LateFeeStatus" NOT NULL DEFAULT 'ASSESSED',
    "assessedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paymentId" TEXT,

    CONSTRAINT "LateFee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RenewalRequest" (
    "id" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "latestOnTimeDate" DATE NOT NULL,
    "isOnTime" BOOLEAN NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,

    CONSTRAINT "RenewalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExchangeRequest" (
    "id" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "reason" "ExchangeReason" NOT NULL,
    "isMandatory" BOOLEAN NOT NULL DEFAULT false,
    "requestedUnitType" "UnitType" NOT NULL,
    "description" TEXT,
    "status" "RequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "waitingListEntryId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,

    CONSTRAINT "ExchangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeReport" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "leaseId" TEXT,
    "kind" "ChangeKind" NOT NULL,
    "description" TEXT NOT NULL,
    "details" JSONB,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reportedById" TEXT,
    "status" "ChangeReportStatus" NOT NULL DEFAULT 'SUBMITTED',
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "ChangeReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairRequest" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "leaseId" TEXT,
    "inspectionId" TEXT,
    "reportedById" TEXT,
    "category" "RepairCategory" NOT NULL,
    "responsibility" "RepairResponsibility" NOT NULL DEFAULT 'OPERATOR',
    "description" TEXT NOT NULL,
    "status" "RepairStatus" NOT NULL DEFAULT 'OPEN',
    "assignee" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueDate" DATE,
    "completedAt" TIMESTAMP(3),
    "resolution" TEXT,

    CONSTRAINT "RepairRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "estateId" TEXT NOT NULL,
    "unitId" TEXT,
    "kind" "InspectionKind" NOT NULL,
    "method" "InspectionMethod" NOT NULL,
    "inspectorId" TEXT NOT NULL,
    "inspectedOn" DATE NOT NULL,
    "findings" TEXT NOT NULL,
    "hasIssues" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Violation" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "leaseId" TEXT,
    "inspectionId" TEXT,
    "kind" "ViolationKind" NOT NULL,
    "description" TEXT NOT NULL,
    "detectedOn" DATE NOT NULL,
    "status" "ViolationStatus" NOT NULL DEFAULT 'REPORTED',
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "Violation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ban" (
    "id" TEXT NOT NULL,
    "residentId" CHAR(18) NOT NULL,
    "violationId" TEXT,
    "bannedFrom" DATE NOT NULL,
    "bannedUntil" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMP(3),

    CONSTRAINT "Ban_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VacateOrder" (
    "id" TEXT NOT NULL,
    "leaseId" TEXT NOT NULL,
    "violationId" TEXT,
    "ground" "VacateGround" NOT NULL,
    "obligationDate" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "transitionGranted" BOOLEAN NOT NULL DEFAULT false,
    "transitionEndDate" DATE,
    "transitionRentMultiplierPercent" INTEGER,
    "status" "VacateOrderStatus" NOT NULL DEFAULT 'ISSUED',
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" TEXT NOT NULL,
    "vacatedOn" DATE,
    "courtReferredAt" TIMESTAMP(3),
    "courtCaseNo" TEXT,
    "courtNote" TEXT,

    CONSTRAINT "VacateOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "recipientUserId" TEXT,
    "recipientPhone" TEXT,
    "recipientEmail" TEXT,
    "templateKey" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "applicationId" TEXT,
    "leaseId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_phone_key" ON "User"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_role_districtCode_idx" ON "User"("role", "districtCode");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_districtCode_at_idx" ON "AuditLog"("districtCode", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Estate_code_key" ON "Estate"("code");

-- CreateIndex
CREATE INDEX "Estate_districtCode_level_idx" ON "Estate"("districtCode", "level");

-- CreateIndex
CREATE INDEX "Estate_level_isActive_idx" ON "Estate"("level", "isActive");

-- CreateIndex
CREATE UNIQUE INDEX "Building_estateId_name_key" ON "Building"("estateId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Building_id_estateId_key" ON "Building"("id", "estateId");

-- CreateIndex
CREATE INDEX "Unit_estateId_unitType_status_idx" ON "Unit"("estateId", "unitType", "status");

-- CreateIndex
CREATE INDEX "Unit_status_idx" ON "Unit"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_buildingId_unitNo_key" ON "Unit"("buildingId", "unitNo");

-- CreateIndex
CREATE UNIQUE INDEX "Application_applicationNo_key" ON "Application"("applicationNo");

-- CreateIndex
CREATE UNIQUE INDEX "Application_externalId_key" ON "Application"("externalId");

-- CreateIndex
CREATE INDEX "Application_districtCode_status_dueDate_idx" ON "Application"("districtCode", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Application_applicantUserId_idx" ON "Application"("applicantUserId");

-- CreateIndex
CREATE INDEX "Application_status_estateLevel_idx" ON "Application"("status", "estateLevel");

-- CreateIndex
CREATE INDEX "HouseholdMember_residentId_idx" ON "HouseholdMember"("residentId");

-- CreateIndex
CREATE UNIQUE INDEX "HouseholdMember_applicationId_residentId_key" ON "HouseholdMember"("applicationId", "residentId");

-- CreateIndex
CREATE INDEX "ApplicationEstatePreference_estateId_idx" ON "ApplicationEstatePreference"("estateId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationEstatePreference_applicationId_rank_key" ON "ApplicationEstatePreference"("applicationId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_applicationId_kind_idx" ON "Document"("applicationId", "kind");

-- CreateIndex
CREATE INDEX "Document_leaseId_idx" ON "Document"("leaseId");

-- CreateIndex
CREATE INDEX "Document_appealId_idx" ON "Document"("appealId");

-- CreateIndex
CREATE INDEX "Document_rectificationId_idx" ON "Document"("rectificationId");

-- CreateIndex
CREATE INDEX "Document_repairRequestId_idx" ON "Document"("repairRequestId");

-- CreateIndex
CREATE INDEX "ApplicationStatusEvent_applicationId_at_idx" ON "ApplicationStatusEvent"("applicationId", "at");

-- CreateIndex
CREATE INDEX "ReviewDecision_applicationId_level_idx" ON "ReviewDecision"("applicationId", "level");

-- CreateIndex
CREATE INDEX "ReviewDecision_officerId_decidedAt_idx" ON "ReviewDecision"("officerId", "decidedAt");

-- CreateIndex
CREATE INDEX "ReviewDecision_decidedAt_idx" ON "ReviewDecision"("decidedAt");

-- CreateIndex
CREATE INDEX "SharedDataImportBatch_source_importedAt_idx" ON "SharedDataImportBatch"("source", "importedAt");

-- CreateIndex
CREATE INDEX "SharedDataRecord_residentId_source_idx" ON "SharedDataRecord"("residentId", "source");

-- CreateIndex
CREATE UNIQUE INDEX "SharedDataRecord_batchId_rowNo_key" ON "SharedDataRecord"("batchId", "rowNo");

-- CreateIndex
CREATE INDEX "PublicityBatch_districtCode_status_endDate_idx" ON "PublicityBatch"("districtCode", "status", "endDate");

-- CreateIndex
CREATE INDEX "PublicityBatch_status_startDate_idx" ON "PublicityBatch"("status", "startDate");

-- CreateIndex
CREATE INDEX "PublicityEntry_applicationId_idx" ON "PublicityEntry"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "PublicityEntry_batchId_applicationId_key" ON "PublicityEntry"("batchId", "applicationId");

-- CreateIndex
CREATE INDEX "Objection_entryId_idx" ON "Objection"("entryId");

-- CreateIndex
CREATE INDEX "Objection_status_receivedAt_idx" ON "Objection"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "Appeal_applicationId_idx" ON "Appeal"("applicationId");

-- CreateIndex
CREATE INDEX "Appeal_status_lodgedAt_idx" ON "Appeal"("status", "lodgedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Qualification_applicationId_key" ON "Qualification"("applicationId");

-- CreateIndex
CREATE INDEX "Qualification_status_idx" ON "Qualification"("status");

-- CreateIndex
CREATE INDEX "AnnualRecheck_districtCode_year_status_idx" ON "AnnualRecheck"("districtCode", "year", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualRecheck_qualificationId_year_key" ON "AnnualRecheck"("qualificationId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualRecheck_leaseId_year_key" ON "AnnualRecheck"("leaseId", "year");

-- CreateIndex
CREATE INDEX "ReviewAudit_districtCode_startedAt_idx" ON "ReviewAudit"("districtCode", "startedAt");

-- CreateIndex
CREATE INDEX "ReviewAuditItem_reviewDecisionId_idx" ON "ReviewAuditItem"("reviewDecisionId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewAuditItem_auditId_reviewDecisionId_key" ON "ReviewAuditItem"("auditId", "reviewDecisionId");

-- CreateIndex
CREATE INDEX "Rectification_districtCode_status_dueDate_idx" ON "Rectification"("districtCode", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Rectification_auditId_idx" ON "Rectification"("auditId");

-- CreateIndex
CREATE INDEX "AllocationPlan_status_publishedAt_idx" ON "AllocationPlan"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "AllocationPlan_districtCode_status_idx" ON "AllocationPlan"("districtCode", "status");

-- CreateIndex
CREATE INDEX "AllocationPlan_estateId_idx" ON "AllocationPlan"("estateId");

-- CreateIndex
CREATE INDEX "AllocationPlanUnit_unitId_idx" ON "AllocationPlanUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "LotteryDraw_planId_unitType_key" ON "LotteryDraw"("planId", "unitType");

-- CreateIndex
CREATE INDEX "LotteryEntrant_drawId_rank_idx" ON "LotteryEntrant"("drawId", "rank");

-- CreateIndex
CREATE INDEX "LotteryEntrant_applicationId_idx" ON "LotteryEntrant"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "LotteryEntrant_drawId_applicationId_key" ON "LotteryEntrant"("drawId", "applicationId");

-- CreateIndex
CREATE INDEX "WaitingListEntry_estateId_unitType_status_idx" ON "WaitingListEntry"("estateId", "unitType", "status");

-- CreateIndex
CREATE INDEX "WaitingListEntry_applicationId_idx" ON "WaitingListEntry"("applicationId");

-- CreateIndex
CREATE INDEX "Offer_unitId_status_idx" ON "Offer"("unitId", "status");

-- CreateIndex
CREATE INDEX "Offer_applicationId_status_idx" ON "Offer"("applicationId", "status");

-- CreateIndex
CREATE INDEX "Offer_status_responseDueDate_idx" ON "Offer"("status", "responseDueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Lease_leaseNo_key" ON "Lease"("leaseNo");

-- CreateIndex
CREATE UNIQUE INDEX "Lease_offerId_key" ON "Lease"("offerId");

-- CreateIndex
CREATE UNIQUE INDEX "Lease_previousLeaseId_key" ON "Lease"("previousLeaseId");

-- CreateIndex
CREATE INDEX "Lease_unitId_status_idx" ON "Lease"("unitId", "status");

-- CreateIndex
CREATE INDEX "Lease_applicationId_idx" ON "Lease"("applicationId");

-- CreateIndex
CREATE INDEX "Lease_status_endDate_idx" ON "Lease"("status", "endDate");

-- CreateIndex
CREATE INDEX "Lease_tenantUserId_idx" ON "Lease"("tenantUserId");

-- CreateIndex
CREATE INDEX "RentStandard_estateId_unitType_effectiveFrom_idx" ON "RentStandard"("estateId", "unitType", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "RentTier_rentStandardId_tierNo_key" ON "RentTier"("rentStandardId", "tierNo");

-- CreateIndex
CREATE INDEX "Bill_status_dueDate_idx" ON "Bill"("status", "dueDate");

-- CreateIndex
CREATE INDEX "Bill_leaseId_dueDate_idx" ON "Bill"("leaseId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Bill_leaseId_kind_periodStart_key" ON "Bill"("leaseId", "kind", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_reference_key" ON "Payment"("reference");

-- CreateIndex
CREATE INDEX "Payment_billId_idx" ON "Payment"("billId");

-- CreateIndex
CREATE INDEX "LateFee_billId_idx" ON "LateFee"("billId");

-- CreateIndex
CREATE INDEX "RenewalRequest_leaseId_idx" ON "RenewalRequest"("leaseId");

-- CreateIndex
CREATE INDEX "RenewalRequest_status_requestedAt_idx" ON "RenewalRequest"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "ExchangeRequest_leaseId_idx" ON "ExchangeRequest"("leaseId");

-- CreateIndex
CREATE INDEX "ExchangeRequest_status_submittedAt_idx" ON "ExchangeRequest"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "ChangeReport_applicationId_idx" ON "ChangeReport"("applicationId");

-- CreateIndex
CREATE INDEX "ChangeReport_status_reportedAt_idx" ON "ChangeReport"("status", "reportedAt");

-- CreateIndex
CREATE INDEX "RepairRequest_unitId_status_idx" ON "RepairRequest"("unitId", "status");

-- CreateIndex
CREATE INDEX "RepairRequest_status_reportedAt_idx" ON "RepairRequest"("status", "reportedAt");

-- CreateIndex
CREATE INDEX "Inspection_estateId_inspectedOn_idx" ON "Inspection"("estateId", "inspectedOn");

-- CreateIndex
CREATE INDEX "Inspection_unitId_idx" ON "Inspection"("unitId");

-- CreateIndex
CREATE INDEX "Violation_applicationId_idx" ON "Violation"("applicationId");

-- CreateIndex
CREATE INDEX "Violation_leaseId_idx" ON "Violation"("leaseId");

-- CreateIndex
CREATE INDEX "Violation_status_idx" ON "Violation"("status");

-- CreateIndex
CREATE INDEX "Ban_residentId_bannedUntil_idx" ON "Ban"("residentId", "bannedUntil");

-- CreateIndex
CREATE INDEX "VacateOrder_leaseId_idx" ON "VacateOrder"("leaseId");

-- CreateIndex
CREATE INDEX "VacateOrder_status_deadline_idx" ON "VacateOrder"("status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_recipientUserId_channel_readAt_idx" ON "Notification"("recipientUserId", "channel", "readAt");

-- CreateIndex
CREATE INDEX "Notification_applicationId_idx" ON "Notification"("applicationId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Estate" ADD CONSTRAINT "Estate_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Building" ADD CONSTRAINT "Building_estateId_fkey" FOREIGN KEY ("estateId") REFERENCES "Estate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_estateId_fkey" FOREIGN KEY ("estateId") REFERENCES "Estate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_buildingId_estateId_fkey" FOREIGN KEY ("buildingId", "estateId") REFERENCES "Building"("id", "estateId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_applicantUserId_fkey" FOREIGN KEY ("applicantUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationDeclaration" ADD CONSTRAINT "ApplicationDeclaration_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationDeclaration" ADD CONSTRAINT "ApplicationDeclaration_workDistrictCode_fkey" FOREIGN KEY ("workDistrictCode") REFERENCES "District"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEstatePreference" ADD CONSTRAINT "ApplicationEstatePreference_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEstatePreference" ADD CONSTRAINT "ApplicationEstatePreference_estateId_fkey" FOREIGN KEY ("estateId") REFERENCES "Estate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_appealId_fkey" FOREIGN KEY ("appealId") REFERENCES "Appeal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "Rectification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_repairRequestId_fkey" FOREIGN KEY ("repairRequestId") REFERENCES "RepairRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationStatusEvent" ADD CONSTRAINT "ApplicationStatusEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationStatusEvent" ADD CONSTRAINT "ApplicationStatusEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedDataImportBatch" ADD CONSTRAINT "SharedDataImportBatch_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedDataRecord" ADD CONSTRAINT "SharedDataRecord_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "SharedDataImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicityBatch" ADD CONSTRAINT "PublicityBatch_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicityBatch" ADD CONSTRAINT "PublicityBatch_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicityEntry" ADD CONSTRAINT "PublicityEntry_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "PublicityBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicityEntry" ADD CONSTRAINT "PublicityEntry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "PublicityEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_investigatorId_fkey" FOREIGN KEY ("investigatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Qualification" ADD CONSTRAINT "Qualification_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Qualification" ADD CONSTRAINT "Qualification_cancelledById_fkey" FOREIGN KEY ("cancelledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualRecheck" ADD CONSTRAINT "AnnualRecheck_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualRecheck" ADD CONSTRAINT "AnnualRecheck_qualificationId_fkey" FOREIGN KEY ("qualificationId") REFERENCES "Qualification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualRecheck" ADD CONSTRAINT "AnnualRecheck_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualRecheck" ADD CONSTRAINT "AnnualRecheck_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAudit" ADD CONSTRAINT "ReviewAudit_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAudit" ADD CONSTRAINT "ReviewAudit_auditorId_fkey" FOREIGN KEY ("auditorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAuditItem" ADD CONSTRAINT "ReviewAuditItem_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "ReviewAudit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAuditItem" ADD CONSTRAINT "ReviewAuditItem_reviewDecisionId_fkey" FOREIGN KEY ("reviewDecisionId") REFERENCES "ReviewDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "ReviewAudit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPlan" ADD CONSTRAINT "AllocationPlan_districtCode_fkey" FOREIGN KEY ("districtCode") REFERENCES "District"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPlan" ADD CONSTRAINT "AllocationPlan_estateId_fkey" FOREIGN KEY ("estateId") REFERENCES "Estate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPlan" ADD CONSTRAINT "AllocationPlan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPlan" ADD CONSTRAINT "AllocationPlan_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPlanUnit" ADD CONSTRAINT "AllocationPlanUnit_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AllocationPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationPlanUnit" ADD CONSTRAINT "AllocationPlanUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryDraw" ADD CONSTRAINT "LotteryDraw_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AllocationPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryDraw" ADD CONSTRAINT "LotteryDraw_drawnById_fkey" FOREIGN KEY ("drawnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryEntrant" ADD CONSTRAINT "LotteryEntrant_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "LotteryDraw"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotteryEntrant" ADD CONSTRAINT "LotteryEntrant_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitingListEntry" ADD CONSTRAINT "WaitingListEntry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitingListEntry" ADD CONSTRAINT "WaitingListEntry_estateId_fkey" FOREIGN KEY ("estateId") REFERENCES "Estate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AllocationPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_lotteryEntrantId_fkey" FOREIGN KEY ("lotteryEntrantId") REFERENCES "LotteryEntrant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_waitingListEntryId_fkey" FOREIGN KEY ("waitingListEntryId") REFERENCES "WaitingListEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_offeredById_fkey" FOREIGN KEY ("offeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_tenantUserId_fkey" FOREIGN KEY ("tenantUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_previousLeaseId_fkey" FOREIGN KEY ("previousLeaseId") REFERENCES "Lease"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_rentTierId_fkey" FOREIGN KEY ("rentTierId") REFERENCES "RentTier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RentStandard" ADD CONSTRAINT "RentStandard_estateId_fkey" FOREIGN KEY ("estateId") REFERENCES "Estate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RentStandard" ADD CONSTRAINT "RentStandard_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RentTier" ADD CONSTRAINT "RentTier_rentStandardId_fkey" FOREIGN KEY ("rentStandardId") REFERENCES "RentStandard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bill" ADD CONSTRAINT "Bill_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_billId_fkey" FOREIGN KEY ("billId") REFERENCES "Bill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LateFee" ADD CONSTRAINT "LateFee_billId_fkey" FOREIGN KEY ("billId") REFERENCES "Bill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LateFee" ADD CONSTRAINT "LateFee_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalRequest" ADD CONSTRAINT "RenewalRequest_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalRequest" ADD CONSTRAINT "RenewalRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExchangeRequest" ADD CONSTRAINT "ExchangeRequest_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExchangeRequest" ADD CONSTRAINT "ExchangeRequest_waitingListEntryId_fkey" FOREIGN KEY ("waitingListEntryId") REFERENCES "WaitingListEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExchangeRequest" ADD CONSTRAINT "ExchangeRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeReport" ADD CONSTRAINT "ChangeReport_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeReport" ADD CONSTRAINT "ChangeReport_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeReport" ADD CONSTRAINT "ChangeReport_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeReport" ADD CONSTRAINT "ChangeReport_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairRequest" ADD CONSTRAINT "RepairRequest_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairRequest" ADD CONSTRAINT "RepairRequest_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairRequest" ADD CONSTRAINT "RepairRequest_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairRequest" ADD CONSTRAINT "RepairRequest_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_estateId_fkey" FOREIGN KEY ("estateId") REFERENCES "Estate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Violation" ADD CONSTRAINT "Violation_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Violation" ADD CONSTRAINT "Violation_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Violation" ADD CONSTRAINT "Violation_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Violation" ADD CONSTRAINT "Violation_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ban" ADD CONSTRAINT "Ban_violationId_fkey" FOREIGN KEY ("violationId") REFERENCES "Violation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ban" ADD CONSTRAINT "Ban_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacateOrder" ADD CONSTRAINT "VacateOrder_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacateOrder" ADD CONSTRAINT "VacateOrder_violationId_fkey" FOREIGN KEY ("violationId") REFERENCES "Violation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacateOrder" ADD CONSTRAINT "VacateOrder_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientUserId_fkey" FOREIGN KEY ("recipientUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE SET NULL ON UPDATE CASCADE;
