import "server-only";
import { parseInput } from "@/lib/allocation/inputs";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import { Prisma, type RentBasis, type RentStandardStatus, type UnitType } from "@/lib/generated/prisma/client";
import { addDays, addMonths } from "@/lib/rules/dates";
import { maxStandardRentFen, monthlyRentFen } from "@/lib/rules/rent";
import { isRentReviewDue, rentOnBasisFen, rentReviewDate, rentTierProblems, reviewedTiers, type RentTierProblem } from "@/lib/rules/rent-standards";
import type { ISODate } from "@/lib/rules/types";
import {
  createRentStandardSchema,
  createReviewSchema,
  decideRentStandardSchema,
  reviewRentStandardSchema,
  type CreateRentStandardData,
  type CreateReviewData,
  type RentStandardFilter,
  type ReviewRentStandardData,
  type RentTierInput,
} from "./rent-standard-schemas";

// Rent standards (Art. 27, 33, 38, 45). Rent is set by the government, at most 60 % of the market
// rent, in tiers by household income, with the former low-rent rate for 低保/特困/低保边缘
// households, reviewed every three years by the mean change of urban per-capita disposable income,
// CPI and the housing-rent index, and published. An officer of the municipal agency drafts a
// standard (or the review of one in force, a new dated draft pointing at it); a second officer
// approves it once (a conditional update that also says "not the creator") or rejects it with a
// reason. Approval publishes it, ends the standard it follows on its date and gives every living
// lease on that standard the new rent from that date (`Lease.nextRent*`, set-based), which the
// billing run charges for the periods starting on or after it; every bill records the standard
// and the multiplier it used. One approved standard per estate, unit type and date is the partial
// unique index RentStandard_approvedFrom_key.

type Tx = Prisma.TransactionClient;
type Db = Tx | typeof prisma;

export const RENT_STANDARD_PAGE_SIZE = 20;
const APPROVED_FROM_INDEX = "RentStandard_approvedFrom_key";
/** Leases whose rent a new standard re-rates: being signed, in force or held over. */
const RERATED_LEASE_STATUSES = ["PENDING_SIGNATURE", "AWAITING_COUNTERSIGNATURE", "ACTIVE", "HOLDING_OVER"] as const;

function conflict(key: string): AppError {
  return new AppError("CONFLICT", { messageKey: `rentStandards.errors.${key}` });
}

function notFound(): AppError {
  return new AppError("NOT_FOUND", { messageKey: "rentStandards.errors.notFound" });
}

/** The first day of the month after `today`: the earliest date an approval can take effect from. */
export function earliestApprovableDate(today: ISODate): ISODate {
  return addMonths(`${today.slice(0, 7)}-01`, 1);
}

