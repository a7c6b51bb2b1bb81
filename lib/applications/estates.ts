import "server-only";
import { prisma } from "@/lib/db/client";
import { UNIT_TYPES, type UnitType } from "@/lib/rules";

export interface PublicEstate {
  code: string;
  name: string;
  nameEn: string | null;
  level: "MUNICIPAL" | "DISTRICT";
  districtCode: string;
  /** The unit types the estate actually has (units not withdrawn), smallest first. */
  unitTypes: UnitType[];
}

/** Active estates with the unit types they have: GET /api/v1/estates and the form's step 4. Public data. */
export async function listPublicEstates(): Promise<PublicEstate[]> {
  const [estates, types] = await Promise.all([
    prisma.estate.findMany({
      where: { isActive: true },
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, nameEn: true, level: true, districtCode: true },
    }),
    prisma.unit.groupBy({ by: ["estateId", "unitType"], where: { status: { not: "WITHDRAWN" }, estate: { isActive: true } } }),
  ]);
  return estates.map((e) => {
    const has = new Set(types.filter((t) => t.estateId === e.id).map((t) => t.unitType));
    return {
      code: e.code,
      name: e.name,
      nameEn: e.nameEn,
      level: e.level,
      districtCode: e.districtCode,
      unitTypes: UNIT_TYPES.filter((t) => has.has(t)),
    };
  });
}

export interface DistrictOptionRow {
  code: string;
  name: string;
  nameEn: string;
  isCentralUrban: boolean;
}

/** Chongqing's districts and counties, for the form's selects. */
export async function listDistrictOptions(): Promise<DistrictOptionRow[]> {
  return prisma.district.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, nameEn: true, isCentralUrban: true } });
}
