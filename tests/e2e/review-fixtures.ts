// Fixtures for the review, publicity and appeals journeys: households and applications inserted
// straight into the e2e database in the exact state a journey starts from (tests/e2e/db.ts).
import { randomInt } from "node:crypto";
import type { ApplicationStatus, Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { e2ePrisma } from "./db";

export const YUZHONG = "500103";

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
function checkChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return "10X98765432"[sum % 11]!;
}

let counter = 0;

/** A valid resident ID, unique per call across runs (random sequence and birth day). */
export function residentId(sex: "M" | "F" = "M"): string {
  counter++;
  const day = String(1 + ((Date.now() + counter) % 28)).padStart(2, "0");
  const seq = String(randomInt(0, 100)).padStart(2, "0") + String(sex === "M" ? 2 * randomInt(0, 5) + 1 : 2 * randomInt(0, 5));
  const first17 = `500103199003${day}${seq}`;
  return first17 + checkChar(first17);
}

/** A unique mobile number outside the demo's 138000000xx range. */
export function uniquePhone(): string {
  counter++;
  return `159${String((Date.now() * 10 + counter) % 100_000_000).padStart(8, "0")}`;
}

/** A CST calendar date as a `@db.Date` value. */
export function dateColumn(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** Today's date in China Standard Time. */
export function todayCST(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
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
  const applicantId = residentId("M");
  const at = new Date(Date.now() - 3 * 24 * 3600_000);
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
            residentId: applicantId,
            sex: "M",
            birthDate: dateColumn(`1990-03-${applicantId.slice(12, 14)}`),
            maritalStatus: "MARRIED",
            fullCivilCapacity: true,
            annualIncomeFen: 3_000_000,
          },
          {
            relationship: "SPOUSE",
            name: "配偶甲",
            residentId: residentId("F"),
            sex: "F",
            birthDate: dateColumn("1990-03-01"),
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
