import type { Prisma } from "@/lib/generated/prisma/client";
import { reachOf, type Actor, type Permission, type Reach } from "./permissions";

// THE translation of the permission table into list queries (docs/decisions/011-scopes.md): an
// actor and a permission give a Reach (lib/auth/permissions.ts), and each entity's locator below
// says how one of its records states where it belongs, as Prisma where-clauses. Services never
// write their own "district officers see their district" clause: they ask `scopeWhere`.

/** The where-clause type of each scoped entity. */
export interface ScopedWhere {
  Application: Prisma.ApplicationWhereInput;
  Document: Prisma.DocumentWhereInput;
  Appeal: Prisma.AppealWhereInput;
  PublicityBatch: Prisma.PublicityBatchWhereInput;
  Objection: Prisma.ObjectionWhereInput;
  ReviewAudit: Prisma.ReviewAuditWhereInput;
  Rectification: Prisma.RectificationWhereInput;
  SharedDataImportBatch: Prisma.SharedDataImportBatchWhereInput;
  AnnualRecheck: Prisma.AnnualRecheckWhereInput;
  District: Prisma.DistrictWhereInput;
  Lease: Prisma.LeaseWhereInput;
  Estate: Prisma.EstateWhereInput;
  AllocationPlan: Prisma.AllocationPlanWhereInput;
  BankCollectionFile: Prisma.BankCollectionFileWhereInput;
  RepairRequest: Prisma.RepairRequestWhereInput;
  Inspection: Prisma.InspectionWhereInput;
  RentStandard: Prisma.RentStandardWhereInput;
  Art12Conflict: Prisma.Art12ConflictWhereInput;
}
export type ScopedEntity = keyof ScopedWhere;

/**
 * How a record of one entity states where it belongs. Every record belongs to a district; the
 * other dimensions are optional, and an entity that cannot state one is outside that reach (an
 * applicant's "own" reach finds no publicity batch: batches have no owner). City-wide reaches
 * take every record.
 */
export interface Locator<W> {
  district: (districtCode: string) => W;
  owner?: (userId: string) => W;
  household?: (householdId: string) => W;
  estates?: (estateIds: readonly string[]) => W;
}

/** The locator of a record that belongs wherever a related record does. */
function through<I, W>(inner: Locator<I>, wrap: (where: I) => W): Locator<W> {
  const lift = <A>(locate: ((a: A) => I) | undefined) => (locate ? (a: A) => wrap(locate(a)) : undefined);
  return { district: (code) => wrap(inner.district(code)), owner: lift(inner.owner), household: lift(inner.household), estates: lift(inner.estates) };
}

const application: Locator<Prisma.ApplicationWhereInput> = {
  district: (districtCode) => ({ districtCode }),
  owner: (applicantUserId) => ({ applicantUserId }),
  // Art. 12: one household, one application; a co-tenant's household is named by it.
  household: (householdId) => ({ id: householdId }),
};

const publicityBatch: Locator<Prisma.PublicityBatchWhereInput> = { district: (districtCode) => ({ districtCode }) };

