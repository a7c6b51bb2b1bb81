import "server-only";
import { transitionApplication } from "@/lib/applications/transitions";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { forgiveAttempts, minutesUntil, takeAttempt, accountPolicy } from "@/lib/auth/login-throttle";
import { verifyPassword } from "@/lib/auth/password";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { nextSequenceValue } from "@/lib/db/sequence";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { OCCUPYING_LEASE_STATUSES } from "@/lib/db/application-status";
import { AppError } from "@/lib/errors";
import type { LeaseOrigin, LeaseStatus, Prisma, RentBasis } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { applicantContact, contactSelect } from "@/lib/review/common";
import { isLowRentHousehold } from "@/lib/rules/eligibility";
import { leaseEndDate } from "@/lib/rules/lease";
import { maskResidentId } from "@/lib/rules/identity";
import { grandfatheredRentFen, maxStandardRentFen, monthlyRentFen, rentTierFor, unitMismatchRentFen } from "@/lib/rules/rent";
import { entitledUnitType, UNIT_TYPES } from "@/lib/rules/unit-type";
import { addWorkingDays } from "@/lib/rules/working-days";
import { addDays } from "@/lib/rules/dates";
import type { PriorityCategory } from "@/lib/rules/eligibility-types";
import type { ISODate } from "@/lib/rules/types";
import { moveUnitStatus } from "@/lib/stock/stock-service";
import { parseInput } from "@/lib/allocation/inputs";
import { issueBillsForLease } from "./billing";
import { openMandatoryExchangeInTx } from "./exchange-queue";
import { leaseTermsOf, type LeaseTerms } from "./lease-terms";
import {
  draftLeaseSchema,
  leaseListQuerySchema,
  leaseStepSchema,
  signLeaseSchema,
  type DraftLeaseInput,
  type LeaseStepInput,
  type SignLeaseInput,
} from "./schemas";

// Leases (Art. 25-27). An officer draws up the standard-form lease (Art. 26) from an offer the
// household accepted, with its start date and a term of 1 to 5 years (Art. 25) and the rent of the
// estate's standard in force for the household's income tier (Art. 27, 45). The tenant signs in the
// portal by entering the password again (the time is recorded); an officer of the estate's district
// countersigns for the operator, and from then the lease is in force: the offer has done its work
// (no longer live), the unit is leased, the application housed, and the first bill is issued.
// "One lease per offer" and "one live lease per unit" are unique indexes.

/** Working days the household has to sign once the lease is drawn up (Art. 25: "within the time set"). */
export const SIGN_WORKING_DAYS = 10;

/** Art. 45 applies to households qualified before the Measures took effect. */
const MEASURES_IN_FORCE: ISODate = "2024-07-22";


const LEASE_UNIT_INDEX = "Lease_liveUnit_key";

type Tx = Prisma.TransactionClient;

function leaseNo(districtCode: string, year: string, sequence: number): string {
  return `ZL-${districtCode}-${year}-${String(sequence).padStart(6, "0")}`;
}

/** Whether text from an address can be a lease number at all (anything else is "not found", without a query). */
export function isLeaseNo(value: string): boolean {
  return /^ZL-\d{6}-\d{4}-\d{6}$/.test(value);
}

