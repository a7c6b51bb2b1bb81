import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import { can, type Permission, type ResourceScope } from "./permissions";
import { parseSessionClaims, sessionStands } from "./session-policy";

export { assertCan } from "./permissions";

export interface CurrentUser {
  id: string;
  name: string;
  role: Role;
  districtCode: string | null;
}

interface SessionAccount extends CurrentUser {
  mustChangePassword: boolean;
}

/**
 * The account of the request's session, re-read from the database on each request (so a
 * deactivated account or a changed role takes effect at once), or null: no session, an inactive
 * account, a session made under an older session version (signed out elsewhere, password changed,
 * deactivated, reset) or past its role's lifetime (lib/auth/session-policy.ts). THE ONLY caller of
 * the auth library's session API. Cached per request.
 */
const sessionAccount = cache(async (): Promise<SessionAccount | null> => {
  const session = await auth();
  const claims = parseSessionClaims(session?.user);
  if (!claims) return null;
  const user = await prisma.user.findUnique({
    where: { id: claims.id },
    select: { id: true, name: true, role: true, districtCode: true, isActive: true, sessionVersion: true, mustChangePassword: true },
  });
  if (!user || !user.isActive) return null;
  if (!sessionStands(claims, user, Math.floor(Date.now() / 1000))) return null;
  return { id: user.id, name: user.name, role: user.role, districtCode: user.districtCode, mustChangePassword: user.mustChangePassword };
});

/**
 * The signed-in user, or null. An account whose administrator asked for a new password counts as
 * signed out everywhere but the password change page (getUserToChangePassword), so no page, action
 * or route serves it before then.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const account = await sessionAccount();
  if (!account || account.mustChangePassword) return null;
  return { id: account.id, name: account.name, role: account.role, districtCode: account.districtCode };
});

/** For the password change page and action only: the signed-in user, also when a change is due, and whether it is. */
export async function getUserToChangePassword(): Promise<(CurrentUser & { mustChangePassword: boolean }) | null> {
  return sessionAccount();
}

/** Where a signed-in user whose password change is due is sent. */
export const PASSWORD_CHANGE_PATH = "/password";

function loginPath(returnTo?: string): string {
  return returnTo ? `/login?${new URLSearchParams({ next: returnTo })}` : "/login";
}

// ── For pages and layouts: redirect to sign-in, or render the 403 page (app/forbidden.tsx). ──

export async function requireUser(options: { returnTo?: string } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    if ((await sessionAccount())?.mustChangePassword) redirect(PASSWORD_CHANGE_PATH);
    redirect(loginPath(options.returnTo));
  }
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