const locators: { [E in ScopedEntity]: Locator<ScopedWhere[E]> } = {
  Application: application,
  // Application documents belong with their application (tenancy adds lease documents).
  Document: through(application, (where): Prisma.DocumentWhereInput => ({ application: where })),
  Appeal: through(application, (where): Prisma.AppealWhereInput => ({ application: where })),
  PublicityBatch: publicityBatch,
  // An objection belongs to the district of the publicity list it was lodged against (its
  // batchId is its entry's, by key).
  Objection: through(publicityBatch, (where): Prisma.ObjectionWhereInput => ({ batch: where })),
  ReviewAudit: { district: (districtCode) => ({ districtCode }) },
  Rectification: { district: (districtCode) => ({ districtCode }) },
  // The batch has no district column: the importer's district is the batch's (docs/decisions/007).
  SharedDataImportBatch: { district: (districtCode) => ({ importedBy: { districtCode } }) },
  AnnualRecheck: { district: (districtCode) => ({ districtCode }) },
  // A refused submission belongs to the district office of its draft (decision 036).
  Art12Conflict: { district: (districtCode) => ({ districtCode }) },
  District: { district: (code) => ({ code }) },
  // Stock belongs to the district the estate is in (whatever its level); an operator reaches the
  // estates it runs.
  Estate: { district: (districtCode) => ({ districtCode }), estates: (estateIds) => ({ id: { in: [...estateIds] } }) },
  // A plan belongs to its estate's district (Art. 23).
  AllocationPlan: { district: (districtCode) => ({ districtCode }) },
  // Ready for tenancy: the tenant owns the lease, the household's co-tenants share it, the operator
  // of the unit's estate runs it; it belongs to the district where the home is.
  Lease: {
    district: (districtCode) => ({ unit: { estate: { districtCode } } }),
    owner: (tenantUserId) => ({ tenantUserId }),
    household: (applicationId) => ({ applicationId }),
    estates: (estateIds) => ({ unit: { estateId: { in: [...estateIds] } } }),
  },
  // A bank collection file belongs to the district of the officer who imported it; a municipal
  // officer's file (no district) is the city's, reached only city-wide.
  BankCollectionFile: { district: (districtCode) => ({ districtCode }) },
  // A repair request (Art. 35) belongs to its estate's district; the tenant (and the household)
  // reach it through the lease it was filed under.
  RepairRequest: {
    district: (districtCode) => ({ estate: { districtCode } }),
    owner: (tenantUserId) => ({ lease: { tenantUserId } }),
    household: (applicationId) => ({ lease: { applicationId } }),
    estates: (estateIds) => ({ estateId: { in: [...estateIds] } }),
  },
  // An inspection (Art. 35, 43) belongs to its estate's district.
  Inspection: { district: (districtCode) => ({ estate: { districtCode } }), estates: (estateIds) => ({ estateId: { in: [...estateIds] } }) },
  // A rent standard (Art. 27) belongs to its estate's district.
  RentStandard: { district: (districtCode) => ({ estate: { districtCode } }), estates: (estateIds) => ({ estateId: { in: [...estateIds] } }) },
};

/** The answer for "no records at all": services return an empty result without querying. */
export const NOTHING: unique symbol = Symbol("nothing in reach");
export type Nothing = typeof NOTHING;

export interface ScopeOptions {
  /**
   * A district the viewer chose (a list filter). It narrows a city-wide reach to that district; a
   * reach confined to one district keeps to its own whatever is chosen, so a filter never widens.
   */
  districtCode?: string | null;
  /**
   * Only what the actor holds in person (own, household), never what they handle in office: the
   * applicant's own pages list "my applications", not the district's.
   */
  personal?: boolean;
}

/** The where-clause for the records of `entity` that `reach` takes in, or NOTHING. */
export function reachWhere<E extends ScopedEntity>(entity: E, reach: Reach | null, options: ScopeOptions = {}): ScopedWhere[E] | Nothing {
  if (!reach) return NOTHING;
  const locate: Locator<ScopedWhere[E]> = locators[entity];
  const personal = reach.kind === "own" || reach.kind === "household";
  if (options.personal && !personal) return NOTHING;
  switch (reach.kind) {
    case "own":
      return locate.owner ? locate.owner(reach.userId) : NOTHING;
    case "household":
      return locate.household ? locate.household(reach.householdId) : NOTHING;
    case "district":
      return locate.district(reach.districtCode);
    case "estates":
      return locate.estates ? locate.estates(reach.estateIds) : NOTHING;
    case "city":
    case "all":
      return options.districtCode ? locate.district(options.districtCode) : ({} as ScopedWhere[E]);
  }
}

/**
 * THE query filter for "the records of `entity` that `actor` may `permission`": a Prisma
 * where-fragment to AND with the service's own conditions, or NOTHING (the role lacks the
 * permission, or its reach cannot find this entity), which services answer with an empty result
 * without a query. NOTHING is a symbol, so spreading it into a where-clause does not compile.
 */
export function scopeWhere<E extends ScopedEntity>(
  actor: Actor | null | undefined,
  permission: Permission,
  entity: E,
  options: ScopeOptions = {},
): ScopedWhere[E] | Nothing {
  return reachWhere(entity, reachOf(actor, permission), options);
}
