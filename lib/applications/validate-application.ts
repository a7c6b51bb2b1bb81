import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ISODate } from "@/lib/rules";
import type { FieldIssue } from "./errors";
import { V } from "./schemas";

type Db = Prisma.TransactionClient;

/** The parts of an application that are checked against the database. */
export interface PlacementInput {
  districtCode: string;
  estateLevel: "MUNICIPAL" | "DISTRICT";
  workDistrictCode: string | null;
  estateCodes: readonly string[];
  unitType: string | null;
}

/** Paths of those parts, in the application's shape (the portal's step 4 uses its own). */
export interface PlacementPaths {
  districtCode: string;
  estateLevel: string;
  workDistrictCode: string;
  estateCodes: string;
}

export const APPLICATION_PATHS: PlacementPaths = {
  districtCode: "districtCode",
  estateLevel: "estateLevel",
  workDistrictCode: "applicant.workDistrictCode",
  estateCodes: "preferences.estateCodes",
};

/**
 * Checks the receiving office, the estate level (Art. 15) and the preferred estates against the
 * database: the office exists; municipal estates only through a central urban office for an
 * applicant working (or drawing a pension) in a central urban district; district estates only in
 * the district where the applicant works; each estate exists, is active, has that level, lies in
 * scope (district estates: the receiving district; municipal: a central urban district) and has
 * units of the chosen type (Art. 21, 23). An applicant with no work district (employment NONE)
 * can only apply for district estates, where the pre-check then reports Art. 13.3 (or Art. 14
 * households are assessed under the low-rent rules).
 */
export async function placementIssues(db: Db, input: PlacementInput, paths: PlacementPaths = APPLICATION_PATHS): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const codes = [...new Set([input.districtCode, input.workDistrictCode].filter((c): c is string => Boolean(c)))];
  const districts = await db.district.findMany({ where: { code: { in: codes } }, select: { code: true, isCentralUrban: true } });
  const office = districts.find((d) => d.code === input.districtCode);
  const work = input.workDistrictCode ? districts.find((d) => d.code === input.workDistrictCode) : undefined;

  if (!office) issues.push({ path: paths.districtCode, message: V.districtUnknown });
  if (input.workDistrictCode && !work) issues.push({ path: paths.workDistrictCode, message: V.workDistrictUnknown });

  // Art. 15
  if (office && input.estateLevel === "MUNICIPAL") {
    if (!office.isCentralUrban) issues.push({ path: paths.estateLevel, message: V.municipalNeedsCentralOffice });
    if (!input.workDistrictCode || (work && !work.isCentralUrban)) {
      issues.push({ path: paths.workDistrictCode, message: V.municipalNeedsCentralWork });
    }
  }
  if (office && input.estateLevel === "DISTRICT" && work && work.code !== office.code) {
    issues.push({ path: paths.workDistrictCode, message: V.districtLevelWorkMismatch });
  }

  const estates = input.estateCodes.length
    ? await db.estate.findMany({
        where: { code: { in: [...input.estateCodes] } },
        select: {
          code: true,
          isActive: true,
          level: true,
          districtCode: true,
          district: { select: { isCentralUrban: true } },
          units: input.unitType
            ? { where: { unitType: input.unitType as never, status: { not: "WITHDRAWN" } }, select: { id: true }, take: 1 }
            : { select: { id: true }, take: 0 },
        },
      })
    : [];
  const seen = new Set<string>();
  input.estateCodes.forEach((code, i) => {
    const path = `${paths.estateCodes}.${i}`;
    if (seen.has(code)) return issues.push({ path, message: V.estateDuplicate });
    seen.add(code);
    const estate = estates.find((e) => e.code === code);
    if (!estate || !estate.isActive) return issues.push({ path, message: V.estateUnknown });
    if (estate.level !== input.estateLevel) return issues.push({ path, message: V.estateWrongLevel });
    const inScope = input.estateLevel === "DISTRICT" ? estate.districtCode === input.districtCode : estate.district.isCentralUrban;
    if (!inScope) return issues.push({ path, message: V.estateOutOfScope });
    if (input.unitType && estate.units.length === 0) return issues.push({ path, message: V.estateNoUnitType });
    return undefined;
  });
  return issues;
}

/** A housing transfer cannot be dated after the day of application (Art. 13.5). */
export function transferDateIssues(lastHousingTransferDate: ISODate | null, today: ISODate, path = "housing.lastHousingTransferDate"): FieldIssue[] {
  return lastHousingTransferDate && lastHousingTransferDate > today ? [{ path, message: V.transferDateFuture }] : [];
}
