import "server-only";
import { prisma } from "@/lib/db/client";
import { accessFilter, type Actor } from "./permissions";

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