/** Tier problems (lib/rules) as the form's field errors. */
function tierFieldErrors(problems: RentTierProblem[], tiers: readonly RentTierInput[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const incomeRows = tiers.filter((t) => !t.isLowRent);
  for (const p of problems) {
    const tier = p.index === null ? null : tiers[p.index]!;
    const field = tier === null ? "tierRate.0" : tier.isLowRent ? "lowRentRate" : p.code === "BOUNDS_NOT_ASCENDING" || p.code === "LAST_TIER_BOUNDED" || p.code === "MIDDLE_TIER_UNBOUNDED" ? `tierMax.${incomeRows.indexOf(tier)}` : `tierRate.${incomeRows.indexOf(tier)}`;
    (errors[field] ??= []).push(`rentStandards.validation.tier.${p.code}`);
  }
  return errors;
}

function assertTiers(tiers: readonly RentTierInput[], marketRentFenPerM2: number, marketField = "marketRent"): void {
  const problems = rentTierProblems(tiers, marketRentFenPerM2);
  if (problems.length === 0) return;
  const fieldErrors = tierFieldErrors(problems, tiers);
  if (problems.some((p) => p.code === "ABOVE_MARKET_SHARE")) (fieldErrors[marketField] ??= []).push("rentStandards.validation.tier.ABOVE_MARKET_SHARE");
  throw new AppError("VALIDATION", { fieldErrors });
}

/** The tier a standard's own "standard rent" stands for: its last (unbounded) income tier. */
function headlineRate(tiers: readonly RentTierInput[]): number {
  const income = tiers.filter((t) => !t.isLowRent).sort((a, b) => a.tierNo - b.tierNo);
  return income[income.length - 1]!.rentFenPerM2;
}

async function estateFor(estateId: string) {
  const estate = await prisma.estate.findUnique({ where: { id: estateId }, select: { id: true, code: true, name: true, districtCode: true } });
  if (!estate) throw new AppError("VALIDATION", { fieldErrors: { estateId: ["rentStandards.validation.estateRequired"] } });
  return estate;
}

/** Writes a draft (new or reviewed) once per form key; a retried form gets the same draft back. */
async function writeDraft(
  actor: Actor,
  args: {
    estate: { id: string; code: string; districtCode: string };
    unitType: UnitType | null;
    effectiveFrom: ISODate;
    documentNo: string;
    marketRentFenPerM2: number;
    tiers: readonly RentTierInput[];
    formKey: string;
    reviewOfId: string | null;
    changesBp: { disposableIncomeBp: number; cpiBp: number; rentIndexBp: number } | null;
    at: Date;
  },
): Promise<{ standardId: string }> {
  try {
    return await prisma.$transaction(async (tx) => {
      const standard = await tx.rentStandard.create({
        data: {
          estateId: args.estate.id,
          unitType: args.unitType,
          effectiveFrom: dateColumn(args.effectiveFrom),
          marketRentFenPerM2: args.marketRentFenPerM2,
          standardRentFenPerM2: headlineRate(args.tiers),
          nextReviewDate: dateColumn(rentReviewDate(args.effectiveFrom)),
          documentNo: args.documentNo,
          createdById: actor.id,
          createdAt: args.at,
          status: "DRAFT",
          reviewOfId: args.reviewOfId,
          disposableIncomeChangeBp: args.changesBp?.disposableIncomeBp ?? null,
          cpiChangeBp: args.changesBp?.cpiBp ?? null,
          rentIndexChangeBp: args.changesBp?.rentIndexBp ?? null,
          formKey: args.formKey,
          tiers: { create: args.tiers.map((t) => ({ tierNo: t.tierNo, name: t.name, isLowRent: t.isLowRent, maxPerCapitaIncomeFen: t.maxPerCapitaIncomeFen, rentFenPerM2: t.rentFenPerM2 })) },
        },
        select: { id: true },
      });
      await writeAudit(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: args.reviewOfId ? "rentStandard.review" : "rentStandard.create",
          entityType: "RentStandard",
          entityId: standard.id,
          districtCode: args.estate.districtCode,
          data: {
            estateCode: args.estate.code,
            unitType: args.unitType,
            effectiveFrom: args.effectiveFrom,
            documentNo: args.documentNo,
            marketRentFenPerM2: args.marketRentFenPerM2,
            tiers: args.tiers.map((t) => ({ tierNo: t.tierNo, isLowRent: t.isLowRent, maxPerCapitaIncomeFen: t.maxPerCapitaIncomeFen, rentFenPerM2: t.rentFenPerM2 })),
            ...(args.reviewOfId ? { reviewOfId: args.reviewOfId, changesBp: args.changesBp } : {}),
          } as Prisma.InputJsonValue,
        },
        tx,
      );
      return { standardId: standard.id };
    });
  } catch (error) {
    if (!isUniqueViolation(error, "formKey")) throw error;
    const existing = await prisma.rentStandard.findUnique({ where: { formKey: args.formKey }, select: { id: true, createdById: true } });
    if (!existing || existing.createdById !== actor.id) throw conflict("formReused");
    return { standardId: existing.id };
  }
}

/** An officer of the municipal agency drafts a standard for an estate (and one unit type, or all). */
export async function createRentStandard(actor: Actor, input: unknown, options: { now?: Date } = {}): Promise<{ standardId: string }> {
  assertCan(actor, "rentStandard:manage");
  return createRentStandardFrom(actor, parseInput(createRentStandardSchema, input), options);
}

/** The same, from input the action has parsed. */
export async function createRentStandardFrom(actor: Actor, data: CreateRentStandardData, options: { now?: Date } = {}): Promise<{ standardId: string }> {
  assertCan(actor, "rentStandard:manage");
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  if (data.effectiveFrom < today) throw new AppError("VALIDATION", { fieldErrors: { effectiveFrom: ["rentStandards.validation.effectiveInPast"] } });
  assertTiers(data.tiers, data.marketRentFenPerM2);
  const estate = await estateFor(data.estateId);
  assertCan(actor, "rentStandard:manage", { districtCode: estate.districtCode });
  await assertNoApprovedOn(estate.id, data.unitType, data.effectiveFrom);
  return writeDraft(actor, { estate, unitType: data.unitType, effectiveFrom: data.effectiveFrom, documentNo: data.documentNo, marketRentFenPerM2: data.marketRentFenPerM2, tiers: data.tiers, formKey: data.formKey, reviewOfId: null, changesBp: null, at });
}

