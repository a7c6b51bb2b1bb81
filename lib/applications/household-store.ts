import "server-only";
import { randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { dateColumn } from "@/lib/clock";
import type { ApplicationSource, EmploymentBasis, EstateLevel, MaritalStatus, PriorityCategory, Prisma, Relationship, Role } from "@/lib/generated/prisma/client";
import { birthDateFromResidentId, sexFromResidentId, type ISODate } from "@/lib/rules";
import { DRAFT_CREATED_ACTION } from "./draft-data";
import { alreadyHousedError } from "./errors";
import { findClaimedResidentIds } from "./household-claims";
import { DRAFT_NUMBER_PREFIX } from "./numbering";

// THE write path of an application and its household, shared by the portal's draft steps, the
// final submission and the intake API: one way to create the record, store the members (sex and
// birth date from each resident ID), the declaration and the estate preferences, and one way to
// claim people under Art. 12. Every function runs inside the caller's transaction.

type Tx = Prisma.TransactionClient;

/** Advisory-lock namespace for Art. 12 claims (pg_advisory_xact_lock(key1, key2) with key1 = 12). */
const ART12_LOCK_SPACE = 12;

/**
 * Art. 12: takes a transaction-scoped lock per person (sorted, so two households sharing people
 * never wait on each other in opposite orders), then refuses anyone another open application or
 * an occupying lease already claims. The lock makes "check, then insert" atomic: a second
 * submission naming the same person waits until the first commits and then sees its claim.
 */
export async function claimPeople(
  tx: Tx,
  people: ReadonlyArray<{ path: string; residentId: string }>,
  exceptApplicationId: string | null,
  options: { whileLocked?: () => Promise<void> } = {},
): Promise<void> {
  const ids = [...new Set(people.map((p) => p.residentId))].sort();
  for (const id of ids) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ART12_LOCK_SPACE}::int4, hashtext(${id}::text))`;
  }
  // E.g. the intake API's replay check: a second delivery of one application waited here for the
  // first, and is a replay of it, not a second household claiming the same people.
  await options.whileLocked?.();
  const claimed = await findClaimedResidentIds(tx, ids, exceptApplicationId);
  if (claimed.size > 0) throw alreadyHousedError(people.filter((p) => claimed.has(p.residentId)).map((p) => p.path));
}

/** The people of an application with their field paths: the applicant, then members.0, members.1... */
export function peopleOf(input: { applicant: { residentId: string }; members: ReadonlyArray<{ residentId: string }> }): Array<{ path: string; residentId: string }> {
  return [
    { path: "applicant.residentId", residentId: input.applicant.residentId },
    ...input.members.map((m, i) => ({ path: `members.${i}.residentId`, residentId: m.residentId })),
  ];
}

export interface NewApplicationRecord {
  source: ApplicationSource;
  applicantUserId: string | null;
  contactPhone: string | null;
  districtCode: string;
  estateLevel: EstateLevel;
  externalId?: string | null;
  actor: { id: string; role: Role } | null;
  at: Date;
  /** Kept in the audit row of the creation (e.g. the platform's submission time). */
  auditData?: Record<string, Prisma.InputJsonValue | null>;
}

/** A new application in DRAFT with a provisional number, its first status event and audit row. */
export async function createApplicationRecord(tx: Tx, input: NewApplicationRecord): Promise<{ id: string }> {
  const created = await tx.application.create({
    data: {
      applicationNo: `${DRAFT_NUMBER_PREFIX}${randomBytes(12).toString("hex")}`,
      externalId: input.externalId ?? null,
      source: input.source,
      applicantUserId: input.applicantUserId,
      contactPhone: input.contactPhone,
      districtCode: input.districtCode,
      estateLevel: input.estateLevel,
      status: "DRAFT",
      statusChangedAt: input.at,
      createdAt: input.at,
    },
    select: { id: true },
  });
  await tx.applicationStatusEvent.create({
    data: { applicationId: created.id, fromStatus: null, toStatus: "DRAFT", at: input.at, actorId: input.actor?.id ?? null, actorRole: input.actor?.role ?? null },
  });
  await writeAudit(
    {
      actorId: input.actor?.id ?? null,
      actorRole: input.actor?.role ?? null,
      action: DRAFT_CREATED_ACTION,
      entityType: "Application",
      entityId: created.id,
      districtCode: input.districtCode,
      data: { source: input.source, ...input.auditData },
    },
    tx,
  );
  return created;
}

export interface PersonRow {
  relationship: Relationship;
  name: string;
  residentId: string;
  maritalStatus: MaritalStatus | null;
  fullCivilCapacity: boolean;
  annualIncomeFen: number;
}

/** Replaces the household's members with exactly these people. */
export async function writeMembers(tx: Tx, applicationId: string, people: readonly PersonRow[]): Promise<void> {
  await tx.householdMember.deleteMany({ where: { applicationId } });
  await tx.householdMember.createMany({
    data: people.map((p) => ({
      applicationId,
      relationship: p.relationship,
      name: p.name,
      residentId: p.residentId,
      sex: sexFromResidentId(p.residentId),
      birthDate: dateColumn(birthDateFromResidentId(p.residentId)),
      maritalStatus: p.maritalStatus,
      fullCivilCapacity: p.fullCivilCapacity,
      annualIncomeFen: p.annualIncomeFen,
    })),
  });
}

export interface WorkDeclaration {
  employment: EmploymentBasis;
  employerName: string | null;
  workDistrictCode: string | null;
  isMigrantWorker: boolean;
}

export interface HousingDeclaration {
  ownsUrbanHousingInCity: boolean;
  housingFloorAreaDm2: number;
  lastHousingTransferDate: ISODate | null;
  familyCanSupportHousing: boolean;
  priorityCategories: PriorityCategory[];
  receivesRentalSubsidy: boolean;
}

function housingColumns(housing: HousingDeclaration) {
  return {
    ...housing,
    lastHousingTransferDate: housing.lastHousingTransferDate ? dateColumn(housing.lastHousingTransferDate) : null,
  };
}

/**
 * Writes the declaration: work (step 2) and housing (step 3) together, or one part of it. Until
 * the housing part is given, a new declaration holds placeholder answers that are never read as
 * answers (see savedSteps in draft-data.ts).
 */
export async function writeDeclaration(tx: Tx, applicationId: string, parts: { work?: WorkDeclaration; housing?: HousingDeclaration }): Promise<void> {
  const housing = parts.housing ? housingColumns(parts.housing) : {};
  if (!parts.work) {
    await tx.applicationDeclaration.update({ where: { applicationId }, data: housing });
    return;
  }
  const placeholders = { ownsUrbanHousingInCity: false, familyCanSupportHousing: false, priorityCategories: [] as PriorityCategory[] };
  const update = { ...parts.work, ...housing };
  await tx.applicationDeclaration.upsert({ where: { applicationId }, create: { applicationId, ...placeholders, ...update }, update });
}

/** Replaces the estate preferences (in order, Art. 23) and records the unit type asked for (Art. 21). */
export async function writePreferences(tx: Tx, applicationId: string, estateCodes: readonly string[]): Promise<void> {
  const estates = await tx.estate.findMany({ where: { code: { in: [...estateCodes] } }, select: { id: true, code: true } });
  await tx.applicationEstatePreference.deleteMany({ where: { applicationId } });
  await tx.applicationEstatePreference.createMany({
    data: estateCodes.map((code, i) => ({ applicationId, estateId: estates.find((e) => e.code === code)!.id, rank: i + 1 })),
  });
}