/** The rent the household pays from the estate's standard in force on the start date (Art. 27, 45). */
async function rentFor(
  tx: Tx,
  input: {
    estateId: string;
    unit: { unitType: Prisma.UnitGetPayload<object>["unitType"]; floorAreaDm2: number; marketRentFen: number; standardRentFen: number };
    startDate: ISODate;
    perCapitaIncomeFen: number;
    lowRent: boolean;
    legacy: { incomeLimitFen: number } | null;
  },
) {
  const start = dateColumn(input.startDate);
  const standard = await tx.rentStandard.findFirst({
    where: {
      estateId: input.estateId,
      OR: [{ unitType: input.unit.unitType }, { unitType: null }],
      effectiveFrom: { lte: start },
      AND: [{ OR: [{ effectiveTo: null }, { effectiveTo: { gt: start } }] }],
      // Only a standard a second officer approved, and so published (Art. 27).
      status: "APPROVED",
      publishedAt: { not: null },
    },
    // A standard for the unit's own type wins over one for the whole estate; then the newest.
    orderBy: [{ unitType: { sort: "asc", nulls: "last" } }, { effectiveFrom: "desc" }],
    select: { id: true, documentNo: true, marketRentFenPerM2: true, tiers: { select: { id: true, tierNo: true, name: true, isLowRent: true, maxPerCapitaIncomeFen: true, rentFenPerM2: true } } },
  });
  const cap = maxStandardRentFen(input.unit.marketRentFen);
  let standardRentFen = input.unit.standardRentFen;
  let tier: { id: string; name: string; isLowRent: boolean } | null = null;
  if (standard) {
    const chosen = rentTierFor(standard.tiers, { perCapitaIncomeFen: input.perCapitaIncomeFen, lowRent: input.lowRent });
    if (chosen) {
      tier = chosen;
      standardRentFen = Math.min(monthlyRentFen(chosen.rentFenPerM2, input.unit.floorAreaDm2), cap);
    }
  }
  let basis: "STANDARD" | "LOW_RENT" | "LEGACY_110_PERCENT" | "MARKET" = tier?.isLowRent ? "LOW_RENT" : "STANDARD";
  let rent = standardRentFen;
  if (input.legacy && !tier?.isLowRent) {
    rent = grandfatheredRentFen({ standardRentFen, marketRentFen: input.unit.marketRentFen, perCapitaIncomeFen: input.perCapitaIncomeFen, incomeLimitFen: input.legacy.incomeLimitFen });
    if (rent === input.unit.marketRentFen && rent !== standardRentFen) basis = "MARKET";
    else if (rent !== standardRentFen) basis = "LEGACY_110_PERCENT";
  }
  return { monthlyRentFen: rent, basis: basis as RentBasis, standard: standard ? { id: standard.id, documentNo: standard.documentNo } : null, tier, standardRentFen };
}

/** An officer draws up the lease of an accepted offer (Art. 25-27). */
/** What a lease is drawn up from: the unit and its estate, the household (members, declaration, contact). */
export const unitForLeaseSelect = {
  id: true, unitNo: true, floor: true, unitType: true, floorAreaDm2: true, marketRentFen: true, standardRentFen: true, structure: true, fixtures: true, orientation: true, status: true,
  building: { select: { name: true } },
  estate: { select: { id: true, name: true, address: true, districtCode: true, ownerName: true, operatorName: true } },
} satisfies Prisma.UnitSelect;
export const householdForLeaseSelect = {
  id: true, applicationNo: true, qualifiedAt: true, precheck: true, ...contactSelect,
  declaration: { select: { priorityCategories: true } },
  members: { select: { name: true, relationship: true, residentId: true, annualIncomeFen: true, sex: true, birthDate: true, fullCivilCapacity: true }, orderBy: { id: "asc" } },
} satisfies Prisma.ApplicationSelect;
type UnitForLease = Prisma.UnitGetPayload<{ select: typeof unitForLeaseSelect }>;
type HouseholdForLease = Prisma.ApplicationGetPayload<{ select: typeof householdForLeaseSelect }>;

/**
 * Draws up the standard-form lease of a household for a unit (Art. 25-27, 45), inside the caller's
 * transaction: the rent of the standard in force on the start date for the household's income tier,
 * the ten parts frozen as terms, numbered from the district's counter; the household is told.
 */
