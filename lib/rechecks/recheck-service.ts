import "server-only";
import { transitionApplication } from "@/lib/applications/transitions";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { AppError } from "@/lib/errors";
import type { IneligibilityCode, ISODate } from "@/lib/rules";
import { assessEligibility, compareISODate } from "@/lib/rules";
import type { Prisma, RecheckStatus } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { compareHouseholdData, type Flag } from "@/lib/shared-data/compare";
import { declaredHousehold, householdSelect, loadPersonRecords, type HouseholdRow } from "@/lib/shared-data/comparison-service";
import { buildRecheckInput, type RecheckChange } from "./recheck-input";
import { cancellationReason, dismissalReason, reasonTitles, tenancyKeptReason } from "./reason-text";
import { referenceIncomeOn, type ReferenceIncome } from "@/lib/reference/reference-income";
import type { ConfirmCancellationInput, DismissRecheckInput, RecheckFilter, RecheckView } from "./schemas";

// The annual re-check of qualified households (Art. 20): every QUALIFIED application with an
// active qualification is assessed again with lib/rules against the latest shared data and the
// latest reference income R. Those still eligible pass; the others wait (PENDING) for a district
// officer, who confirms the cancellation (application CANCELLED, qualification cancelled, reasons
// to the applicant in the portal and by SMS) or dismisses it with a reason. One AnnualRecheck row
// per qualification and year (unique), so every run is idempotent.

/** The automatic run of year Y is due from this day of Y (after the previous year's tax data is in). */
export const ANNUAL_RECHECK_START = "03-01";
const CHUNK = 100;
export const RECHECK_PAGE_SIZE = 20;

export interface RecheckFindings {
  checkedOn: ISODate;
  referenceIncomeYear: number;
  referenceIncomeFen: number;
  eligible: boolean;
  reasons: Array<{ code: IneligibilityCode; article: string; params?: Record<string, string | number> }>;
  householdSize: number;
  perCapitaIncomeFen: number;
  incomeLimitFen: number;
  changes: RecheckChange[];
  flags: Flag[];
}

export interface RecheckRunResult {
  year: number;
  districtCode: string;
  checked: number;
  flagged: number;
  passed: number;
}

type Tx = Prisma.TransactionClient;

/**
 * R for a re-check on `checkDate` (Art. 13.4): the same rule as the pre-check (lib/rules
 * referenceIncomeYear). Without a usable figure the officer is told which year to enter.
 */
export async function referenceIncomeFor(checkDate: ISODate): Promise<ReferenceIncome> {
  const reference = await referenceIncomeOn(prisma, checkDate);
  if (!reference.found) throw new AppError("CONFLICT", { messageKey: "rechecks.errors.noReferenceIncome", values: { year: reference.missingYear } });
  return reference.found;
}

/** Assesses one household as of `checkDate`; pure apart from the records passed in. */
export function assessForRecheck(args: {
  app: HouseholdRow;
  records: Awaited<ReturnType<typeof loadPersonRecords>>;
  reference: { year: number; fen: number };
  checkDate: ISODate;
  bannedUntil: ISODate | null;
}): RecheckFindings | null {
  const household = declaredHousehold(args.app, args.checkDate);
  const d = args.app.declaration;
  if (!household || !d) return null;
  const comparison = compareHouseholdData({ household, records: args.records.records, availableSources: args.records.availableSources });
  const { input, changes } = buildRecheckInput({
    household: {
      members: args.app.members.map((m) => ({
        id: m.id,
        relationship: m.relationship,
        sex: m.sex,
        birthDate: fromDateColumn(m.birthDate),
        fullCivilCapacity: m.fullCivilCapacity,
        annualIncomeFen: m.annualIncomeFen,
      })),
      employment: d.employment,
      ownsUrbanHousingInCity: d.ownsUrbanHousingInCity,
      housingFloorAreaDm2: d.housingFloorAreaDm2,
      lastHousingTransferDate: d.lastHousingTransferDate ? fromDateColumn(d.lastHousingTransferDate) : null,
      familyCanSupportHousing: d.familyCanSupportHousing,
      priorityCategories: d.priorityCategories,
    },
    comparison,
    referenceIncomeFen: args.reference.fen,
    checkDate: args.checkDate,
    bannedUntil: args.bannedUntil,
  });
  const result = assessEligibility(input);
  return {
    checkedOn: args.checkDate,
    referenceIncomeYear: args.reference.year,
    referenceIncomeFen: args.reference.fen,
    eligible: result.eligible,
    reasons: result.reasons.map((r) => ({ code: r.code, article: r.article, ...(r.params ? { params: r.params } : {}) })),
    householdSize: result.householdSize,
    perCapitaIncomeFen: result.perCapitaIncomeFen,
    incomeLimitFen: result.incomeLimitFen,
    changes,
    flags: comparison.flags,
  };
}

