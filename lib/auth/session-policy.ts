import type { Role } from "@/lib/generated/prisma/enums";
import { APPLICANT_SESSION_SECONDS, STAFF_SESSION_SECONDS, type SessionClaims } from "./auth.config";

/** How long a session of this role lasts from its sign-in, in seconds (decision 031). */
export function sessionLifetimeSeconds(role: Role): number {
  return role === "APPLICANT" ? APPLICANT_SESSION_SECONDS : STAFF_SESSION_SECONDS;
}

/** The claims of a decoded session, or null when any is missing or malformed (a cookie from before session versions). */
export function parseSessionClaims(user: unknown): SessionClaims | null {
  if (!user || typeof user !== "object") return null;
  const { id, sv, signedInAt } = user as Record<string, unknown>;
  if (typeof id !== "string" || id === "") return null;
  if (typeof sv !== "number" || !Number.isInteger(sv) || sv < 0) return null;
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return null;
  return { id, sessionVersion: sv, signedInAt };
}

/**
 * Whether a session still stands for the account: it was made under the account's current session
 * version (signing out, a password change, deactivation and an administrator's reset raise it) and
 * its role's lifetime since sign-in has not run out.
 */
export function sessionStands(claims: SessionClaims, account: { role: Role; sessionVersion: number }, nowSeconds: number): boolean {
  if (claims.sessionVersion !== account.sessionVersion) return false;
  if (claims.signedInAt > nowSeconds + 60) return false;
  return nowSeconds - claims.signedInAt < sessionLifetimeSeconds(account.role);
}
