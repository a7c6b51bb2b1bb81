import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

/**
 * How far a role's permission reaches, as data (docs/decisions/011-scopes.md):
 * - own: the actor's own records (the record's owner is the actor);
 * - household: the records of the actor's household, shared by its co-tenants (tenancy);
 * - district: the records of the officer's district;
 * - estates: the records of the estates an operator (运营单位, Art. 25) runs (tenancy);
 * - city: every district (the municipal agency, Art. 19-20);
 * - all: system-wide administration (not casework).
 * A new kind is added here, in `Reach` and `reachOf` below, in `can`'s `reaches`, and in the
 * entity locators of lib/auth/scope-where.ts that can state it; the compiler lists every switch
 * that must learn it.
 */
export type Scope =
  | { readonly kind: "own" }
  | { readonly kind: "household" }
  | { readonly kind: "district" }
  | { readonly kind: "estates" }
  | { readonly kind: "city" }
  | { readonly kind: "all" };
export type ScopeKind = Scope["kind"];

const own = { kind: "own" } as const satisfies Scope;
const district = { kind: "district" } as const satisfies Scope;
const city = { kind: "city" } as const satisfies Scope;
const all = { kind: "all" } as const satisfies Scope;

type Grants = Partial<Record<Role, Scope>>;

/**
 * THE permission table. Every page, action and route handler asks `can()`, and every list query is
 * scoped by `scopeWhere()` (lib/auth/scope-where.ts), which reads the same grants; nothing else
 * decides who may do what. Names are `entity:action`. Administrators run the system (accounts,
 * audit); they do not decide casework, so that no single account can both create officers and
 * approve applications.
 */