/**
 * Assesses a batch of households at once: the shared data of all their members and the bans in
 * force in two reads, then `assessForRecheck` for each. Used by the yearly runs (Art. 20, 42).
 */
export async function assessHouseholds<T extends { application: HouseholdRow }>(
  batch: readonly T[],
  reference: { year: number; fen: number },
  checkDate: ISODate,
): Promise<Array<{ item: T; findings: RecheckFindings | null }>> {
  const residentIds = batch.flatMap((b) => b.application.members.map((m) => m.residentId));
  const [records, bans] = await Promise.all([
    loadPersonRecords(prisma, residentIds),
    prisma.ban.findMany({
      where: { residentId: { in: residentIds }, liftedAt: null, bannedUntil: { gt: dateColumn(checkDate) } },
      select: { residentId: true, bannedUntil: true },
    }),
  ]);
  return batch.map((item) => {
    const ids = new Set(item.application.members.map((m) => m.residentId));
    const bannedUntil =
      bans
        .filter((b) => ids.has(b.residentId))
        .map((b) => fromDateColumn(b.bannedUntil))
        .sort((a, b) => compareISODate(b, a))[0] ?? null;
    return { item, findings: assessForRecheck({ app: item.application, records, reference, checkDate, bannedUntil }) };
  });
}

/** The stored outcome of one assessment: passed at once, or waiting (PENDING) for an officer. */
export function recheckRow(findings: RecheckFindings | null, checkDate: ISODate, now: Date) {
  // A household always has a declaration here; without one there is nothing to assess.
  const eligible = findings?.eligible ?? true;
  return {
    status: eligible ? ("PASSED" as const) : ("PENDING" as const),
    findings: (findings ?? { checkedOn: checkDate, eligible: true, reasons: [] }) as unknown as Prisma.InputJsonValue,
    reasons: eligible ? null : reasonTitles(findings?.reasons.map((r) => r.code) ?? []),
    decidedAt: eligible ? now : null,
  };
}

/**
 * One run of a yearly check in a district, shared by the re-check of qualifications (Art. 20) and
 * the check of tenancies (Art. 42): batches of households not yet checked in `year` (`nextBatch`
 * leaves out those with a row of that year), each assessed and written as one AnnualRecheck row per
 * owner and year (unique), so a concurrent run's rows are skipped, not doubled, and not counted.
 * `actor` is the officer who started it (null for the yearly job); the run is audited as `action`.
 */
export async function runYearlyCheck<T extends { id: string; application: HouseholdRow }>(
  args: { districtCode: string; year: number; actor: Actor | null; now?: Date },
  check: { action: string; nextBatch: (take: number) => Promise<T[]>; owner: (item: T) => Pick<Prisma.AnnualRecheckCreateManyInput, "kind" | "qualificationId" | "leaseId"> },
): Promise<RecheckRunResult> {
  const { districtCode, year, actor } = args;
  if (actor) assertCan(actor, "recheck:manage", { districtCode });
  const now = args.now ?? new Date();
  const checkDate = todayCST(now);
  const reference = await referenceIncomeFor(checkDate);
  let checked = 0;
  let flagged = 0;
  for (;;) {
    const batch = await check.nextBatch(CHUNK);
    if (batch.length === 0) break;
    const rows: Prisma.AnnualRecheckCreateManyInput[] = (await assessHouseholds(batch, reference, checkDate)).map(({ item, findings }) => ({
      year,
      districtCode,
      ...check.owner(item),
      ...recheckRow(findings, checkDate, now),
    }));
    const created = await prisma.annualRecheck.createManyAndReturn({ data: rows, skipDuplicates: true, select: { status: true } });
    if (created.length === 0) break;
    checked += created.length;
    flagged += created.filter((r) => r.status === "PENDING").length;
  }
  await writeAudit({
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    action: check.action,
    entityType: "District",
    entityId: districtCode,
    districtCode,
    data: { year, checked, flagged, referenceIncomeYear: reference.year },
  });
  return { year, districtCode, checked, flagged, passed: checked - flagged };
}

