import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import { can, type Permission, type ResourceScope } from "./permissions";

export { assertCan } from "./permissions";

export interface CurrentUser {
  id: string;
  name: string;
  role: Role;
  districtCode: string | null;
}

/**
 * The signed-in user, re-read from the database on each request (so a deactivated account or a
 * changed role takes effect at once), or null. THE ONLY caller of the auth library's session API.
 * Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, name: true, role: true, districtCode: true, isActive: true },
  });
  if (!user || !user.isActive) return null;
  return { id: user.id, name: user.name, role: user.role, districtCode: user.districtCode };
});

function loginPath(returnTo?: string): string {
  return returnTo ? `/login?${new URLSearchParams({ next: returnTo })}` : "/login";
}

// ── For pages and layouts: redirect to sign-in, or render the 403 page (app/forbidden.tsx). ──

export async function requireUser(options: { returnTo?: string } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginPath(options.returnTo));
  return user;
}

/**
 * The signed-in user if they hold `permission` (on `resource`, when given), or, given a list, any one
 * of them; otherwise the 403 page.
 */
export async function requirePermission(
  permission: Permission | readonly Permission[],
  resource?: ResourceScope,
  options: { returnTo?: string } = {},
): Promise<CurrentUser> {
  const user = await requireUser(options);
  const permissions: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  if (!permissions.some((p) => can(user, p, resource))) forbidden();
  return user;
}

// ── For actions, route handlers and services: throw AppError instead. ──

export async function assertUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}
