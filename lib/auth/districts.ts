import "server-only";
import { prisma } from "@/lib/db/client";
import { accessFilter, assertCan, type Actor } from "./permissions";

export interface DistrictSummary {
  code: string;
  name: string;
  nameEn: string;
  kind: "DISTRICT" | "COUNTY";
  isCentralUrban: boolean;
  activeOfficerCount: number;
}

/** A district and how many active district officers it has, if the actor may read it. */
export async function findDistrictWithOfficerCount(actor: Actor, code: string): Promise<DistrictSummary | null> {
  assertCan(actor, "district:read", { districtCode: code });
  const district = await prisma.district.findUnique({
    where: { code },
    select: { code: true, name: true, nameEn: true, kind: true, isCentralUrban: true },
  });
  if (!district) return null;
  const activeOfficerCount = await prisma.user.count({
    where: { districtCode: code, role: "DISTRICT_OFFICER", isActive: true },
  });
  return { ...district, activeOfficerCount };
}

/** The districts an actor may open, in code order: their own, or all for city-wide roles. */
export async function listReadableDistricts(actor: Actor): Promise<Array<{ code: string; name: string; nameEn: string }>> {
  const filter = accessFilter(actor, "district:read");
  if (filter.kind === "none" || filter.kind === "owner") return [];
  return prisma.district.findMany({
    where: filter.kind === "district" ? { code: filter.districtCode } : {},
    select: { code: true, name: true, nameEn: true },
    orderBy: { code: "asc" },
  });
}