/**
 * Re-checks every active qualification of a district not yet re-checked in `year`. `actor` is the
 * officer who started it (null for the yearly job). Idempotent: a second run checks nothing twice.
 */
export async function runAnnualRecheck(args: { districtCode: string; year: number; actor: Actor | null; now?: Date }): Promise<RecheckRunResult> {
  const { districtCode, year } = args;
  return runYearlyCheck(args, {
    action: "recheck.run",
    nextBatch: (take) =>
      prisma.qualification.findMany({
        where: { status: "ACTIVE", application: { districtCode, status: "QUALIFIED" }, rechecks: { none: { year } } },
        select: { id: true, application: { select: householdSelect } },
        orderBy: { id: "asc" },
        take,
      }),
    owner: (q) => ({ kind: "QUALIFICATION", qualificationId: q.id }),
  });
}

/** Whether the yearly automatic run (`action` in the audit trail) of `year` has happened in the district. */
async function hasYearlyRun(action: string, districtCode: string, year: number): Promise<boolean> {
  const runs = await prisma.auditLog.findMany({
    where: { action, entityType: "District", entityId: districtCode, actorId: null },
    select: { data: true },
    orderBy: { id: "desc" },
    take: 20,
  });
  return runs.some((r) => (r.data as { year?: unknown } | null)?.year === year);
}

/**
 * A yearly check's job: from ANNUAL_RECHECK_START, each district of `districts` not yet run this
 * year (the audit trail of `action`) is checked by `run` once; a district without the reference
 * income of the year is tried again on the next run. `noun` names what the summary counts.
 */
export async function runDueYearlyChecks(
  now: Date,
  check: { action: string; noun: string; districts: () => Promise<string[]>; run: (args: { districtCode: string; year: number; actor: null; now: Date }) => Promise<RecheckRunResult> },
): Promise<string> {
  const today = todayCST(now);
  const year = Number(today.slice(0, 4));
  if (today < `${year}-${ANNUAL_RECHECK_START}`) return "not due";
  const results: string[] = [];
  for (const districtCode of await check.districts()) {
    if (await hasYearlyRun(check.action, districtCode, year)) continue;
    try {
      const r = await check.run({ districtCode, year, actor: null, now });
      results.push(`${districtCode}: ${r.checked} ${check.noun}checked, ${r.flagged} listed`);
    } catch (error) {
      // No reference income yet: try again on the next run.
      if (error instanceof AppError) results.push(`${districtCode}: ${error.code}`);
      else throw error;
    }
  }
  return results.length > 0 ? results.join("; ") : "nothing due";
}

/** The job: once a year per district, from ANNUAL_RECHECK_START, re-check that district. */
export async function runDueRechecks(now: Date = new Date()): Promise<string> {
  return runDueYearlyChecks(now, {
    action: "recheck.run",
    noun: "",
    // The districts with a qualified household: one EXISTS per district (it stops at the first),
    // not a GROUP BY over every qualified application of the city each minute.
    districts: async () =>
      (
        await prisma.district.findMany({
          where: { applications: { some: { status: "QUALIFIED", qualification: { status: "ACTIVE" } } } },
          select: { code: true },
          orderBy: { code: "asc" },
        })
      ).map((d) => d.code),
    run: runAnnualRecheck,
  });
}

// ───────────── lists and decisions ─────────────

const listSelect = {
  id: true,
  year: true,
  status: true,
  districtCode: true,
  reasons: true,
  findings: true,
  createdAt: true,
  decidedAt: true,
  decidedBy: { select: { name: true } },
  qualification: {
    select: {
      id: true,
      qualifiedOn: true,
      application: {
        select: {
          id: true,
          applicationNo: true,
          status: true,
          applicantName: true,
        },
      },
    },
  },
  kind: true,
  lease: {
    select: {
      id: true,
      leaseNo: true,
      status: true,
      application: { select: { id: true, applicationNo: true, status: true, applicantName: true } },
    },
  },
} satisfies Prisma.AnnualRecheckSelect;

export type RecheckRow = Prisma.AnnualRecheckGetPayload<{ select: typeof listSelect }>;

function viewWhere(view: RecheckView): Prisma.AnnualRecheckWhereInput {
  switch (view) {
    case "PENDING":
      return { status: "PENDING" };
    case "CANCELLED":
      return { status: "FAILED" };
    case "DISMISSED":
      return { status: "PASSED", decidedById: { not: null } };
    case "PASSED":
      return { status: "PASSED", decidedById: null };
    case "ALL":
      return {};
  }
}

