import "server-only";
import { claimPeople, writeMembers } from "@/lib/applications/household-store";
import { latestBanUntil } from "@/lib/applications/household-claims";
import { nextApplicationNo } from "@/lib/applications/numbering";
import { isRecordId, parseInput } from "@/lib/allocation/inputs";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addWorkingDays } from "@/lib/rules/working-days";
import { eighteenthBirthday } from "@/lib/rules/eligibility";
import { birthDateFromResidentId } from "@/lib/rules/identity";
import { householdForLeaseSelect, leaseProblem, unitForLeaseSelect, writeLeaseDraft } from "./leases";
import { draftDirectedLeaseInputSchema, paperSignatureSchema, type DraftDirectedLeaseInput, type PaperSignatureInput } from "./directed-lease-schemas";

// The lease of a directed allocation (定向配租, Art. 24-25; docs/decisions/032). A nominee the
// enterprise or body named was checked and assigned a unit (lib/allocation/directed.ts); an officer
// of the estate's district then draws up the standard-form lease for them, as from an accepted offer:
// - the nominee's household is recorded first, from the enterprise's or body's papers: the other
//   members and everyone's annual income (the rent tier, Art. 27), and a mobile number for notices.
//   It is an application record of source DIRECTED that enters the state machine at ALLOCATED (its
//   eligibility was decided by the allocation's own rules, not by Art. 16-19's reviews), so that
//   Art. 12 claims, bans, the annual tenancy check, renewals and notices treat it as any household;
// - every member is claimed under Art. 12 (the lock per person of household-store.ts) and checked
//   against bans (Art. 40); one lease per nominee is a unique index (Lease.directedNomineeId);
// - a nominee without a portal account signs the paper lease before an officer, who records it
//   (`recordPaperSignature`); one who links an account with the same number and resident ID signs in
//   the portal instead. Countersigning puts it in force as any lease: unit leased, household housed.

const TX = { maxWait: 20_000, timeout: 20_000 } as const;

