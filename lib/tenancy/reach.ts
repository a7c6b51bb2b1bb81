import "server-only";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/**
 * An officer acting on a tenancy record of `districtCode`: outside the officer's reach the record
 * is "not found" (as everywhere); within reach without the right to manage leases, forbidden.
 */
export function assertManagesTenancyIn(actor: Actor, districtCode: string | null | undefined): asserts districtCode is string {
  if (!districtCode || !can(actor, "lease:read", { districtCode })) throw new AppError("NOT_FOUND");
  assertCan(actor, "lease:manage", { districtCode });
}
