import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

/**
 * How far a role's permission reaches:
 * - own: only the actor's own household records (resource.ownerId === user.id);
 * - district: only records of the officer's district (resource.districtCode === user.districtCode);
 * - city: every district (municipal agency, Art. 19-20);
 * - all: system-wide administration (not casework).
 */
export type Scope = "own" | "district" | "city" | "all";

type Grants = Partial<Record<Role, Scope>>;

/**
 * THE permission table. Every page, action and route handler asks `can()`; nothing else decides
 * who may do what. Names are `entity:action`. Administrators run the system (accounts, audit); they
 * do not decide casework, so that no single account can both create officers and approve
 * applications.
 */
export const permissionTable = {
  // Applying (Art. 12, 15-16). Counter intake: an officer enters a paper application for an
  // applicant. The 渝快办 platform API authenticates by HMAC, not by this table.
  "application:create": { APPLICANT: "own" },
  "application:read": { APPLICANT: "own", DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city" },
  "application:update": { APPLICANT: "own" },
  "application:withdraw": { APPLICANT: "own" },
  "intake:submit": { DISTRICT_OFFICER: "district" },
  // Acceptance, first and second review, annual re-check (Art. 19-20).
  "application:accept": { DISTRICT_OFFICER: "district" },
  "application:review": { DISTRICT_OFFICER: "district" },
  "recheck:manage": { DISTRICT_OFFICER: "district" },
  // Sample audits of district reviews (Art. 20).
  "review:sample": { MUNICIPAL_OFFICER: "city" },
  // Rectifications after a sample audit: the district reports back within 15 working days, the
  // municipal agency closes (accepts) or reopens them (Art. 20).
  "rectification:read": { DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city" },
  "rectification:report": { DISTRICT_OFFICER: "district" },
  "rectification:close": { MUNICIPAL_OFFICER: "city" },
  // Shared data from partner agencies (Art. 17-18): records are keyed by resident ID and used
  // city-wide; a district officer sees the batches its district imported (docs/decisions/007).
  "sharedData:import": { DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city" },
  // Publicity and objections (Art. 19, 23).
  "publicity:manage": { DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city" },
  "objection:decide": { DISTRICT_OFFICER: "district" },
  // Appeals go to the municipal agency within 10 working days (Art. 19).
  "appeal:submit": { APPLICANT: "own" },
  "appeal:decide": { MUNICIPAL_OFFICER: "city" },
  // Stock and allocation (Art. 7, 10, 15, 23-24).
  "estate:manage": { DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city" },
  "allocation:manage": { DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city" },
  // Leases, rent, repairs (Art. 25-35).
  "lease:read": { APPLICANT: "own", DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city" },
  "lease:manage": { DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city" },
  "payment:read": { APPLICANT: "own", DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city" },
  "rentStandard:manage": { MUNICIPAL_OFFICER: "city" },
  // The city's reference figures: R of Art. 13.4, the urban per-capita disposable income by year.
  "referenceIncome:manage": { MUNICIPAL_OFFICER: "city" },
  "repair:request": { APPLICANT: "own" },
  "repair:manage": { DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city" },
  // Oversight and administration.
  "district:read": { DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city", ADMIN: "all" },
  "report:read": { DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city" },
  "audit:read": { DISTRICT_OFFICER: "district", MUNICIPAL_OFFICER: "city", ADMIN: "all" },
  "user:manage": { ADMIN: "all" },
  // Notices that could not be delivered: administrators see them and send them again.
  "notification:manage": { ADMIN: "all" },
  // Run the scheduled jobs now (publicity closing, final refusals, notices) instead of waiting
  // for the scheduler's next minute.
  "jobs:run": { MUNICIPAL_OFFICER: "city", ADMIN: "all" },
} as const satisfies Record<string, Grants>;

export type Permission = keyof typeof permissionTable;

export const allPermissions = Object.keys(permissionTable) as Permission[];

/** The part of a user that authorization looks at. */
export interface Actor {
  id: string;
  role: Role;
  districtCode: string | null;
}

/** What a checked record says about itself: its district and the user who owns it. */
export interface ResourceScope {
  districtCode?: string | null;
  ownerId?: string | null;
}

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(permissionTable, value);
}

/** The scope a user holds for a permission, or null when the role lacks it. */
export function scopeOf(user: Actor | null | undefined, permission: Permission): Scope | null {
  if (!user) return null;
  const grants: Grants = permissionTable[permission];
  const scope = grants[user.role] ?? null;
  // A district officer without a district (a misconfigured account) can do nothing district-wide.
  if (scope === "district" && !user.districtCode) return null;
  return scope;
}

/**
 * May `user` do `permission`, on `resource` if given?
 *
 * Without a resource this answers "does the role hold the permission at all" (to show a link or
 * open a list page); the caller must then scope its query with `accessFilter`. With a resource it
 * enforces the scope: officers only in their district, applicants only on their own records.
 * A resource that does not say its district or owner is denied to scoped roles.
 */
export function can(user: Actor | null | undefined, permission: Permission, resource?: ResourceScope): boolean {
  const scope = scopeOf(user, permission);
  if (!user || !scope) return false;
  if (resource === undefined) return true;
  switch (scope) {
    case "own":
      return typeof resource.ownerId === "string" && resource.ownerId === user.id;
    case "district":
      return typeof resource.districtCode === "string" && resource.districtCode === user.districtCode;
    case "city":
    case "all":
      return true;
  }
}

/**
 * How to narrow a list query for this user and permission:
 * `{ kind: "owner", ownerId }`, `{ kind: "district", districtCode }`, `{ kind: "any" }`,
 * or `{ kind: "none" }` (return nothing).
 */
export type AccessFilter =
  | { kind: "none" }
  | { kind: "owner"; ownerId: string }
  | { kind: "district"; districtCode: string }
  | { kind: "any" };

export function accessFilter(user: Actor | null | undefined, permission: Permission): AccessFilter {
  const scope = scopeOf(user, permission);
  if (!user || !scope) return { kind: "none" };
  if (scope === "own") return { kind: "owner", ownerId: user.id };
  if (scope === "district") return { kind: "district", districtCode: user.districtCode as string };
  return { kind: "any" };
}

/** For actions and services: throws UNAUTHENTICATED / FORBIDDEN unless `can(...)`. */
export function assertCan(user: Actor | null | undefined, permission: Permission, resource?: ResourceScope): void {
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!can(user, permission, resource)) throw new AppError("FORBIDDEN");
}
