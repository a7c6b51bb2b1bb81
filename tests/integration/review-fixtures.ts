// Fixtures for the review, publicity and appeals integration tests: staff and applicants, and
// applications in the exact state a test starts from.
import type { ApplicationStatus, Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { cstInstant } from "../support/clock";
import { SHAPINGBA, YUZHONG } from "../support/districts";
import { freshResidentId, memberIdentity } from "../support/resident-id";
import { createUser } from "../support/users";
import { prisma } from "./db";

let serial = 0;

export interface Cast {
  yz1: Actor;
  yz2: Actor;
  spb: Actor;
  city: Actor;
  admin: Actor;
  applicant: Actor;
  otherApplicant: Actor;
}

export async function createCast(): Promise<Cast> {
  return {
    yz1: await createUser("DISTRICT_OFFICER", { districtCode: YUZHONG, name: "渝中初审员" }),
    yz2: await createUser("DISTRICT_OFFICER", { districtCode: YUZHONG, name: "渝中复审员" }),
    spb: await createUser("DISTRICT_OFFICER", { districtCode: SHAPINGBA, name: "沙坪坝经办员" }),
    city: await createUser("MUNICIPAL_OFFICER", { name: "市级经办员" }),
    admin: await createUser("ADMIN", { name: "管理员" }),
    applicant: await createUser("APPLICANT", { name: "张三" }),
    otherApplicant: await createUser("APPLICANT", { name: "李四" }),
  };
}

export interface AppFixture {
  id: string;
  applicationNo: string;
  applicantResidentId: string;
}

/** An application in `status`, with an applicant (and optionally a spouse), as if it had got there. */
export async function createApplication(options: {
  status: ApplicationStatus;
  districtCode?: string;
  applicantUserId?: string | null;
  applicantName?: string;
  contactPhone?: string | null;
  spouse?: boolean;
  data?: Partial<Prisma.ApplicationUncheckedCreateInput>;
}): Promise<AppFixture> {
  serial++;
  const districtCode = options.districtCode ?? YUZHONG;
  const applicationNo = `T${districtCode}${String(serial).padStart(6, "0")}`;
  const applicantResidentId = freshResidentId({ birthDate: "1990-01-01", sex: "M" });
  const members: Prisma.HouseholdMemberCreateWithoutApplicationInput[] = [
    {
      relationship: "APPLICANT",
      name: options.applicantName ?? "张三",
      ...memberIdentity(applicantResidentId),
      maritalStatus: options.spouse ? "MARRIED" : "UNMARRIED",
      fullCivilCapacity: true,
      annualIncomeFen: 3_000_000,
    },
  ];
  if (options.spouse) {
    members.push({
      relationship: "SPOUSE",
      name: "王芳",
      ...memberIdentity(freshResidentId({ birthDate: "1992-02-02", sex: "F" })),
      maritalStatus: "MARRIED",
      fullCivilCapacity: true,
      annualIncomeFen: 2_000_000,
    });
  }
  const submittedAt = cstInstant("2025-06-02");
  const app = await prisma.application.create({
    data: {
      applicationNo,
      source: "PORTAL",
      applicantUserId: options.applicantUserId ?? null,
      contactPhone: options.contactPhone === undefined ? "13912345678" : options.contactPhone,
      districtCode,
      estateLevel: "MUNICIPAL",
      status: options.status,
      preferredUnitType: options.spouse ? "ONE_BEDROOM" : "STUDIO",
      submittedAt,
      consentedAt: submittedAt,
      declaredTrueAt: submittedAt,
      precheckEligible: true,
      precheck: { eligible: true, reasons: [], householdSize: members.length, perCapitaIncomeFen: 2_500_000, incomeLimitFen: 5_238_400 },
      ...options.data,
      members: { create: members },
    },
    select: { id: true, applicationNo: true },
  });
  return { ...app, applicantResidentId };
}

export async function statusOf(id: string): Promise<ApplicationStatus> {
  return (await prisma.application.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}
