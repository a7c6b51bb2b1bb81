import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import type { Actor } from "@/lib/auth/permissions";
import { fromDateColumn } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { Prisma, RequestStatus, UnitType } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { applicantContact, contactSelect } from "@/lib/review/common";
import { householdBelowUnitType } from "@/lib/rules/exchange";
import { entitledUnitType } from "@/lib/rules/unit-type";

// The exchange list (Art. 33: "exchanges are allocated by the ordered waiting list"): an approved
// exchange puts the household on the EXCHANGE list of an estate for the unit type it may take,
// ranked by the time of approval (WaitingListEntry.acceptedAt). Kept apart from lib/tenancy/exchanges.ts
// so that the countersignature of a renewal lease (leases.ts) can open a mandatory exchange without
// a cycle of imports.

type Tx = Prisma.TransactionClient;

/** Open statuses: the predicate of ExchangeRequest_open_key. */
export const OPEN_EXCHANGE_STATUSES: readonly RequestStatus[] = ["SUBMITTED", "UNDER_REVIEW", "APPROVED"];
export const EXCHANGE_OPEN_INDEX = "ExchangeRequest_open_key";
export const WAITING_LIVE_INDEX = "WaitingListEntry_live_key";

export function exchangeProblem(key: string, code: "CONFLICT" | "VALIDATION" = "CONFLICT"): AppError {
  return new AppError(code, { messageKey: `exchanges.errors.${key}` });
}

/** The household in the form the rules read. */
export function rulesMembers(members: Array<{ relationship: string; sex: "M" | "F"; birthDate: Date; fullCivilCapacity: boolean; annualIncomeFen: number }>) {
  return members.map((m) => ({
    relationship: m.relationship as Parameters<typeof entitledUnitType>[0][number]["relationship"],
    sex: m.sex,
    birthDate: fromDateColumn(m.birthDate),
    fullCivilCapacity: m.fullCivilCapacity,
    annualIncomeFen: m.annualIncomeFen,
  }));
}

export const memberSelect = { relationship: true, sex: true, birthDate: true, fullCivilCapacity: true, annualIncomeFen: true } satisfies Prisma.HouseholdMemberSelect;

/**
 * The estate whose exchange list the household joins: the one chosen (active, in the lease's
 * district), or the lease's own.
 */
export async function exchangeEstate(db: Tx, districtCode: string, ownEstateId: string, chosen: string | null): Promise<{ id: string; name: string }> {
  const estate = await db.estate.findFirst({ where: { id: chosen ?? ownEstateId, districtCode, isActive: true }, select: { id: true, name: true } });
  if (!estate) throw new AppError("VALIDATION", { messageKey: "exchanges.errors.estateOutsideDistrict", fieldErrors: { estateId: ["exchanges.validation.estateInvalid"] } });
  return estate;
}

/** Puts an approved request's household on the estate's exchange list for its type, inside the caller's transaction. */
export async function queueExchange(tx: Tx, input: { requestId: string; applicationId: string; estateId: string; unitType: UnitType; at: Date }): Promise<string> {
  const entry = await tx.waitingListEntry.create({
    data: { applicationId: input.applicationId, estateId: input.estateId, unitType: input.unitType, purpose: "EXCHANGE", acceptedAt: input.at, isPriority: false, status: "WAITING", joinedAt: input.at },
    select: { id: true },
  });
  await tx.exchangeRequest.update({ where: { id: input.requestId }, data: { waitingListEntryId: entry.id } });
  return entry.id;
}

/**
 * Art. 33's mandatory exchange, inside the caller's transaction: a household below the unit type of
 * its lease at the end of its term is put on the exchange list of the estate (or the one chosen)
 * for the type it may take, as an approved request marked mandatory, and told. Until it exchanges
 * it pays 1.5 x (the renewal lease's rent basis). Null when the household is not below its unit type
 * or the lease already has an exchange under way.
 */
export async function openMandatoryExchangeInTx(tx: Tx, input: { actor: Actor; at: Date; leaseId: string; estateId?: string | null }): Promise<{ requestId: string } | null> {
  const lease = await tx.lease.findUniqueOrThrow({
    where: { id: input.leaseId },
    select: {
      id: true, leaseNo: true, applicationId: true,
      unit: { select: { unitType: true, estateId: true, estate: { select: { districtCode: true } } } },
      application: { select: { ...contactSelect, members: { select: memberSelect } } },
    },
  });
  const members = rulesMembers(lease.application.members);
  if (members.length === 0 || !householdBelowUnitType(members, lease.unit.unitType)) return null;
  const open = await tx.exchangeRequest.findFirst({ where: { leaseId: lease.id, status: { in: [...OPEN_EXCHANGE_STATUSES] } }, select: { id: true } });
  if (open) return null;
  const districtCode = lease.unit.estate.districtCode;
  const estate = await exchangeEstate(tx, districtCode, lease.unit.estateId, input.estateId ?? null);
  const unitType = entitledUnitType(members);
  const request = await tx.exchangeRequest.create({
    data: {
      leaseId: lease.id,
      reason: "HOUSEHOLD_SHRANK",
      isMandatory: true,
      requestedUnitType: unitType,
      status: "APPROVED",
      submittedAt: input.at,
      decidedById: input.actor.id,
      decidedAt: input.at,
      decisionReason: "租赁期满时同住人数减少，不符合现住房屋的配租户型标准，应当换租；换租前按公共租赁住房租金标准的1.5倍计收租金（第三十三条）。",
    },
    select: { id: true },
  });
  await queueExchange(tx, { requestId: request.id, applicationId: lease.applicationId, estateId: estate.id, unitType, at: input.at });
  await notifyApplicant(tx, {
    applicationId: lease.applicationId,
    ...applicantContact(lease.application),
    templateKey: "exchanges.mandatory",
    params: { leaseNo: lease.leaseNo, estate: estate.name },
    dedupeKey: `exchange:${request.id}:mandatory`,
    at: input.at,
  });
  await writeAudit(
    { actorId: input.actor.id, actorRole: input.actor.role, action: "exchange.mandatory", entityType: "ExchangeRequest", entityId: request.id, districtCode, data: { leaseNo: lease.leaseNo, estateId: estate.id, unitType } },
    tx,
  );
  return { requestId: request.id };
}