/** Early answer for the form: an approved standard from the same date (the index decides at approval). */
async function assertNoApprovedOn(estateId: string, unitType: UnitType | null, effectiveFrom: ISODate): Promise<void> {
  const clash = await prisma.rentStandard.count({ where: { estateId, unitType, effectiveFrom: dateColumn(effectiveFrom), status: "APPROVED" } });
  if (clash > 0) throw new AppError("VALIDATION", { fieldErrors: { effectiveFrom: ["rentStandards.validation.overlap"] } });
}

// ───────────── the three-yearly review (Art. 27) ─────────────

const standardSelect = {
  id: true, estateId: true, unitType: true, effectiveFrom: true, effectiveTo: true, marketRentFenPerM2: true, standardRentFenPerM2: true,
  nextReviewDate: true, documentNo: true, publishedAt: true, status: true, createdById: true, createdAt: true, reviewOfId: true,
  disposableIncomeChangeBp: true, cpiChangeBp: true, rentIndexChangeBp: true, approvedAt: true, rejectedAt: true, rejectionReason: true,
  estate: { select: { id: true, code: true, name: true, districtCode: true } },
  createdBy: { select: { name: true } },
  approvedBy: { select: { name: true } },
  rejectedBy: { select: { name: true } },
  tiers: { select: { id: true, tierNo: true, name: true, isLowRent: true, maxPerCapitaIncomeFen: true, rentFenPerM2: true }, orderBy: [{ isLowRent: "asc" }, { tierNo: "asc" }] },
} satisfies Prisma.RentStandardSelect;
type StandardRow = Prisma.RentStandardGetPayload<{ select: typeof standardSelect }>;

async function standardInReach(actor: Actor, standardId: string, permission: "rentStandard:read" | "rentStandard:manage"): Promise<StandardRow> {
  const row = await prisma.rentStandard.findUnique({ where: { id: standardId }, select: standardSelect });
  if (!row || !can(actor, "rentStandard:read", { districtCode: row.estate.districtCode })) throw notFound();
  assertCan(actor, permission, { districtCode: row.estate.districtCode });
  return row;
}

/** Whether a standard is in force on `today`: approved, published, begun and not ended. */
function isInForce(s: { status: RentStandardStatus; publishedAt: Date | null; effectiveFrom: Date; effectiveTo: Date | null }, today: ISODate): boolean {
  return s.status === "APPROVED" && s.publishedAt !== null && fromDateColumn(s.effectiveFrom) <= today && (s.effectiveTo === null || fromDateColumn(s.effectiveTo) > today);
}

export interface ReviewPreview {
  standardId: string;
  documentNo: string | null;
  effectiveFrom: ISODate;
  marketRentFenPerM2: number;
  newMarketRentFenPerM2: number;
  changesBp: { disposableIncomeBp: number; cpiBp: number; rentIndexBp: number };
  /** The mean change, in basis points, unrounded. */
  meanChangeBp: number;
  tiers: Array<{ tierNo: number; name: string; isLowRent: boolean; maxPerCapitaIncomeFen: number | null; previousRentFenPerM2: number; rentFenPerM2: number; capped: boolean }>;
}

/** A review's rates, computed and not written: what the officer sees before creating the draft. */
export async function previewReview(actor: Actor, input: unknown, options: { now?: Date } = {}): Promise<ReviewPreview> {
  assertCan(actor, "rentStandard:manage");
  return previewReviewFrom(actor, parseInput(reviewRentStandardSchema, input), options);
}

async function previewReviewFrom(actor: Actor, data: ReviewRentStandardData, options: { now?: Date } = {}): Promise<ReviewPreview> {
  assertCan(actor, "rentStandard:manage");
  const current = await standardInReach(actor, data.standardId, "rentStandard:manage");
  const today = todayCST(options.now ?? clockNow());
  if (!isInForce(current, today)) throw conflict("notInForce");
  if (data.effectiveFrom < today) throw new AppError("VALIDATION", { fieldErrors: { effectiveFrom: ["rentStandards.validation.effectiveInPast"] } });
  if (data.effectiveFrom <= fromDateColumn(current.effectiveFrom)) throw new AppError("VALIDATION", { fieldErrors: { effectiveFrom: ["rentStandards.validation.reviewAfterCurrent"] } });
  const market = data.marketRent ?? current.marketRentFenPerM2;
  const changesBp = { disposableIncomeBp: data.disposableIncomeChange, cpiBp: data.cpiChange, rentIndexBp: data.rentIndexChange };
  if (Object.values(changesBp).some((bp) => bp < -10_000 || bp > 10_000)) throw new AppError("VALIDATION", { fieldErrors: { cpiChange: ["rentStandards.validation.changeInvalid"] } });
  const cap = maxStandardRentFen(market);
  const tiers = reviewedTiers(current.tiers, market, changesBp).map((t) => ({
    tierNo: t.tierNo, name: t.name, isLowRent: t.isLowRent, maxPerCapitaIncomeFen: t.maxPerCapitaIncomeFen, previousRentFenPerM2: t.previousRentFenPerM2, rentFenPerM2: t.rentFenPerM2, capped: t.rentFenPerM2 === cap,
  }));
  return {
    standardId: current.id,
    documentNo: current.documentNo,
    effectiveFrom: data.effectiveFrom,
    marketRentFenPerM2: current.marketRentFenPerM2,
    newMarketRentFenPerM2: market,
    changesBp,
    meanChangeBp: (changesBp.disposableIncomeBp + changesBp.cpiBp + changesBp.rentIndexBp) / 3,
    tiers,
  };
}