export async function writeLeaseDraft(
  tx: Tx,
  args: {
    actor: Actor; at: Date; unit: UnitForLease; app: HouseholdForLease; startDate: ISODate; termMonths: number; offerId: string | null; previousLeaseId: string | null; origin?: LeaseOrigin; auditData: Record<string, unknown>;
    /** A directed allocation's unit (Art. 24): its nominee, and the enterprise or body the lease names. */
    directed?: { nomineeId: string; kind: "ENTERPRISE" | "RESETTLEMENT"; recipient: string; basis: string };
  },
): Promise<{ leaseId: string; leaseNo: string }> {
  const { actor, at, unit, app, startDate, termMonths } = args;
  const origin: LeaseOrigin = args.origin ?? (args.previousLeaseId ? "RENEWAL" : "ALLOCATION");
  const today = todayCST(at);
  const tenant = app.members.find((m) => m.relationship === "APPLICANT");
  // A directed nominee may have no portal account: they sign the paper lease before an officer.
  if (!tenant || (!app.applicantUserId && origin !== "DIRECTED")) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.noTenantAccount" });
  const size = app.members.length;
  const totalIncome = app.members.reduce((sum, m) => sum + m.annualIncomeFen, 0);
  const perCapitaIncomeFen = size > 0 ? Math.floor(totalIncome / size) : 0;
  const categories = (app.declaration?.priorityCategories ?? []) as PriorityCategory[];
  const precheck = app.precheck as { incomeLimitFen?: unknown } | null;
  const legacy =
    app.qualifiedAt && fromDateColumn(app.qualifiedAt) < MEASURES_IN_FORCE && typeof precheck?.incomeLimitFen === "number" ? { incomeLimitFen: precheck.incomeLimitFen } : null;
  const endDate = leaseEndDate(startDate, termMonths);
  const signDueDate = addWorkingDays(today, SIGN_WORKING_DAYS);
  const contact = applicantContact(app);
  const rent = await rentFor(tx, { estateId: unit.estate.id, unit, startDate, perCapitaIncomeFen, lowRent: isLowRentHousehold(categories), legacy });
  // Art. 33: at the end of a term, a household that has shrunk below its unit type must exchange;
  // renewing the same unit instead, it pays 1.5 x the standard rent. An exchange lease is at the
  // standard rent again (its unit fits the household).
  if (origin === "RENEWAL") {
    const entitled = entitledUnitType(app.members.map((m) => ({ relationship: m.relationship, sex: m.sex, birthDate: fromDateColumn(m.birthDate), fullCivilCapacity: m.fullCivilCapacity, annualIncomeFen: m.annualIncomeFen })));
    if (UNIT_TYPES.indexOf(unit.unitType) > UNIT_TYPES.indexOf(entitled)) {
      rent.monthlyRentFen = unitMismatchRentFen(rent.standardRentFen);
      rent.basis = "UNIT_MISMATCH_150_PERCENT";
    }
  }
  const no = leaseNo(unit.estate.districtCode, today.slice(0, 4), await nextSequenceValue(tx, `lease:${unit.estate.districtCode}:${today.slice(0, 4)}`));
  const terms: LeaseTerms = leaseTermsOf({
    leaseNo: no,
    estate: unit.estate,
    unit: { ...unit, building: unit.building.name },
    tenant: { name: tenant.name, residentIdMasked: maskResidentId(tenant.residentId) },
    members: app.members.map((m) => ({ name: m.name, relationship: m.relationship })),
    startDate,
    endDate,
    termMonths,
    rent: { monthlyRentFen: rent.monthlyRentFen, basis: rent.basis, standardDocumentNo: rent.standard?.documentNo ?? null, tierName: rent.tier?.name ?? null },
    signDueDate,
    directed: args.directed ? { kind: args.directed.kind, recipient: args.directed.recipient, basis: args.directed.basis } : undefined,
  });
  const lease = await tx.lease.create({
    data: {
      leaseNo: no,
      applicationId: app.id,
      unitId: unit.id,
      offerId: args.offerId,
      origin,
      previousLeaseId: args.previousLeaseId,
      tenantUserId: app.applicantUserId,
      termMonths,
      startDate: dateColumn(startDate),
      endDate: dateColumn(endDate),
      monthlyRentFen: rent.monthlyRentFen,
      rentBasis: rent.basis,
      rentTierId: rent.tier?.id ?? null,
      rentStandardId: rent.standard?.id ?? null,
      perCapitaIncomeFen,
      status: "PENDING_SIGNATURE",
      terms: terms as unknown as Prisma.InputJsonValue,
      signDueDate: dateColumn(signDueDate),
      draftedById: actor.id,
      createdAt: at,
      directedNomineeId: args.directed?.nomineeId ?? null,
    },
    select: { id: true, leaseNo: true },
  });
  await writeAudit(
    {
      actorId: actor.id, actorRole: actor.role, action: "lease.draft", entityType: "Lease", entityId: lease.id, districtCode: unit.estate.districtCode,
      data: { leaseNo: no, ...args.auditData, unitId: unit.id, startDate, termMonths, monthlyRentFen: rent.monthlyRentFen, rentBasis: rent.basis } as Prisma.InputJsonValue,
    },
    tx,
  );
  await notifyApplicant(tx, {
    applicationId: app.id,
    userId: contact.userId,
    phone: contact.phone,
    // A tenant without a portal account (a directed nominee) is asked to come and sign in person.
    templateKey: app.applicantUserId ? "tenancy.leaseDrafted" : "tenancy.directedLeaseDrafted",
    params: { estate: unit.estate.name, dueDate: signDueDate },
    dedupeKey: `lease:${lease.id}:drafted`,
    at,
  });
  return { leaseId: lease.id, leaseNo: lease.leaseNo };
}

