import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor, Permission } from "./permissions";
import { NOTHING, scopeWhere } from "./scope-where";

/** The districts `permission` reaches for the actor, in code order: their own, or all for city-wide reaches. */
export async function listReadableDistricts(actor: Actor, permission: Permission): Promise<Array<{ code: string; name: string; nameEn: string }>> {
  const where = scopeWhere(actor, permission, "District");
  if (where === NOTHING) return [];
  return prisma.district.findMany({ where, select: { code: true, name: true, nameEn: true }, orderBy: { code: "asc" } });
}