/** Officer: draws up the lease of an assigned nominee with their household (Art. 24-27). */
export async function draftDirectedLease(actor: Actor, input: DraftDirectedLeaseInput, options: { now?: Date } = {}): Promise<{ leaseId: string; leaseNo: string }> {
  const d = parseInput(draftDirectedLeaseInputSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const nominee = await prisma.directedNominee.findUnique({
    where: { id: d.nomineeId },
    select: {
      id: true, name: true, residentId: true, residentIdMasked: true, householdSize: true, status: true,
      lease: { select: { id: true } },
      allocation: { select: { id: true, kind: true, recipientName: true, basis: true } },
      unit: { select: { ...unitForLeaseSelect, estate: { select: { ...unitForLeaseSelect.estate.select, level: true } } } },
    },
  });
  if (!nominee) throw new AppError("NOT_FOUND", { messageKey: "allocation.errors.directedNotFound" });
  if (nominee.unit) assertCan(actor, "lease:manage", { districtCode: nominee.unit.estate.districtCode });
  if (nominee.lease) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.leaseExists" });
  if (nominee.status !== "ASSIGNED" || !nominee.unit) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.nomineeNotAssigned" });
  const unit = nominee.unit;
  if (unit.status !== "OFFERED") throw new AppError("CONFLICT", { messageKey: "tenancy.errors.unitLeased" });
  if (d.startDate < today) throw new AppError("VALIDATION", { fieldErrors: { startDate: ["tenancy.validation.startDateInPast"] } });
  if (d.startDate > addWorkingDays(today, 60)) throw new AppError("VALIDATION", { fieldErrors: { startDate: ["tenancy.validation.startDateTooLate"] } });
  if (d.memberName.length + 1 !== nominee.householdSize) {
    throw new AppError("VALIDATION", { messageKey: "tenancy.errors.householdSizeMismatch", values: { size: nominee.householdSize } });
  }
  const memberFieldErrors: Record<string, string[]> = {};
  d.memberResidentId.forEach((rid, i) => {
    if (rid === nominee.residentId) memberFieldErrors[`memberResidentId.${i}`] = ["applications.validation.duplicateResidentId"];
  });
  if (Object.keys(memberFieldErrors).length > 0) throw new AppError("VALIDATION", { fieldErrors: memberFieldErrors });

  const people = [
    { relationship: "APPLICANT" as const, name: nominee.name, residentId: nominee.residentId, annualIncomeFen: d.nomineeIncome },
    ...d.memberName.map((name, i) => ({ relationship: d.memberRelationship[i]!, name, residentId: d.memberResidentId[i]!, annualIncomeFen: d.memberIncome[i]! })),
  ];
  try {
    return await prisma.$transaction(async (tx) => {
      // Art. 12: nobody on two households at once, decided under a lock per person; a second
      // drawing-up for the same nominee waits here for the first and then finds its lease.
      await claimPeople(
        tx,
        people.map((p, i) => ({ path: i === 0 ? "_form" : `memberResidentId.${i - 1}`, residentId: p.residentId })),
        null,
        {
          whileLocked: async () => {
            if (await tx.lease.findUnique({ where: { directedNomineeId: nominee.id }, select: { id: true } })) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.leaseExists" });
          },
        },
      );
      // Art. 40: a member barred after a broken tenancy cannot be housed again within the period.
      for (const [i, p] of people.entries()) {
        const until = await latestBanUntil(tx, [p.residentId]);
        if (until && until >= today) {
          throw new AppError("VALIDATION", { messageKey: "tenancy.errors.memberBanned", values: { until }, fieldErrors: i === 0 ? undefined : { [`memberResidentId.${i - 1}`]: ["tenancy.validation.memberBanned"] } });
        }
      }
      const districtCode = unit.estate.districtCode;
      const applicationNo = await nextApplicationNo(tx, districtCode, Number(today.slice(0, 4)));
      const app = await tx.application.create({
        data: {
          applicationNo,
          source: "DIRECTED",
          applicantUserId: null,
          contactPhone: d.contactPhone,
          districtCode,
          estateLevel: unit.estate.level,
          status: "ALLOCATED",
          statusChangedAt: at,
          preferredUnitType: unit.unitType,
          createdAt: at,
        },
        select: { id: true },
      });
      await tx.applicationStatusEvent.create({ data: { applicationId: app.id, fromStatus: null, toStatus: "ALLOCATED", at, actorId: actor.id, actorRole: actor.role } });
      await writeMembers(
        tx,
        app.id,
        people.map((p) => ({ ...p, maritalStatus: null, fullCivilCapacity: eighteenthBirthday(birthDateFromResidentId(p.residentId)) <= today })),
      );
      await writeAudit(
        {
          actorId: actor.id, actorRole: actor.role, action: "application.directed_household", entityType: "Application", entityId: app.id, districtCode,
          data: { applicationNo, allocationId: nominee.allocation.id, nomineeId: nominee.id, residentIdMasked: nominee.residentIdMasked, householdSize: people.length },
        },
        tx,
      );
      const household = await tx.application.findUniqueOrThrow({ where: { id: app.id }, select: householdForLeaseSelect });
      return writeLeaseDraft(tx, {
        actor, at, unit, app: household, startDate: d.startDate, termMonths: d.termMonths, offerId: null, previousLeaseId: null, origin: "DIRECTED",
        auditData: { allocationId: nominee.allocation.id, nomineeId: nominee.id },
        directed: { nomineeId: nominee.id, kind: nominee.allocation.kind, recipient: nominee.allocation.recipientName, basis: nominee.allocation.basis },
      });
    }, TX);
  } catch (error) {
    if (isUniqueViolation(error, "directedNomineeId")) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.leaseExists", cause: error });
    if (isUniqueViolation(error, "Lease_liveUnit_key") || isUniqueViolation(error, "unitId")) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.unitLeased", cause: error });
    throw error;
  }
}

/**
 * Officer: records that a tenant without a portal account signed the paper lease before them, with
 * the time, having seen their resident ID card (Art. 25). Once, by a conditional update.
 */
export async function recordPaperSignature(actor: Actor, input: PaperSignatureInput, options: { now?: Date } = {}): Promise<{ leaseId: string }> {
  const { leaseId } = parseInput(paperSignatureSchema, input);
  const at = options.now ?? clockNow();
  const lease = await prisma.lease.findUnique({
    where: { id: leaseId },
    select: { id: true, leaseNo: true, status: true, tenantUserId: true, signDueDate: true, unit: { select: { estate: { select: { districtCode: true } } } } },
  });
  if (!lease) throw new AppError("NOT_FOUND", { messageKey: "tenancy.errors.leaseNotFound" });
  assertCan(actor, "lease:manage", { districtCode: lease.unit.estate.districtCode });
  if (lease.status !== "PENDING_SIGNATURE") throw leaseProblem(lease.status);
  // A tenant with an account signs in the portal, by their own password: nobody signs for them.
  if (lease.tenantUserId) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.signsInPortal" });
  if (lease.signDueDate && fromDateColumn(lease.signDueDate) < todayCST(at)) throw new AppError("CONFLICT", { messageKey: "tenancy.errors.signingClosed" });
  await prisma.$transaction(async (tx) => {
    const signed = await tx.lease.updateMany({
      where: { id: leaseId, status: "PENDING_SIGNATURE", tenantUserId: null },
      data: { status: "AWAITING_COUNTERSIGNATURE", signedAt: at, signatureWitnessedById: actor.id },
    });
    if (signed.count !== 1) {
      const now = await tx.lease.findUniqueOrThrow({ where: { id: leaseId }, select: { status: true } });
      throw now.status === "PENDING_SIGNATURE" ? new AppError("CONFLICT", { messageKey: "tenancy.errors.signsInPortal" }) : leaseProblem(now.status);
    }
    await writeAudit(
      {
        actorId: actor.id, actorRole: actor.role, action: "lease.sign_in_person", entityType: "Lease", entityId: leaseId, districtCode: lease.unit.estate.districtCode,
        data: { leaseNo: lease.leaseNo, signedAt: at.toISOString() } as Prisma.InputJsonValue,
      },
      tx,
    );
  });
  return { leaseId };
}

export interface NomineeForLease {
  id: string;
  allocationId: string;
  recipientName: string;
  name: string;
  residentIdMasked: string;
  householdSize: number;
  unitLabel: string;
  /** Set once the lease is drawn up: the page then points to it. */
  leaseNo: string | null;
}

/** An assigned nominee as the drawing-up page shows them, if the actor draws up leases in the estate's district; else null. */
export async function nomineeForLease(actor: Actor, allocationId: string, nomineeId: string): Promise<NomineeForLease | null> {
  if (!isRecordId(allocationId) || !isRecordId(nomineeId)) return null;
  const n = await prisma.directedNominee.findFirst({
    where: { id: nomineeId, allocationId, status: "ASSIGNED" },
    select: {
      id: true, name: true, residentIdMasked: true, householdSize: true,
      allocation: { select: { id: true, recipientName: true } },
      lease: { select: { leaseNo: true } },
      unit: { select: { unitNo: true, building: { select: { name: true } }, estate: { select: { name: true, districtCode: true } } } },
    },
  });
  if (!n?.unit) return null;
  if (!can(actor, "lease:manage", { districtCode: n.unit.estate.districtCode })) return null;
  return {
    id: n.id,
    allocationId: n.allocation.id,
    recipientName: n.allocation.recipientName,
    name: n.name,
    residentIdMasked: n.residentIdMasked,
    householdSize: n.householdSize,
    unitLabel: `${n.unit.estate.name} ${n.unit.building.name}${n.unit.unitNo}`,
    leaseNo: n.lease?.leaseNo ?? null,
  };
}