/** Creates the reviewed standard as a new dated draft pointing at the one in force (Art. 27). */
export async function createReview(actor: Actor, input: unknown, options: { now?: Date } = {}): Promise<{ standardId: string }> {
  assertCan(actor, "rentStandard:manage");
  return createReviewFrom(actor, parseInput(createReviewSchema, input), options);
}

/** The same, from input the action has parsed. */
export async function createReviewFrom(actor: Actor, data: CreateReviewData, options: { now?: Date } = {}): Promise<{ standardId: string }> {
  const at = options.now ?? clockNow();
  const preview = await previewReviewFrom(actor, data, { now: at });
  const current = await prisma.rentStandard.findUniqueOrThrow({ where: { id: data.standardId }, select: { unitType: true, estate: { select: { id: true, code: true, districtCode: true } } } });
  const tiers: RentTierInput[] = preview.tiers.map((t) => ({ tierNo: t.tierNo, name: t.name, isLowRent: t.isLowRent, maxPerCapitaIncomeFen: t.maxPerCapitaIncomeFen, rentFenPerM2: t.rentFenPerM2 }));
  assertTiers(tiers, preview.newMarketRentFenPerM2);
  await assertNoApprovedOn(current.estate.id, current.unitType, data.effectiveFrom);
  return writeDraft(actor, {
    estate: current.estate,
    unitType: current.unitType,
    effectiveFrom: data.effectiveFrom,
    documentNo: data.documentNo,
    marketRentFenPerM2: preview.newMarketRentFenPerM2,
    tiers,
    formKey: data.formKey,
    reviewOfId: data.standardId,
    changesBp: preview.changesBp,
    at,
  });
}

// ───────────── the second officer's decision ─────────────

/**
 * A second officer approves a draft (published at once, in force from its date; the standard it
 * follows ends then; living leases on that one carry the new rent from the date) or rejects it
 * with a reason. Decided once: the update takes a DRAFT not created by the actor.
 */
