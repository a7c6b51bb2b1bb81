// Fixtures for the application and intake integration tests: districts, reference incomes, estates
// with units, users and a valid application body (shared/docs/intake-api.md).
import type { Role, UnitType } from "@/lib/generated/prisma/client";
import { SHAPINGBA, WANZHOU, YUZHONG } from "../support/districts";
import { freshResidentId } from "../support/resident-id";
import { prisma, seedDistricts } from "./db";
import { createTestEstate } from "./estate-fixtures";

/** The applicant's birth date in validBody(). */
export const APPLICANT_BIRTH_DATE = "1990-05-17";

const ALL_TYPES: UnitType[] = ["STUDIO", "ONE_BEDROOM", "TWO_BEDROOM", "THREE_BEDROOM"];

async function estate(code: string, districtCode: string, level: "MUNICIPAL" | "DISTRICT", types: UnitType[], isActive = true): Promise<string> {
  const e = await createTestEstate({ code, districtCode, level, isActive });
  const b = await prisma.building.create({ data: { estateId: e.id, name: "1栋", floors: 10 } });
  let n = 1;
  for (const unitType of types) {
    await prisma.unit.create({
      data: { estateId: e.id, buildingId: b.id, unitNo: String(100 + n++), floor: 1, unitType, floorAreaDm2: 5000, marketRentFen: 200000, standardRentFen: 120000 },
    });
  }
  return e.id;
}

export interface World {
  users: Record<"applicantA" | "applicantB" | "applicantC" | "yuzhongOfficer" | "shapingbaOfficer" | "cityOfficer" | "admin", { id: string; role: Role; districtCode: string | null; phone: string | null }>;
}

/** Districts, R for 2020-2035, estates and users. Call after truncateAll(). */
export async function seedWorld(): Promise<World> {
  await seedDistricts();
  for (let year = 2020; year <= 2035; year++) {
    await prisma.referenceIncome.create({ data: { year, perCapitaDisposableIncomeFen: 5_238_400 } });
  }
  await estate("YZ-001", YUZHONG, "MUNICIPAL", ALL_TYPES);
  await estate("SPB-001", SHAPINGBA, "MUNICIPAL", ALL_TYPES);
  await estate("SPB-002", SHAPINGBA, "DISTRICT", ALL_TYPES);
  await estate("SPB-003", SHAPINGBA, "DISTRICT", ["STUDIO"]);
  await estate("WZ-001", WANZHOU, "DISTRICT", ALL_TYPES);
  await estate("YZ-OLD", YUZHONG, "MUNICIPAL", ALL_TYPES, false);
  const user = async (data: { phone?: string; username?: string; name: string; role: Role; districtCode?: string }) => {
    const u = await prisma.user.create({ data: { ...data, passwordHash: "x" } });
    return { id: u.id, role: u.role, districtCode: u.districtCode, phone: u.phone };
  };
  return {
    users: {
      applicantA: await user({ phone: "13800000101", name: "张伟", role: "APPLICANT" }),
      applicantB: await user({ phone: "13800000102", name: "王芳", role: "APPLICANT" }),
      applicantC: await user({ phone: "13800000103", name: "李娜", role: "APPLICANT" }),
      yuzhongOfficer: await user({ username: "yz.officer", name: "渝中经办", role: "DISTRICT_OFFICER", districtCode: YUZHONG }),
      shapingbaOfficer: await user({ username: "spb.officer", name: "沙坪坝经办", role: "DISTRICT_OFFICER", districtCode: SHAPINGBA }),
      cityOfficer: await user({ username: "city.officer", name: "市局", role: "MUNICIPAL_OFFICER" }),
      admin: await user({ username: "admin", name: "管理员", role: "ADMIN" }),
    },
  };
}

/** A valid application in the intake API's shape: a married couple in 渝中, municipal estates. */
export function validBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    externalId: `ykb-${Math.random().toString(36).slice(2, 12)}`,
    submittedAt: new Date().toISOString(),
    districtCode: YUZHONG,
    estateLevel: "MUNICIPAL",
    applicant: {
      name: "张三",
      residentId: freshResidentId({ birthDate: APPLICANT_BIRTH_DATE }),
      phone: "13800138000",
      maritalStatus: "MARRIED",
      fullCivilCapacity: true,
      employment: "LABOR_CONTRACT",
      employerName: "重庆某某有限公司",
      workDistrictCode: YUZHONG,
      isMigrantWorker: false,
      annualIncomeFen: 4_800_000,
    },
    members: [{ name: "李四", residentId: freshResidentId({ birthDate: APPLICANT_BIRTH_DATE, sex: "F" }), relationship: "SPOUSE", fullCivilCapacity: true, annualIncomeFen: 3_000_000 }],
    housing: { ownsUrbanHousingInCity: false, housingFloorAreaM2: 0, lastHousingTransferDate: null },
    familyCanSupportHousing: false,
    priorityCategories: [],
    preferences: { estateCodes: ["YZ-001"], unitType: "ONE_BEDROOM" },
    consentToVerification: true,
    declarationTrue: true,
    ...overrides,
  };
}

/** Deep-sets `path` ("applicant.residentId", "members.0.name") on a copy of `body`. */
export function withValue(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split(".");
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