export const permissionTable = {
  // Areas of the portal: the applicant's own pages (/me), the staff workbench (/staff), its
  // administration (/staff/admin). Where a user lands after signing in follows from these
  // (lib/auth/landing.ts).
  "applicantArea:enter": { APPLICANT: own },
  "staffArea:enter": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city, ADMIN: all },
  "adminArea:enter": { ADMIN: all },
  // Applying (Art. 12, 15-16). Counter intake: an officer enters a paper application for an
  // applicant. The 渝快办 platform API authenticates by HMAC, not by this table.
  "application:create": { APPLICANT: own },
  "application:read": { APPLICANT: own, DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  "application:update": { APPLICANT: own },
  "application:withdraw": { APPLICANT: own },
  // Taking over 渝快办 applications that carry the account's number (docs/decisions/005, 8).
  "application:link": { APPLICANT: own },
  // Lifting the lock on linking after repeated wrong resident IDs (docs/decisions/035): an officer
  // of the district where the account's 渝快办 applications wait, who can check the holder's ID.
  "applicationLink:unlock": { DISTRICT_OFFICER: district },
  "intake:submit": { DISTRICT_OFFICER: district },
  // The officers' view of applications: the review queue, the dashboards, the review page.
  // Applicants read their own applications on their own pages (application:read), never here.
  "review:read": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  // Acceptance, first and second review, annual re-check (Art. 19-20).
  "application:accept": { DISTRICT_OFFICER: district },
  "application:review": { DISTRICT_OFFICER: district },
  "recheck:manage": { DISTRICT_OFFICER: district },
  // Sample audits of district reviews (Art. 20).
  "review:sample": { MUNICIPAL_OFFICER: city },
  // Rectifications after a sample audit: the district reports back within 15 working days, the
  // municipal agency closes (accepts) or reopens them (Art. 20).
  "rectification:read": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  "rectification:report": { DISTRICT_OFFICER: district },
  "rectification:close": { MUNICIPAL_OFFICER: city },
  // Shared data from partner agencies (Art. 17-18): records are keyed by resident ID and used
  // city-wide; a district officer sees the batches its district imported (docs/decisions/007).
  "sharedData:import": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  // Publicity and objections (Art. 19, 23).
  "publicity:manage": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  "objection:decide": { DISTRICT_OFFICER: district },
  // Appeals go to the municipal agency within 10 working days (Art. 19).
  "appeal:submit": { APPLICANT: own },
  "appeal:decide": { MUNICIPAL_OFFICER: city },
  // Stock and allocation (Art. 7, 10, 15, 23-24). Officers read the stock of their district (the
  // municipal agency the city's); municipal estates are managed by the municipal agency, district
  // estates by their district (Art. 7, 10).
  "estate:read": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  "municipalEstate:manage": { MUNICIPAL_OFFICER: city },
  "districtEstate:manage": { DISTRICT_OFFICER: district },
  "allocation:manage": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  // Unit selection (选房) and the answer to an offer, by the household itself (Art. 23, 25).
  "selection:take": { APPLICANT: own },
  // Leases, rent, repairs (Art. 25-35).
  "lease:read": { APPLICANT: own, DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  "lease:manage": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  "payment:read": { APPLICANT: own, DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  // Rent standards (Art. 27): set, reviewed and approved by the municipal agency; a district's
  // officers read the standards of the estates in their district.
  "rentStandard:manage": { MUNICIPAL_OFFICER: city },
  "rentStandard:read": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  // The city's reference figures: R of Art. 13.4, the urban per-capita disposable income by year.
  "referenceIncome:manage": { MUNICIPAL_OFFICER: city },
  "repair:request": { APPLICANT: own },
  "repair:manage": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  // Patrols of the common parts (Art. 35) and checks of use: home visits, joint checks (Art. 43).
  "inspection:manage": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  // What is set aside for each estate's maintenance fund (Art. 35), recorded by the district.
  "maintenanceFund:manage": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  // Oversight and administration.
  "district:read": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city, ADMIN: all },
  "report:read": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city },
  "audit:read": { DISTRICT_OFFICER: district, MUNICIPAL_OFFICER: city, ADMIN: all },
  "user:manage": { ADMIN: all },
  // The tamper-evident audit trail for a period, as XLSX for an inspector (decision 029).
  "audit:export": { ADMIN: all },
  // Notices that could not be delivered: administrators see them and send them again.
  "notification:manage": { ADMIN: all },
  // Run the scheduled jobs now (publicity closing, final refusals, notices) instead of waiting
  // for the scheduler's next minute.
  "jobs:run": { MUNICIPAL_OFFICER: city, ADMIN: all },
} as const satisfies Record<string, Grants>;

export type Permission = keyof typeof permissionTable;

export const allPermissions = Object.keys(permissionTable) as Permission[];

/** The part of a user that authorization looks at. */
export interface Actor {
  id: string;
  role: Role;
  districtCode: string | null;
  /**
   * The estates an operator (运营单位, Art. 25) runs, read by the `estates` scope. Tenancy sets it
   * when it adds the operator role; no role holds that scope yet.
   */
  estateIds?: readonly string[];
  /**
   * The household a co-tenant belongs to, read by the `household` scope: the id of the household's
   * application (Art. 12: one household, one application; its lease names it). Set by tenancy.
   */
  householdId?: string | null;
}

/** What a checked record says about itself: where it belongs and who owns it. */
export interface ResourceScope {
  districtCode?: string | null;
  ownerId?: string | null;
  estateId?: string | null;
  householdId?: string | null;
}

/**
 * A scope resolved against one actor: the records it reaches. Null (see `reachOf`) when the role
 * lacks the permission or the actor lacks what the scope needs (a district officer without a
 * district, an operator without estates, a co-tenant without a household).
 */
export type Reach =
  | { kind: "own"; userId: string }
  | { kind: "household"; householdId: string }
  | { kind: "district"; districtCode: string }
  | { kind: "estates"; estateIds: readonly string[] }
  | { kind: "city" }
  | { kind: "all" };

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(permissionTable, value);
}