export async function decideRentStandard(actor: Actor, input: unknown, options: { now?: Date } = {}): Promise<{ standardId: string; status: RentStandardStatus; reratedLeases: number }> {
  assertCan(actor, "rentStandard:manage");
  const data = parseInput(decideRentStandardSchema, input);
  const standard = await standardInReach(actor, data.standardId, "rentStandard:manage");
  if (standard.status !== "DRAFT") throw conflict("alreadyDecided");
  if (standard.createdById === actor.id) throw conflict("secondOfficer");
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const audit = (tx: Tx, action: string, extra: Prisma.InputJsonObject = {}, reason?: string) =>
    writeAudit({ actorId: actor.id, actorRole: actor.role, action, entityType: "RentStandard", entityId: standard.id, districtCode: standard.estate.districtCode, data: { documentNo: standard.documentNo, ...extra }, reason }, tx);
  if (data.decision === "REJECT") {
    await prisma.$transaction(async (tx) => {
      const moved = await tx.rentStandard.updateMany({ where: { id: standard.id, status: "DRAFT", createdById: { not: actor.id } }, data: { status: "REJECTED", rejectedById: actor.id, rejectedAt: at, rejectionReason: data.reason } });
      if (moved.count !== 1) throw conflict("alreadyDecided");
      await audit(tx, "rentStandard.reject", {}, data.reason);
    });
    return { standardId: standard.id, status: "REJECTED", reratedLeases: 0 };
  }
  const effectiveFrom = fromDateColumn(standard.effectiveFrom);
  // Bills of a month are issued on its first day: a standard approved from a later month on is
  // billed from its date exactly, and no bill already issued has to change.
  if (effectiveFrom < earliestApprovableDate(today)) throw conflict("tooLateToApprove");
  try {
    const rerated = await prisma.$transaction(async (tx) => {
      const moved = await tx.rentStandard.updateMany({
        where: { id: standard.id, status: "DRAFT", createdById: { not: actor.id } },
        data: { status: "APPROVED", approvedById: actor.id, approvedAt: at, publishedAt: at },
      });
      if (moved.count !== 1) throw conflict("alreadyDecided");
      // A standard approved for a later date of the same estate and type would be cut short.
      const later = await tx.rentStandard.count({ where: { estateId: standard.estateId, unitType: standard.unitType, status: "APPROVED", effectiveFrom: { gt: standard.effectiveFrom } } });
      if (later > 0) throw conflict("laterApproved");
      // The standards it follows end on its date.
      const previous = await tx.rentStandard.findMany({
        where: { estateId: standard.estateId, unitType: standard.unitType, status: "APPROVED", id: { not: standard.id }, effectiveFrom: { lt: standard.effectiveFrom }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: standard.effectiveFrom } }] },
        select: { id: true },
      });
      if (previous.length > 0) await tx.rentStandard.updateMany({ where: { id: { in: previous.map((p) => p.id) } }, data: { effectiveTo: standard.effectiveFrom } });
      let count = 0;
      for (const p of previous) count += await rerateLeases(tx, { fromStandardId: p.id, toStandardId: standard.id });
      await audit(tx, "rentStandard.approve", { effectiveFrom, ended: previous.map((p) => p.id), reratedLeases: count });
      return count;
    });
    return { standardId: standard.id, status: "APPROVED", reratedLeases: rerated };
  } catch (error) {
    if (isUniqueViolation(error, APPROVED_FROM_INDEX) || isUniqueViolation(error, "effectiveFrom")) throw conflict("overlap");
    throw error;
  }
}

// ───────────── re-rating living leases (Art. 27: government pricing, reviewed every 3 years) ─────────────

/**
 * Gives every living lease whose rent follows `fromStandardId` the rent of `toStandardId` from its
 * date (`nextRent*`), the tier of the same number, on the lease's own basis (lib/rules
 * rentOnBasisFen, capped at 60 % of the unit's market rent). Set-based: the distinct
 * (tier, area, market rent, basis) of those leases are priced by the rules, then one UPDATE … FROM
 * VALUES writes them all. Idempotent: a lease already on `toStandardId` is not taken again. A lease
 * whose next rent was already set by `fromStandardId` moves that rent up first.
 */
export async function rerateLeases(db: Db, args: { fromStandardId: string; toStandardId: string }): Promise<number> {
  const to = await db.rentStandard.findUniqueOrThrow({ where: { id: args.toStandardId }, select: { effectiveFrom: true, status: true, tiers: { select: { id: true, tierNo: true, rentFenPerM2: true } } } });
  if (to.status !== "APPROVED") return 0;
  const from = args.fromStandardId;
  const statuses = Prisma.join(RERATED_LEASE_STATUSES.map((s) => Prisma.sql`${s}::"LeaseStatus"`));
  const combos = await db.$queryRaw<Array<{ tierNo: number; floorAreaDm2: number; marketRentFen: number; rentBasis: RentBasis }>>`
    SELECT DISTINCT t."tierNo", u."floorAreaDm2", u."marketRentFen", l."rentBasis"
    FROM "Lease" l
    JOIN "Unit" u ON u."id" = l."unitId"
    JOIN "RentTier" t ON t."id" = CASE WHEN l."nextRentStandardId" = ${from} THEN l."nextRentTierId" ELSE l."rentTierId" END
    WHERE l."status" IN (${statuses})
      AND ((l."rentStandardId" = ${from} AND l."nextRentStandardId" IS NULL) OR l."nextRentStandardId" = ${from})`;
  const tierByNo = new Map(to.tiers.map((t) => [t.tierNo, t]));
  const priced = combos.flatMap((c) => {
    const tier = tierByNo.get(c.tierNo);
    if (!tier) return [];
    const standardRentFen = Math.min(monthlyRentFen(tier.rentFenPerM2, c.floorAreaDm2), maxStandardRentFen(c.marketRentFen));
    const rent = rentOnBasisFen({ basis: c.rentBasis, standardRentFen, marketRentFen: c.marketRentFen });
    return [Prisma.sql`(${c.tierNo}::int, ${c.floorAreaDm2}::int, ${c.marketRentFen}::int, ${c.rentBasis}::text, ${rent}::int, ${tier.id}::text)`];
  });
  if (priced.length === 0) return 0;
  // Every right-hand side reads the row as it was: a next rent of `from` moves up as the current one.
  return db.$executeRaw`
    UPDATE "Lease" l SET
      "monthlyRentFen" = CASE WHEN l."nextRentStandardId" = ${from} THEN l."nextMonthlyRentFen" ELSE l."monthlyRentFen" END,
      "rentTierId" = CASE WHEN l."nextRentStandardId" = ${from} THEN l."nextRentTierId" ELSE l."rentTierId" END,
      "rentStandardId" = CASE WHEN l."nextRentStandardId" = ${from} THEN l."nextRentStandardId" ELSE l."rentStandardId" END,
      "nextRentFrom" = ${to.effectiveFrom}::date,
      "nextMonthlyRentFen" = v.rent,
      "nextRentStandardId" = ${args.toStandardId},
      "nextRentTierId" = v."tierId",
      "updatedAt" = now()
    FROM "Unit" u, "RentTier" t, (VALUES ${Prisma.join(priced)}) AS v("tierNo", "floorAreaDm2", "marketRentFen", "rentBasis", rent, "tierId")
    WHERE u."id" = l."unitId"
      AND t."id" = CASE WHEN l."nextRentStandardId" = ${from} THEN l."nextRentTierId" ELSE l."rentTierId" END
      AND v."tierNo" = t."tierNo" AND v."floorAreaDm2" = u."floorAreaDm2" AND v."marketRentFen" = u."marketRentFen" AND v."rentBasis" = l."rentBasis"::text
      AND l."status" IN (${statuses})
      AND ((l."rentStandardId" = ${from} AND l."nextRentStandardId" IS NULL) OR l."nextRentStandardId" = ${from})`;
}