export async function draftLease(actor: Actor, input: DraftLeaseInput, options: { now?: Date } = {}): Promise<{ leaseId: string; leaseNo: string }> {
  const { offerId, startDate, termMonths } = parseInput(draftLeaseSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const offer = await prisma.offer.findUnique({
    where: { id: offerId },
    select: {
      id: true, status: true, applicationId: true, lease: { select: { id: true } }, unit: { select: unitForLeaseSelect }, application: { select: householdForLeaseSelect },
      waitingListEntry: { select: { purpose: true, exchangeRequests: { where: { status: "APPROVED" }, select: { leaseId: true, lease: { select: { leaseNo: true } } }, take: 1 } } },
    },
  });
  if (!offer) throw new AppError("NOT_FOUND");
  // An offer from the exchange list (Art. 33): the new lease replaces the lease the exchange was asked on.
  const exchanged = offer.waitingListEntry?.purpose === "EXCHANGE" ? offer.waitingListEntry.exchangeRequests[0] ?? null : null;
  if (offer.waitingListEntry?.purpose === "EXCHANGE" && !exchanged) throw new AppError("CONFLICT", { messageKey: "exchanges.errors.notApproved" });
  assertCan(actor, "lease:manage", { districtCode: offer.unit.estate.districtCode });
  if (offer.lease) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.leaseExists" });
  if (offer.status !== "ACCEPTED") throw new AppError("CONFLICT", { messageKey: "tenancy.errors.offerNotAccepted" });
  if (startDate < today) throw new AppError("VALIDATION", { fieldErrors: { startDate: ["tenancy.validation.startDateInPast"] } });
  if (startDate > addWorkingDays(today, 60)) throw new AppError("VALIDATION", { fieldErrors: { startDate: ["tenancy.validation.startDateTooLate"] } });
  const tenant = offer.application.members.find((m) => m.relationship === "APPLICANT");
  if (!tenant || !offer.application.applicantUserId) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.noTenantAccount" });
  try {
    return await prisma.$transaction((tx) =>
      writeLeaseDraft(tx, {
        actor, at, unit: offer.unit, app: offer.application, startDate, termMonths, offerId: offer.id,
        previousLeaseId: exchanged?.leaseId ?? null,
        origin: exchanged ? "EXCHANGE" : "ALLOCATION",
        auditData: exchanged ? { offerId, replaces: exchanged.lease.leaseNo } : { offerId },
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error, "offerId")) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.leaseExists" });
    if (isUniqueViolation(error, "previousLeaseId")) throw new AppError("CONFLICT", { messageKey: "exchanges.errors.leaseReplaced" });
    if (isUniqueViolation(error, LEASE_UNIT_INDEX) || isUniqueViolation(error, "unitId")) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.unitLeased" });
    throw error;
  }
}

/**
 * The renewal lease of Art. 32, inside the caller's transaction: the same unit and household, from
 * the day after the old lease's last day, at the rent of the standard in force then. One successor
 * per lease (Lease.previousLeaseId is unique).
 */
export async function draftRenewalLease(tx: Tx, args: { actor: Actor; at: Date; leaseId: string; termMonths: number }): Promise<{ leaseId: string; leaseNo: string }> {
  const old = await tx.lease.findUniqueOrThrow({
    where: { id: args.leaseId },
    select: { id: true, leaseNo: true, endDate: true, unit: { select: unitForLeaseSelect }, application: { select: householdForLeaseSelect } },
  });
  const startDate = addDays(fromDateColumn(old.endDate), 1);
  return writeLeaseDraft(tx, { actor: args.actor, at: args.at, unit: old.unit, app: old.application, startDate, termMonths: args.termMonths, offerId: null, previousLeaseId: old.id, auditData: { renews: old.leaseNo } });
}

export function leaseProblem(status: LeaseStatus): AppError {
  return new AppError("CONFLICT", { messageKey: `tenancy.errors.leaseIs.${status}` });
}

/** The tenant signs: the password entered again is the signature; the time is recorded (Art. 25). */
export async function signLease(actor: Actor, input: SignLeaseInput, options: { now?: Date } = {}): Promise<{ leaseId: string }> {
  const { leaseId, password } = parseInput(signLeaseSchema, input);
  const at = options.now ?? clockNow();
  const lease = await prisma.lease.findUnique({
    where: { id: leaseId },
    select: { id: true, tenantUserId: true, status: true, signDueDate: true, leaseNo: true, unit: { select: { estate: { select: { districtCode: true } } } } },
  });
  // Someone else's lease is "not found", as if it did not exist.
  if (!lease || lease.tenantUserId !== actor.id) throw new AppError("NOT_FOUND");
  assertCan(actor, "lease:read", { ownerId: lease.tenantUserId });
  if (lease.status !== "PENDING_SIGNATURE") throw leaseProblem(lease.status);
  if (lease.signDueDate && fromDateColumn(lease.signDueDate) < todayCST(at)) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.signingClosed" });
  // Wrong passwords are counted before they are checked, as at sign-in.
  const key = { key: `lease-sign:${actor.id}`, policy: accountPolicy };
  const attempt = await takeAttempt(prisma, [key], at);
  if (!attempt.allowed) throw new AppError("RATE_LIMITED", { messageKey: "tenancy.errors.signLocked", values: { minutes: minutesUntil(attempt.lockedUntil, at) } });
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError("VALIDATION", { fieldErrors: { password: ["tenancy.validation.passwordWrong"] } });
  }
  await forgiveAttempts(prisma, key, attempt.numbers[0]!);
  await prisma.$transaction(async (tx) => {
    const signed = await tx.lease.updateMany({ where: { id: leaseId, status: "PENDING_SIGNATURE" }, data: { status: "AWAITING_COUNTERSIGNATURE", signedAt: at } });
    if (signed.count !== 1) throw leaseProblem((await tx.lease.findUniqueOrThrow({ where: { id: leaseId }, select: { status: true } })).status);
    await writeAudit(
      { actorId: actor.id, actorRole: actor.role, action: "lease.sign", entityType: "Lease", entityId: leaseId, districtCode: lease.unit.estate.districtCode, data: { leaseNo: lease.leaseNo, signedAt: at.toISOString() } },
      tx,
    );
  });
  return { leaseId };
}

/**
 * An officer of the estate's district countersigns for the operator: the lease is in force, the
 * offer is done, the unit leased, the application housed, and the bills from the start date on are
 * issued.
 */
export async function countersignLease(actor: Actor, input: LeaseStepInput, options: { now?: Date } = {}): Promise<{ leaseId: string }> {
  const { leaseId } = parseInput(leaseStepSchema, input);
  const at = options.now ?? clockNow();
  const lease = await prisma.lease.findUnique({ where: { id: leaseId }, select: countersignSelect });
  if (!lease) throw new AppError("NOT_FOUND");
  assertCan(actor, "lease:manage", { districtCode: lease.unit.estate.districtCode });
  if (lease.status !== "AWAITING_COUNTERSIGNATURE") throw leaseProblem(lease.status);
  // An exchange lease comes into force with the old unit handed back (lib/tenancy/exchanges.ts).
  if (lease.origin === "EXCHANGE") throw new AppError("CONFLICT", { messageKey: "exchanges.errors.handBackNeeded" });
  await prisma.$transaction((tx) => putLeaseInForce(tx, actor, lease, at));
  return { leaseId };
}

export const countersignSelect = {
  id: true, leaseNo: true, status: true, offerId: true, unitId: true, applicationId: true, previousLeaseId: true, origin: true, rentBasis: true,
  unit: { select: { estate: { select: { districtCode: true, name: true } } } },
  application: { select: contactSelect },
} satisfies Prisma.LeaseSelect;

/**
 * The countersignature inside the caller's transaction, once (a conditional update): the lease in
 * force, the offer done and the unit leased (not for a renewal, which stays in its unit), the
 * application housed (an allocation only: a renewal's or an exchange's household is housed already),
 * the bills issued and the household told. A renewal at 1.5 x for a household below its unit type
 * puts it on the exchange list it must exchange from (Art. 33).
 */
export async function putLeaseInForce(tx: Tx, actor: Actor, lease: Prisma.LeaseGetPayload<{ select: typeof countersignSelect }>, at: Date): Promise<void> {
  const leaseId = lease.id;
  const districtCode = lease.unit.estate.districtCode;
  const contact = applicantContact(lease.application);
  {
    const done = await tx.lease.updateMany({
      where: { id: leaseId, status: "AWAITING_COUNTERSIGNATURE" },
      data: { status: "ACTIVE", countersignedAt: at, countersignedById: actor.id },
    });
    if (done.count !== 1) throw leaseProblem((await tx.lease.findUniqueOrThrow({ where: { id: leaseId }, select: { status: true } })).status);
    if (lease.origin === "RENEWAL") {
      // A renewal (Art. 32): the household stays in its unit; the new term follows the old one.
      await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "lease.countersign", entityType: "Lease", entityId: leaseId, districtCode, data: { leaseNo: lease.leaseNo, renewal: true } }, tx);
      if (lease.rentBasis === "UNIT_MISMATCH_150_PERCENT") await openMandatoryExchangeInTx(tx, { actor, at, leaseId });
    } else {
      if (lease.offerId) {
        const offer = await tx.offer.updateMany({ where: { id: lease.offerId, status: "ACCEPTED" }, data: { status: "LEASED" } });
        if (offer.count !== 1) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.offerNotAccepted" });
      }
      await moveUnitStatus(tx, { unitId: lease.unitId, from: "OFFERED", to: "LEASED", reason: `签订租赁合同 ${lease.leaseNo}`, actor, at });
      if (lease.origin === "EXCHANGE") {
        await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "lease.countersign", entityType: "Lease", entityId: leaseId, districtCode, data: { leaseNo: lease.leaseNo, exchange: true } }, tx);
      } else {
        await transitionApplication(tx, { applicationId: lease.applicationId, to: "HOUSED", actor, at, action: "lease.countersign", auditData: { leaseId, leaseNo: lease.leaseNo } });
        await tx.qualification.updateMany({ where: { applicationId: lease.applicationId, status: "ACTIVE" }, data: { status: "HOUSED" } });
      }
    }
    await issueBillsForLease(tx, leaseId, todayCST(at), at);
    await notifyApplicant(tx, {
      applicationId: lease.applicationId,
      userId: contact.userId,
      phone: contact.phone,
      templateKey: "tenancy.leaseInForce",
      params: { estate: lease.unit.estate.name, leaseNo: lease.leaseNo },
      dedupeKey: `lease:${leaseId}:in-force`,
      at,
    });
  }
}