export interface RecheckPage {
  items: RecheckRow[];
  total: number;
  page: number;
  pageCount: number;
  pendingTotal: number;
  years: number[];
}

/** The district's re-checks, newest first, filtered; the default view is what awaits a decision. */
export async function listRechecks(actor: Actor, filter: RecheckFilter): Promise<RecheckPage> {
  assertCan(actor, "recheck:manage");
  const scope = scopeWhere(actor, "recheck:manage", "AnnualRecheck");
  if (scope === NOTHING) return { items: [], total: 0, page: 1, pageCount: 1, pendingTotal: 0, years: [] };
  const q = filter.q?.trim();
  const kind = filter.kind ?? "QUALIFICATION";
  const byApplication: Prisma.ApplicationWhereInput = { OR: [{ applicationNo: { contains: q, mode: "insensitive" } }, { applicantName: { contains: q } }] };
  const where: Prisma.AnnualRecheckWhereInput = {
    AND: [scope],
    kind,
    ...viewWhere(filter.view ?? "PENDING"),
    ...(filter.year ? { year: filter.year } : {}),
    ...(q
      ? kind === "QUALIFICATION"
        ? { qualification: { application: byApplication } }
        : { lease: { OR: [{ leaseNo: { contains: q, mode: "insensitive" } }, { application: byApplication }] } }
      : {}),
  };
  const [{ rows: items, total, page, pageCount }, pendingTotal, years] = await Promise.all([
    readPage(
      filter.page,
      RECHECK_PAGE_SIZE,
      () => prisma.annualRecheck.count({ where }),
      (window) => prisma.annualRecheck.findMany({ where, select: listSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...window }),
    ),
    prisma.annualRecheck.count({ where: { AND: [scope], kind, status: "PENDING" } }),
    // GROUP BY in SQL (Prisma's `distinct` would read every row and drop duplicates in memory).
    prisma.annualRecheck.groupBy({ by: ["year"], where: { AND: [scope], kind }, orderBy: { year: "desc" } }),
  ]);
  return { items, total, page, pageCount, pendingTotal, years: years.map((y) => y.year) };
}

const detailSelect = {
  ...listSelect,
  qualification: {
    select: {
      ...listSelect.qualification.select,
      status: true,
      cancelledAt: true,
      application: {
        select: {
          ...listSelect.qualification.select.application.select,
          members: { select: { id: true, name: true, relationship: true }, orderBy: [{ relationship: "asc" }, { id: "asc" }] },
        },
      },
    },
  },
  lease: {
    select: {
      ...listSelect.lease.select,
      endDate: true,
      unit: { select: { unitNo: true, building: { select: { name: true } }, estate: { select: { name: true } } } },
      application: {
        select: {
          ...listSelect.lease.select.application.select,
          members: { select: { id: true, name: true, relationship: true }, orderBy: [{ relationship: "asc" }, { id: "asc" }] },
        },
      },
    },
  },
} satisfies Prisma.AnnualRecheckSelect;

export type RecheckDetail = Prisma.AnnualRecheckGetPayload<{ select: typeof detailSelect }>;

/** One re-check with the household's member names; NOT_FOUND outside the officer's district. */
export async function getRecheck(actor: Actor, recheckId: string): Promise<RecheckDetail> {
  assertCan(actor, "recheck:manage");
  const row = await prisma.annualRecheck.findUnique({ where: { id: recheckId }, select: detailSelect });
  if (!row || !can(actor, "recheck:manage", { districtCode: row.districtCode })) throw new AppError("NOT_FOUND");
  return row;
}

async function pendingRecheck(tx: Tx, actor: Actor, recheckId: string) {
  const row = await tx.annualRecheck.findUnique({
    where: { id: recheckId },
    select: {
      id: true,
      kind: true,
      year: true,
      status: true,
      districtCode: true,
      findings: true,
      leaseId: true,
      qualification: {
        select: {
          id: true,
          status: true,
          application: { select: { id: true, applicationNo: true, applicantUserId: true, contactPhone: true } },
        },
      },
      lease: { select: { applicationId: true } },
    },
  });
  if (!row || !(row.qualification || row.lease)) throw new AppError("NOT_FOUND");
  assertCan(actor, "recheck:manage", { districtCode: row.districtCode });
  if (row.status !== "PENDING") throw new AppError("CONFLICT", { messageKey: "rechecks.errors.alreadyDecided" });
  return row;
}