/** The scope the table grants `role` for `permission`, or null. */
export function grantOf(role: Role, permission: Permission): Scope | null {
  const grants: Grants = permissionTable[permission];
  return grants[role] ?? null;
}

/** The records `user` reaches with `permission`, or null when none. */
export function reachOf(user: Actor | null | undefined, permission: Permission): Reach | null {
  if (!user) return null;
  const scope = grantOf(user.role, permission);
  if (!scope) return null;
  switch (scope.kind) {
    case "own":
      return { kind: "own", userId: user.id };
    case "household":
      return user.householdId ? { kind: "household", householdId: user.householdId } : null;
    case "district":
      // A district officer without a district (a misconfigured account) can do nothing district-wide.
      return user.districtCode ? { kind: "district", districtCode: user.districtCode } : null;
    case "estates":
      return user.estateIds && user.estateIds.length > 0 ? { kind: "estates", estateIds: user.estateIds } : null;
    case "city":
    case "all":
      return { kind: scope.kind };
  }
}

/** Does `reach` take in a record that says this about itself? Says nothing: denied, unless city-wide. */
export function reaches(reach: Reach, resource: ResourceScope): boolean {
  switch (reach.kind) {
    case "own":
      return typeof resource.ownerId === "string" && resource.ownerId === reach.userId;
    case "household":
      return typeof resource.householdId === "string" && resource.householdId === reach.householdId;
    case "district":
      return typeof resource.districtCode === "string" && resource.districtCode === reach.districtCode;
    case "estates":
      return typeof resource.estateId === "string" && reach.estateIds.includes(resource.estateId);
    case "city":
    case "all":
      return true;
  }
}

/**
 * May `user` do `permission`, on `resource` if given?
 *
 * Without a resource this answers "does the role hold the permission at all" (to show a link or
 * open a list page); the caller must then scope its query with `scopeWhere`. With a resource it
 * enforces the scope: officers only in their district, applicants only on their own records.
 * A resource that does not say its district or owner is denied to scoped roles.
 */
export function can(user: Actor | null | undefined, permission: Permission, resource?: ResourceScope): boolean {
  const reach = reachOf(user, permission);
  if (!reach) return false;
  return resource === undefined || reaches(reach, resource);
}

/** For actions and services: throws UNAUTHENTICATED / FORBIDDEN unless `can(...)`. */
export function assertCan(user: Actor | null | undefined, permission: Permission, resource?: ResourceScope): void {
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!can(user, permission, resource)) throw new AppError("FORBIDDEN");
}

/**
 * Does the actor's reach for `permission` span every district (city or all)? Then they may choose
 * a district to look at (a filter, a form's district list); a reach confined to one district
 * keeps to it.
 */
export function isCityWide(user: Actor | null | undefined, permission: Permission): boolean {
  const kind = reachOf(user, permission)?.kind;
  return kind === "city" || kind === "all";
}

/** The one district the actor's reach for `permission` is confined to, or null (city-wide, or none). */
export function districtOfReach(user: Actor | null | undefined, permission: Permission): string | null {
  const reach = reachOf(user, permission);
  return reach?.kind === "district" ? reach.districtCode : null;
}

/**
 * Does the role belong to a district? It does when any of its grants is district-scoped: such an
 * account needs a district to do anything (staff creation requires one), and it is one of the
 * district's officers (the district records page counts them, rectifications notify them).
 */
export function belongsToDistrict(role: Role): boolean {
  return allPermissions.some((permission) => grantOf(role, permission)?.kind === "district");
}

/** The roles that belong to a district, for queries of "the district's officers". */
export function districtRoles(): Role[] {
  const granted = new Set(Object.values(permissionTable).flatMap((grants) => Object.keys(grants) as Role[]));
  return [...granted].filter(belongsToDistrict);
}

/** The district the actor belongs to (their home district), or null for roles that belong to none. */
export function homeDistrictOf(user: Actor | null | undefined): string | null {
  return user && belongsToDistrict(user.role) ? user.districtCode : null;
}