/**
 * The scheduled part (job `rent-standards`, idempotent): leases drawn up on a standard after its
 * successor was approved get the successor's rent too; and once a lease has a bill on its next
 * rent (every period before the date is billed by then), the next rent becomes the lease's rent.
 */
export async function applyRentStandards(options: { now?: Date } = {}): Promise<{ rerated: number; promoted: number }> {
  const today = todayCST(options.now ?? clockNow());
  // Successors approved whose date is near or to come: their predecessors end on their date.
  const successors = await prisma.rentStandard.findMany({
    where: { status: "APPROVED", effectiveFrom: { gte: dateColumn(addDays(today, -62)) } },
    select: { id: true, estateId: true, unitType: true, effectiveFrom: true },
  });
  let rerated = 0;
  for (const s of successors) {
    const predecessors = await prisma.rentStandard.findMany({ where: { status: "APPROVED", estateId: s.estateId, unitType: s.unitType, effectiveTo: s.effectiveFrom }, select: { id: true } });
    for (const p of predecessors) rerated += await rerateLeases(prisma, { fromStandardId: p.id, toStandardId: s.id });
  }
  const promoted = await prisma.$executeRaw`
    UPDATE "Lease" l SET
      "monthlyRentFen" = l."nextMonthlyRentFen", "rentStandardId" = l."nextRentStandardId", "rentTierId" = l."nextRentTierId",
      "nextRentFrom" = NULL, "nextMonthlyRentFen" = NULL, "nextRentStandardId" = NULL, "nextRentTierId" = NULL, "updatedAt" = now()
    WHERE l."nextRentFrom" IS NOT NULL AND l."nextRentFrom" <= ${dateColumn(today)}::date
      AND EXISTS (SELECT 1 FROM "Bill" b WHERE b."leaseId" = l."id" AND b."periodStart" >= l."nextRentFrom")`;
  return { rerated, promoted };
}

// ───────────── reading ─────────────

export interface RentStandardListItem {
  id: string;
  estate: { id: string; code: string; name: string };
  unitType: UnitType | null;
  effectiveFrom: ISODate;
  effectiveTo: ISODate | null;
  nextReviewDate: ISODate;
  documentNo: string | null;
  status: RentStandardStatus;
  inForce: boolean;
  /** Approved, and its end date has come. */
  ended: boolean;
  reviewDue: boolean;
  isReview: boolean;
}