/** A pending re-check of a qualification (Art. 20), for the officer to decide. */
async function pendingQualificationRecheck(tx: Tx, actor: Actor, recheckId: string) {
  const row = await pendingRecheck(tx, actor, recheckId);
  if (!row.qualification) throw new AppError("NOT_FOUND");
  return { ...row, qualification: row.qualification };
}

/** A pending check of a tenancy (Art. 42), for the officer to decide. */
export async function pendingTenancyCheck(tx: Tx, actor: Actor, recheckId: string) {
  const row = await pendingRecheck(tx, actor, recheckId);
  if (!row.lease || !row.leaseId) throw new AppError("NOT_FOUND");
  return { ...row, leaseId: row.leaseId, lease: row.lease };
}

export async function decide(tx: Tx, recheckId: string, status: RecheckStatus, actor: Actor, reasons: string, now: Date): Promise<void> {
  const updated = await tx.annualRecheck.updateMany({
    where: { id: recheckId, status: "PENDING" },
    data: { status, decidedById: actor.id, decidedAt: now, reasons },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT", { messageKey: "rechecks.errors.alreadyDecided" });
}

/**
 * The officer confirms: the application is CANCELLED (state machine), the qualification cancelled
 * with the reasons, waiting-list places removed, and the applicant told the reasons in the portal
 * and by SMS (no incomes, no ID numbers). One transaction.
 */
export async function confirmRecheckCancellation(
  actor: Actor,
  input: ConfirmCancellationInput,
  now: Date = new Date(),
): Promise<{ applicationId: string }> {
  return prisma.$transaction(async (tx) => {
    const row = await pendingQualificationRecheck(tx, actor, input.recheckId);
    const findings = row.findings as unknown as RecheckFindings | null;
    const codes = findings?.reasons.map((r) => r.code) ?? [];
    const reason = cancellationReason(codes, input.note);
    const app = row.qualification.application;
    await decide(tx, row.id, "FAILED", actor, reason, now);
    await transitionApplication(tx, {
      applicationId: app.id,
      to: "CANCELLED",
      actor: { id: actor.id, role: actor.role },
      // Art. 20: the re-check; the findings by code, worded in the reader's language.
      reason: { text: input.note ?? null, key: "recheckCancelled", params: { articles: ["20"], codes } },
      action: "recheck.cancel",
      auditData: { recheckId: row.id, year: row.year, codes, articles: findings?.reasons.map((r) => r.article) ?? [] },
      at: now,
    });
    await tx.qualification.update({
      where: { id: row.qualification.id },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason, cancelledById: actor.id },
    });
    await tx.waitingListEntry.updateMany({
      where: { applicationId: app.id, status: "WAITING" },
      data: { status: "REMOVED", removedAt: now, removedReason: reason },
    });
    await notifyApplicant(tx, {
      applicationId: app.id,
      userId: app.applicantUserId,
      phone: app.contactPhone,
      templateKey: "rechecks.cancelled",
      // Language-neutral: the notice words the codes in the reader's language (localizeNotificationParams).
      params: { applicationNo: app.applicationNo, reasonCodes: codes.join(",") },
      dedupeKey: `recheck:${row.id}:cancelled`,
      at: now,
    });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "recheck.confirm",
        entityType: "AnnualRecheck",
        entityId: row.id,
        districtCode: row.districtCode,
        reason,
        data: { applicationId: app.id, year: row.year, codes },
      },
      tx,
    );
    return { applicationId: app.id };
  });
}

/**
 * The officer dismisses: the household stays QUALIFIED (Art. 20) or keeps its tenancy (Art. 42);
 * the reason is recorded. One transaction.
 */
export async function dismissRecheck(actor: Actor, input: DismissRecheckInput, now: Date = new Date()): Promise<{ applicationId: string }> {
  return prisma.$transaction(async (tx) => {
    const row = await pendingRecheck(tx, actor, input.recheckId);
    const applicationId = row.qualification?.application.id ?? row.lease!.applicationId;
    const reason = row.kind === "TENANCY" ? tenancyKeptReason(input.reason) : dismissalReason(input.reason);
    await decide(tx, row.id, "PASSED", actor, reason, now);
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: row.kind === "TENANCY" ? "recheck.tenancy.dismiss" : "recheck.dismiss",
        entityType: "AnnualRecheck",
        entityId: row.id,
        districtCode: row.districtCode,
        reason: input.reason,
        data: { applicationId, year: row.year, ...(row.leaseId ? { leaseId: row.leaseId } : {}) },
      },
      tx,
    );
    return { applicationId };
  });
}