// ───────────── reading ─────────────

const leaseSelect = {
  id: true,
  applicationId: true,
  leaseNo: true,
  status: true,
  termMonths: true,
  startDate: true,
  endDate: true,
  monthlyRentFen: true,
  rentBasis: true,
  signDueDate: true,
  signedAt: true,
  countersignedAt: true,
  createdAt: true,
  terms: true,
  tenantUserId: true,
  application: { select: { applicationNo: true, applicantName: true, householdSize: true } },
  unit: { select: { id: true, unitNo: true, floorAreaDm2: true, unitType: true, building: { select: { name: true } }, estate: { select: { name: true, districtCode: true } } } },
  countersignedBy: { select: { name: true } },
  signatureWitnessedBy: { select: { name: true } },
  directedNomineeId: true,
  nextRentFrom: true,
  nextMonthlyRentFen: true,
  nextRentStandard: { select: { documentNo: true } },
} satisfies Prisma.LeaseSelect;

type LeaseRow = Prisma.LeaseGetPayload<{ select: typeof leaseSelect }>;

export interface LeaseView {
  id: string;
  applicationId: string;
  leaseNo: string;
  status: LeaseStatus;
  termMonths: number;
  startDate: ISODate;
  endDate: ISODate;
  monthlyRentFen: number;
  rentBasis: LeaseRow["rentBasis"];
  signDueDate: ISODate | null;
  signedAt: Date | null;
  countersignedAt: Date | null;
  countersignedBy: string | null;
  /** The officer before whom a tenant without a portal account signed the paper lease. */
  signatureWitnessedBy: string | null;
  /** Whether the tenant has a portal account (one without signs on paper before an officer). */
  hasTenantAccount: boolean;
  /** A directed allocation's lease (Art. 24). */
  directed: boolean;
  createdAt: Date;
  terms: LeaseTerms | null;
  applicationNo: string;
  tenantName: string | null;
  householdSize: number;
  unit: { id: string; label: string; unitType: LeaseRow["unit"]["unitType"]; floorAreaDm2: number; estate: string; districtCode: string };
  /** The rent of a reviewed standard from its date (Art. 27), before it becomes the lease's rent. */
  nextRent: { from: ISODate; monthlyRentFen: number; documentNo: string | null } | null;
}