function listItem(row: { id: string; estate: { id: string; code: string; name: string }; unitType: UnitType | null; effectiveFrom: Date; effectiveTo: Date | null; nextReviewDate: Date; documentNo: string | null; status: RentStandardStatus; publishedAt: Date | null; reviewOfId: string | null; reviews?: { id: string }[] }, today: ISODate): RentStandardListItem {
  const inForce = isInForce(row, today);
  const nextReviewDate = fromDateColumn(row.nextReviewDate);
  // Due: in force, the date has come, and no review of it under way or approved.
  const reviewed = (row.reviews ?? []).length > 0;
  return {
    id: row.id,
    estate: row.estate,
    unitType: row.unitType,
    effectiveFrom: fromDateColumn(row.effectiveFrom),
    effectiveTo: row.effectiveTo ? fromDateColumn(row.effectiveTo) : null,
    nextReviewDate,
    documentNo: row.documentNo,
    status: row.status,
    inForce,
    ended: row.status === "APPROVED" && row.effectiveTo !== null && fromDateColumn(row.effectiveTo) <= today,
    reviewDue: inForce && !reviewed && isRentReviewDue(nextReviewDate, today),
    isReview: row.reviewOfId !== null,
  };
}

const listSelect = {
  id: true, unitType: true, effectiveFrom: true, effectiveTo: true, nextReviewDate: true, documentNo: true, status: true, publishedAt: true, reviewOfId: true,
  estate: { select: { id: true, code: true, name: true } },
  reviews: { where: { status: { in: ["DRAFT", "APPROVED"] as RentStandardStatus[] } }, select: { id: true } },
} satisfies Prisma.RentStandardSelect;

/** The standards in the actor's reach, filtered by estate, status and review due, newest first. */
export async function listRentStandards(actor: Actor, filter: RentStandardFilter, options: { now?: Date } = {}) {
  const scope = scopeWhere(actor, "rentStandard:read", "RentStandard");
  if (scope === NOTHING) throw new AppError("FORBIDDEN");
  const today = todayCST(options.now ?? clockNow());
  const due: Prisma.RentStandardWhereInput = filter.due
    ? {
        status: "APPROVED",
        publishedAt: { not: null },
        effectiveFrom: { lte: dateColumn(today) },
        OR: [{ effectiveTo: null }, { effectiveTo: { gt: dateColumn(today) } }],
        nextReviewDate: { lte: dateColumn(today) },
        reviews: { none: { status: { in: ["DRAFT", "APPROVED"] } } },
      }
    : {};
  const where: Prisma.RentStandardWhereInput = { AND: [scope, filter.estate ? { estate: { code: filter.estate } } : {}, filter.status ? { status: filter.status } : {}, due] };
  const page = await readPage(
    filter.page,
    RENT_STANDARD_PAGE_SIZE,
    () => prisma.rentStandard.count({ where }),
    ({ skip, take }) => prisma.rentStandard.findMany({ where, select: listSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip, take }),
  );
  const estateScope = scopeWhere(actor, "rentStandard:read", "Estate");
  const estates = estateScope === NOTHING ? [] : await prisma.estate.findMany({ where: estateScope, select: { code: true, name: true }, orderBy: { code: "asc" } });
  return { items: page.rows.map((r) => listItem(r, today)), total: page.total, page: page.page, pageCount: page.pageCount, estates, canManage: can(actor, "rentStandard:manage") };
}

export interface RentStandardDetail extends RentStandardListItem {
  districtCode: string;
  marketRentFenPerM2: number;
  tiers: StandardRow["tiers"];
  createdByName: string | null;
  createdAt: Date;
  approvedByName: string | null;
  approvedAt: Date | null;
  rejectedByName: string | null;
  rejectedAt: Date | null;
  rejectionReason: string | null;
  publishedAt: Date | null;
  changesBp: { disposableIncomeBp: number; cpiBp: number; rentIndexBp: number } | null;
  /** The chain of reviews: the standards this one follows (oldest first) and those that follow it. */
  history: RentStandardListItem[];
  /** Leases whose rent follows this standard now or from its date. */
  leaseCount: number;
  can: { decide: boolean; review: boolean };
  /** Why the actor cannot decide, when it is a draft they may not decide. */
  decideBlocked: "ownDraft" | "tooLate" | null;
}

