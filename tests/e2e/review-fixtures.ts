// Fixtures for the review, publicity and appeals journeys: households and applications inserted
// straight into the e2e database in the exact state a journey starts from (tests/e2e/db.ts).
import type { ApplicationStatus, Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { daysBefore } from "../support/clock";
import { YUZHONG } from "../support/districts";
import { freshResidentId, memberIdentity } from "../support/resident-id";
import { e2ePrisma } from "./db";

let counter = 0;

/** A unique mobile number outside the demo's 138000000xx range. */
export function uniquePhone(): string {
  counter++;
  return `159${String((Date.now() * 10 + counter) % 100_000_000).padStart(8, "0")}`;
}

/** An applicant account with the demo password (its hash copied from a demo account). */
export async function createApplicant(name: string, db: PrismaClient = e2ePrisma()): Promise<{ id: string; phone: string }> {
  const demo = await db.user.findUniqueOrThrow({ where: { phone: "13800000001" }, select: { passwordHash: true } });
  const phone = uniquePhone();
  const user = await db.user.create({ data: { phone, name, role: "APPLICANT", passwordHash: demo.passwordHash }, select: { id: true } });
  return { id: user.id, phone };
}

export async function staffId(username: string, db: PrismaClient = e2ePrisma()): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;
}

export interface E2EApplication {
  id: string;
  applicationNo: string;
  applicantName: string;
  residentId: string;
}

/** An application of a two-person household in `status`, with its declaration and pre-check. */
export async function createApplication(options: {
  status: ApplicationStatus;
  applicantName: string;
  applicantUserId?: string | null;
  contactPhone?: string;
  data?: Partial<Prisma.ApplicationUncheckedCreateInput>;
  db?: PrismaClient;
}): Promise<E2EApplication> {
  const db = options.db ?? e2ePrisma();
  counter++;
  const applicationNo = `GZF-500103-E2E-${Date.now().toString(36).toUpperCase()}${counter}`;
  const applicantId = freshResidentId({ birthDate: "1990-03-15", sex: "M" });
  const at = daysBefore(3);
  const app = await db.application.create({
    data: {
      applicationNo,
      source: "PORTAL",
      applicantUserId: options.applicantUserId ?? null,
      contactPhone: options.contactPhone ?? uniquePhone(),
      districtCode: YUZHONG,
      estateLevel: "MUNICIPAL",
      status: options.status,
      statusChangedAt: at,
      preferredUnitType: "ONE_BEDROOM",
      consentedAt: at,
      declaredTrueAt: at,
      submittedAt: at,
      precheckEligible: true,
      precheck: { eligible: true, reasons: [], householdSize: 2, perCapitaIncomeFen: 2_400_000, incomeLimitFen: 5_762_240 },
      precheckAt: at,
      referenceIncomeYear: 2025,
      ...options.data,
      members: {
        create: [
          {
            relationship: "APPLICANT",
            name: options.applicantName,
            ...memberIdentity(applicantId),
            maritalStatus: "MARRIED",
            fullCivilCapacity: true,
            annualIncomeFen: 3_000_000,
          },
          {
            relationship: "SPOUSE",
            name: "配偶甲",
            ...memberIdentity(freshResidentId({ birthDate: "1990-03-01", sex: "F" })),
            maritalStatus: "MARRIED",
            fullCivilCapacity: true,
            annualIncomeFen: 1_800_000,
          },
        ],
      },
      declaration: {
        create: { employment: "LABOR_CONTRACT", employerName: "测试单位", workDistrictCode: YUZHONG, ownsUrbanHousingInCity: false, familyCanSupportHousing: false },
      },
    },
    select: { id: true, applicationNo: true },
  });
  return { ...app, applicantName: options.applicantName, residentId: applicantId };
}

export async function statusOf(id: string, db: PrismaClient = e2ePrisma()): Promise<ApplicationStatus> {
  return (await db.application.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}