function leaseView(row: LeaseRow): LeaseView {
  return {
    id: row.id,
    applicationId: row.applicationId,
    leaseNo: row.leaseNo,
    status: row.status,
    termMonths: row.termMonths,
    startDate: fromDateColumn(row.startDate),
    endDate: fromDateColumn(row.endDate),
    monthlyRentFen: row.monthlyRentFen,
    rentBasis: row.rentBasis,
    signDueDate: row.signDueDate ? fromDateColumn(row.signDueDate) : null,
    signedAt: row.signedAt,
    countersignedAt: row.countersignedAt,
    countersignedBy: row.countersignedBy?.name ?? null,
    signatureWitnessedBy: row.signatureWitnessedBy?.name ?? null,
    hasTenantAccount: row.tenantUserId !== null,
    directed: row.directedNomineeId !== null,
    createdAt: row.createdAt,
    terms: (row.terms as LeaseTerms | null) ?? null,
    applicationNo: row.application.applicationNo,
    tenantName: row.application.applicantName,
    householdSize: row.application.householdSize,
    nextRent: row.nextRentFrom && row.nextMonthlyRentFen !== null ? { from: fromDateColumn(row.nextRentFrom), monthlyRentFen: row.nextMonthlyRentFen, documentNo: row.nextRentStandard?.documentNo ?? null } : null,
    unit: {
      id: row.unit.id,
      label: `${row.unit.estate.name} ${row.unit.building.name}${row.unit.unitNo}`,
      unitType: row.unit.unitType,
      floorAreaDm2: row.unit.floorAreaDm2,
      estate: row.unit.estate.name,
      districtCode: row.unit.estate.districtCode,
    },
  };
}