/** One standard with its tiers, its review chain and what the actor may do. */
export async function getRentStandard(actor: Actor, standardId: string, options: { now?: Date } = {}): Promise<RentStandardDetail> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(standardId)) throw notFound();
  const row = await standardInReach(actor, standardId, "rentStandard:read");
  const today = todayCST(options.now ?? clockNow());
  const withReviews = await prisma.rentStandard.findUniqueOrThrow({ where: { id: row.id }, select: listSelect });
  // The chain: walk back through reviewOf, then forward through reviews (a handful at most).
  const chain: RentStandardListItem[] = [];
  let back = row.reviewOfId;
  for (let i = 0; back && i < 20; i++) {
    const prev = await prisma.rentStandard.findUnique({ where: { id: back }, select: listSelect });
    if (!prev) break;
    chain.unshift(listItem(prev, today));
    back = prev.reviewOfId;
  }
  const forward = await prisma.rentStandard.findMany({ where: { reviewOfId: row.id }, select: listSelect, orderBy: { createdAt: "asc" } });
  const manages = can(actor, "rentStandard:manage", { districtCode: row.estate.districtCode });
  const item = listItem(withReviews, today);
  const ownDraft = row.status === "DRAFT" && row.createdById === actor.id;
  const tooLate = row.status === "DRAFT" && fromDateColumn(row.effectiveFrom) < earliestApprovableDate(today);
  const leaseCount = await prisma.lease.count({ where: { OR: [{ rentStandardId: row.id }, { nextRentStandardId: row.id }], status: { in: [...RERATED_LEASE_STATUSES] } } });
  return {
    ...item,
    districtCode: row.estate.districtCode,
    marketRentFenPerM2: row.marketRentFenPerM2,
    tiers: row.tiers,
    createdByName: row.createdBy?.name ?? null,
    createdAt: row.createdAt,
    approvedByName: row.approvedBy?.name ?? null,
    approvedAt: row.approvedAt,
    rejectedByName: row.rejectedBy?.name ?? null,
    rejectedAt: row.rejectedAt,
    rejectionReason: row.rejectionReason,
    publishedAt: row.publishedAt,
    changesBp: row.disposableIncomeChangeBp !== null && row.cpiChangeBp !== null && row.rentIndexChangeBp !== null ? { disposableIncomeBp: row.disposableIncomeChangeBp, cpiBp: row.cpiChangeBp, rentIndexBp: row.rentIndexChangeBp } : null,
    history: [...chain, ...forward.map((f) => listItem(f, today))],
    leaseCount,
    can: { decide: manages && row.status === "DRAFT" && !ownDraft && !tooLate, review: manages && item.inForce && forward.every((f) => f.status === "REJECTED") },
    decideBlocked: manages && row.status === "DRAFT" ? (ownDraft ? "ownDraft" : tooLate ? "tooLate" : null) : null,
  };
}

/** The estates a new standard can be drafted for (the actor's reach). */
export async function rentStandardFormOf(actor: Actor): Promise<{ estates: Array<{ id: string; code: string; name: string }> }> {
  assertCan(actor, "rentStandard:manage");
  const scope = scopeWhere(actor, "rentStandard:manage", "Estate");
  if (scope === NOTHING) throw new AppError("FORBIDDEN");
  return { estates: await prisma.estate.findMany({ where: scope, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }) };
}

// ───────────── the public page (Art. 27: "并向社会公布") ─────────────

export interface PublicRentStandard {
  id: string;
  estateName: string;
  estateCode: string;
  unitType: UnitType | null;
  documentNo: string | null;
  effectiveFrom: ISODate;
  effectiveTo: ISODate | null;
  marketRentFenPerM2: number;
  publishedAt: Date;
  upcoming: boolean;
  tiers: Array<{ tierNo: number; isLowRent: boolean; maxPerCapitaIncomeFen: number | null; rentFenPerM2: number }>;
}

/** The approved standards in force and those announced to come, by estate and unit type. */
export async function listPublicRentStandards(options: { now?: Date } = {}): Promise<PublicRentStandard[]> {
  const today = dateColumn(todayCST(options.now ?? clockNow()));
  const rows = await prisma.rentStandard.findMany({
    where: { status: "APPROVED", publishedAt: { not: null }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: today } }] },
    select: {
      id: true, unitType: true, documentNo: true, effectiveFrom: true, effectiveTo: true, marketRentFenPerM2: true, publishedAt: true,
      estate: { select: { code: true, name: true } },
      tiers: { select: { tierNo: true, isLowRent: true, maxPerCapitaIncomeFen: true, rentFenPerM2: true }, orderBy: [{ isLowRent: "asc" }, { tierNo: "asc" }] },
    },
    orderBy: [{ estate: { code: "asc" } }, { unitType: { sort: "asc", nulls: "first" } }, { effectiveFrom: "asc" }],
    take: 500,
  });
  return rows.map((r) => ({
    id: r.id,
    estateName: r.estate.name,
    estateCode: r.estate.code,
    unitType: r.unitType,
    documentNo: r.documentNo,
    effectiveFrom: fromDateColumn(r.effectiveFrom),
    effectiveTo: r.effectiveTo ? fromDateColumn(r.effectiveTo) : null,
    marketRentFenPerM2: r.marketRentFenPerM2,
    publishedAt: r.publishedAt!,
    upcoming: r.effectiveFrom > today,
    tiers: r.tiers,
  }));
}
