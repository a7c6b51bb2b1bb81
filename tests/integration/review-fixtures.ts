// Fixtures for the review, publicity and appeals integration tests: staff and applicants, and
// applications in the exact state a test starts from.
import type { ApplicationStatus, Prisma, Role } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { residentIdCheckChar } from "@/lib/rules/identity";
import { prisma } from "./db";

export const YUZHONG = "500103";
export const SHAPINGBA = "500106";

let serial = 0;

/** A valid resident ID number (ISO 7064 MOD 11-2 check character), unique within the run. */
export function residentId(birth = "19900101", sex: "M" | "F" = "M"): string {
  serial++;
  // Area code and sequence vary with the serial; the 17th character's parity gives the sex.
  const area = `5001${String(Math.floor(serial / 100) % 100).padStart(2, "0")}`;
  const first17 = `${area}${birth}${String(serial % 100).padStart(2, "0")}${sex === "M" ? "1" : "2"}`;
  return first17 + residentIdCheckChar(first17);
}

export async function createUser(role: Role, options: { districtCode?: string | null; name?: string; phone?: string } = {}): Promise<Actor & { name: string }> {
  serial++;
  const user = await prisma.user.create({
    data: {
      role,
      name: options.name ?? `${role}-${serial}`,
      username: role === "APPLICANT" ? null : `u${serial}.${role.toLowerCase()}`,
      phone: role === "APPLICANT" ? (options.phone ?? `139${String(serial).padStart(8, "0")}`) : null,
      passwordHash: "not-a-real-hash",
      districtCode: options.districtCode ?? null,
    },
    select: { id: true, role: true, districtCode: true, name: true },
  });
  return user;
}

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
  const applicantResidentId = residentId("19900101", "M");
  const members: Prisma.HouseholdMemberCreateWithoutApplicationInput[] = [
    {
      relationship: "APPLICANT",
      name: options.applicantName ?? "张三",
      residentId: applicantResidentId,
      sex: "M",
      birthDate: new Date("1990-01-01T00:00:00Z"),
      maritalStatus: options.spouse ? "MARRIED" : "UNMARRIED",
      fullCivilCapacity: true,
      annualIncomeFen: 3_000_000,
    },
  ];
  if (options.spouse) {
    members.push({
      relationship: "SPOUSE",
      name: "王芳",
      residentId: residentId("19920202", "F"),
      sex: "F",
      birthDate: new Date("1992-02-02T00:00:00Z"),
      maritalStatus: "MARRIED",
      fullCivilCapacity: true,
      annualIncomeFen: 2_000_000,
    });
  }
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
      submittedAt: new Date("2025-06-02T02:00:00Z"),
      consentedAt: new Date("2025-06-02T02:00:00Z"),
      declaredTrueAt: new Date("2025-06-02T02:00:00Z"),
      precheckEligible: true,
      precheck: { eligible: true, reasons: [], householdSize: members.length, perCapitaIncomeFen: 2_500_000, incomeLimitFen: 5_238_400 },
      ...options.data,
      members: { create: members },
    },
    select: { id: true, applicationNo: true },
  });
  return { ...app, applicantResidentId };
}

/** A moment in China Standard Time: cst("2025-06-09", "10:00"). */
export function cst(date: string, time = "10:00"): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** The date column value for an ISO date. */
export function day(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export async function statusOf(id: string): Promise<ApplicationStatus> {
  return (await prisma.application.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

/** Resolves to the AppError code (or "OK") of a call, for permission matrices. */
export async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "OK";
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string") return code;
    throw error;
  }
}

/** The message key of the AppError a call throws. */
export async function errorKey(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "OK";
  } catch (error) {
    const key = (error as { messageKey?: unknown }).messageKey;
    if (typeof key === "string") return key;
    throw error;
  }
}