/** The tenant's own leases, the live one first (the tenant's home page). */
export async function listMyLeases(actor: Actor): Promise<LeaseView[]> {
  const scope = scopeWhere(actor, "lease:read", "Lease", { personal: true });
  if (scope === NOTHING) return [];
  const rows = await prisma.lease.findMany({ where: scope, select: leaseSelect, orderBy: { createdAt: "desc" }, take: 10 });
  // A lease that still houses the household (the statuses Lease_liveUnit_key covers) first.
  const live = (s: LeaseStatus) => ((OCCUPYING_LEASE_STATUSES as readonly LeaseStatus[]).includes(s) ? 0 : 1);
  return rows.map(leaseView).sort((a, b) => live(a.status) - live(b.status));
}

/** One lease by number, if the actor may read it (own, or in the officer's reach); else null. */
export async function getLease(actor: Actor, leaseNo: string): Promise<LeaseView | null> {
  if (!isLeaseNo(leaseNo)) return null;
  const scope = scopeWhere(actor, "lease:read", "Lease");
  if (scope === NOTHING) return null;
  const row = await prisma.lease.findFirst({ where: { AND: [scope, { leaseNo }] }, select: leaseSelect });
  return row ? leaseView(row) : null;
}

export const LEASES_PAGE_SIZE = 20;

/** Leases for officers, in their reach, searched by lease or application number, tenant or estate. */
export async function listLeases(actor: Actor, query: unknown) {
  const { q, status, page } = leaseListQuerySchema.parse(query ?? {});
  const scope = scopeWhere(actor, "lease:manage", "Lease");
  if (scope === NOTHING) return { rows: [] as LeaseView[], total: 0, page: 1, pageCount: 1 };
  const where: Prisma.LeaseWhereInput = {
    AND: [
      scope,
      status ? { status } : {},
      q
        ? /^ZL-/i.test(q)
          ? { leaseNo: q.toUpperCase() }
          : /^GZF-/i.test(q)
            ? { application: { applicationNo: q.toUpperCase() } }
            : { OR: [{ application: { applicantName: { startsWith: q } } }, { unit: { estate: { name: { contains: q } } } }] }
        : {},
    ],
  };
  const result = await readPage(
    page,
    LEASES_PAGE_SIZE,
    () => prisma.lease.count({ where }),
    ({ skip, take }) => prisma.lease.findMany({ where, select: leaseSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take }),
    { narrow: Boolean(q) },
  );
  return { ...result, rows: result.rows.map(leaseView) };
}

/** Accepted offers in the officer's reach that have no lease yet: what to draw up next. */
export async function listOffersAwaitingLease(actor: Actor, take = 50) {
  const estates = scopeWhere(actor, "lease:manage", "Estate");
  if (estates === NOTHING) return [];
  const rows = await prisma.offer.findMany({
    where: { status: "ACCEPTED", lease: { is: null }, unit: { estate: estates } },
    select: {
      id: true,
      respondedAt: true,
      responseDueDate: true,
      application: { select: { applicationNo: true, applicantName: true, householdSize: true } },
      unit: { select: { unitNo: true, unitType: true, floorAreaDm2: true, building: { select: { name: true } }, estate: { select: { name: true } } } },
    },
    orderBy: { respondedAt: "asc" },
    take,
  });
  return rows.map((o) => ({
    offerId: o.id,
    acceptedAt: o.respondedAt,
    applicationNo: o.application.applicationNo,
    tenantName: o.application.applicantName,
    householdSize: o.application.householdSize,
    unitLabel: `${o.unit.estate.name} ${o.unit.building.name}${o.unit.unitNo}`,
    unitType: o.unit.unitType,
    floorAreaDm2: o.unit.floorAreaDm2,
  }));
}
