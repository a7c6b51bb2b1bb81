import "server-only";
import { randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, can, districtRoles, type Actor, type Permission } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { dateColumn, fromDateColumn, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { readPage } from "@/lib/db/paging";
import { districtNames } from "@/lib/reference/districts";
import { AppError } from "@/lib/errors";
import type { Prisma, RectificationStatus, ReviewLevel, ReviewOutcome } from "@/lib/generated/prisma/client";
import { addDays, addWorkingDays, DEADLINE_WORKING_DAYS, type ISODate } from "@/lib/rules";
import { enqueueNotification } from "@/lib/notifications/outbox";
import { drawAuditSample, populationCommitment } from "./sample";
import type {
  AuditListFilter,
  CloseRectificationInput,
  CompleteAuditInput,
  DrawSampleInput,
  RecordFindingInput,
  RectificationView,
  SubmitReportInput,
} from "./schemas";

// Sample audits of district review decisions and the rectifications they lead to (Art. 20).
// A municipal officer draws a reproducible sample (see sample.ts), records a finding per sampled
// decision, and completes the audit; problems open a Rectification due 15 working days later
// (lib/rules). District officers report back; municipal officers accept (close) or reopen it.
// The seed, the population size and its commitment are kept in the audit log entry that created
// the audit (the ReviewAudit model has no column for them).

export const AUDIT_PAGE_SIZE = 20;
export const RECTIFICATION_PAGE_SIZE = 20;
const OPEN_STATUSES: RectificationStatus[] = ["OPEN", "REOPENED"];

type Tx = Prisma.TransactionClient;

/** The instant a CST calendar day starts. */
function cstStart(date: ISODate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

function decisionsWhere(districtCode: string, periodStart: ISODate, periodEnd: ISODate): Prisma.ReviewDecisionWhereInput {
  return {
    application: { districtCode },
    decidedAt: { gte: cstStart(periodStart), lt: cstStart(addDays(periodEnd, 1)) },
  };
}

export interface SampleRecord {
  seed: string;
  requestedSize: number;
  sampleSize: number;
  populationSize: number;
  populationCommitment: string;
}

/** Draws a sample of a district's review decisions made in the period (municipal officers only). */
export async function drawSample(actor: Actor, input: DrawSampleInput, now: Date = new Date()): Promise<{ auditId: string; sampleSize: number }> {
  assertCan(actor, "review:sample");
  const seed = input.seed ?? randomBytes(16).toString("hex");
  return prisma.$transaction(async (tx) => {
    const district = await tx.district.findUnique({ where: { code: input.districtCode }, select: { code: true } });
    if (!district) throw new AppError("VALIDATION", { fieldErrors: { districtCode: ["audits.validation.districtRequired"] } });
    const population = await tx.reviewDecision.findMany({
      where: decisionsWhere(input.districtCode, input.periodStart, input.periodEnd),
      select: { id: true },
    });
    if (population.length === 0) {
      throw new AppError("VALIDATION", { messageKey: "audits.errors.noDecisions" });
    }
    const ids = population.map((d) => d.id);
    const sample = drawAuditSample(seed, ids, Math.min(input.sampleSize, ids.length));
    const audit = await tx.reviewAudit.create({
      data: {
        districtCode: input.districtCode,
        periodStart: dateColumn(input.periodStart),
        periodEnd: dateColumn(input.periodEnd),
        auditorId: actor.id,
        startedAt: now,
        sampleSize: sample.length,
      },
      select: { id: true },
    });
    await tx.reviewAuditItem.createMany({ data: sample.map((s) => ({ auditId: audit.id, reviewDecisionId: s.id })) });
    const record: SampleRecord = {
      seed,
      requestedSize: input.sampleSize,
      sampleSize: sample.length,
      populationSize: ids.length,
      populationCommitment: populationCommitment(ids),
    };
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "reviewAudit.create",
        entityType: "ReviewAudit",
        entityId: audit.id,
        districtCode: input.districtCode,
        data: { ...record, periodStart: input.periodStart, periodEnd: input.periodEnd },
      },
      tx,
    );
    return { auditId: audit.id, sampleSize: sample.length };
  });
}

async function sampleRecordOf(db: Tx | typeof prisma, auditId: string): Promise<SampleRecord | null> {
  const entry = await db.auditLog.findFirst({
    where: { entityType: "ReviewAudit", entityId: auditId, action: "reviewAudit.create" },
    select: { data: true },
    orderBy: { id: "asc" },
  });
  const data = entry?.data as Partial<SampleRecord> | null | undefined;
  if (!data || typeof data.seed !== "string") return null;
  return data as SampleRecord;
}

/**
 * Recomputes the sample from the seed and today's population of the period: `populationMatches`
 * says whether the decisions of the period are still those sampled from, `sampleMatches` whether
 * the same seed gives the same sample.
 */
export async function verifySample(
  actor: Actor,
  auditId: string,
): Promise<{ populationMatches: boolean; sampleMatches: boolean; populationIds: string[] }> {
  const audit = await readableAudit(actor, auditId);
  const record = await sampleRecordOf(prisma, auditId);
  if (!record) return { populationMatches: false, sampleMatches: false, populationIds: [] };
  const population = await prisma.reviewDecision.findMany({
    where: decisionsWhere(audit.districtCode, fromDateColumn(audit.periodStart), fromDateColumn(audit.periodEnd)),
    select: { id: true },
  });
  const ids = population.map((d) => d.id);
  const recomputed = drawAuditSample(record.seed, ids, record.sampleSize).map((s) => s.id).sort();
  const items = await prisma.reviewAuditItem.findMany({ where: { auditId }, select: { reviewDecisionId: true } });
  const stored = items.map((i) => i.reviewDecisionId).sort();
  return {
    populationMatches: populationCommitment(ids) === record.populationCommitment,
    sampleMatches: recomputed.length === stored.length && recomputed.every((id, i) => id === stored[i]),
    // Published with the seed so that anyone can recompute the draw.
    populationIds: [...ids].sort(),
  };
}

async function readableAudit(actor: Actor, auditId: string) {
  const audit = await prisma.reviewAudit.findUnique({
    where: { id: auditId },
    select: { id: true, districtCode: true, periodStart: true, periodEnd: true, status: true },
  });
  if (!audit) throw new AppError("NOT_FOUND");
  // Municipal auditors, and the audited district's officers (read-only: they must see what to rectify).
  if (!can(actor, "review:sample") && !can(actor, "rectification:read", { districtCode: audit.districtCode })) {
    throw new AppError("NOT_FOUND");
  }
  return audit;
}

/** Records what the audit found about one sampled decision (OK, or a problem with notes). */
export async function recordFinding(actor: Actor, input: RecordFindingInput): Promise<void> {
  assertCan(actor, "review:sample");
  await prisma.$transaction(async (tx) => {
    const item = await tx.reviewAuditItem.findUnique({
      where: { id: input.itemId },
      select: { id: true, audit: { select: { id: true, status: true, districtCode: true } } },
    });
    if (!item) throw new AppError("NOT_FOUND");
    // Holds the audit against completion until this finding is written (completeAudit updates
    // the row first); an audit completed meanwhile is seen as such.
    const open = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ReviewAudit" WHERE "id" = ${item.audit.id} AND "status" = 'IN_PROGRESS' FOR SHARE`;
    if (open.length !== 1) throw new AppError("CONFLICT", { messageKey: "audits.errors.auditCompleted" });
    const isCompliant = input.result === "OK";
    await tx.reviewAuditItem.update({ where: { id: item.id }, data: { isCompliant, finding: input.finding ?? null } });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "reviewAudit.finding",
        entityType: "ReviewAudit",
        entityId: item.audit.id,
        districtCode: item.audit.districtCode,
        reason: input.finding ?? null,
        data: { itemId: item.id, isCompliant },
      },
      tx,
    );
  });
}

/**
 * Completes an audit once every sampled decision has a finding. Problems open a rectification for
 * the district, due 15 working days from today (Art. 20), and tell its officers in the portal.
 */
export async function completeAudit(
  actor: Actor,
  input: CompleteAuditInput,
  now: Date = new Date(),
): Promise<{ rectificationId: string | null; dueDate: ISODate | null }> {
  assertCan(actor, "review:sample");
  return prisma.$transaction(async (tx) => {
    const found = await tx.reviewAudit.findUnique({ where: { id: input.auditId }, select: { id: true, status: true } });
    if (!found) throw new AppError("NOT_FOUND");
    // Completed first, conditionally: this waits for findings being written and then shuts out
    // new ones, so the findings read next are the final ones (a refusal below rolls it back).
    const updated = await tx.reviewAudit.updateMany({
      where: { id: found.id, status: "IN_PROGRESS" },
      data: { status: "COMPLETED", summary: input.summary, completedAt: now },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", { messageKey: "audits.errors.auditCompleted" });
    const audit = await tx.reviewAudit.findUniqueOrThrow({
      where: { id: found.id },
      select: { id: true, districtCode: true, items: { select: { isCompliant: true } } },
    });
    if (audit.items.some((i) => i.isCompliant === null)) {
      throw new AppError("VALIDATION", { messageKey: "audits.errors.unexamined" });
    }
    const problems = audit.items.filter((i) => i.isCompliant === false).length;
    if (problems > 0 && !input.requirement) {
      throw new AppError("VALIDATION", { fieldErrors: { requirement: ["audits.validation.requirementRequired"] } });
    }
    let rectificationId: string | null = null;
    let dueDate: ISODate | null = null;
    if (problems > 0 && input.requirement) {
      // Art. 20: the district rectifies and reports back within 15 working days.
      dueDate = addWorkingDays(todayCST(now), DEADLINE_WORKING_DAYS.RECTIFICATION);
      const rect = await tx.rectification.create({
        data: { auditId: audit.id, districtCode: audit.districtCode, requirement: input.requirement, issuedAt: now, dueDate: dateColumn(dueDate) },
        select: { id: true },
      });
      rectificationId = rect.id;
      await writeAudit(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: "rectification.open",
          entityType: "Rectification",
          entityId: rect.id,
          districtCode: audit.districtCode,
          reason: input.requirement,
          data: { auditId: audit.id, dueDate, problems },
        },
        tx,
      );
      const officers = await tx.user.findMany({
        where: { role: { in: districtRoles() }, districtCode: audit.districtCode, isActive: true },
        select: { id: true },
      });
      for (const officer of officers) {
        await enqueueNotification(tx, {
          channel: "IN_APP",
          templateKey: "audits.rectificationOpened",
          params: { dueDate },
          recipientUserId: officer.id,
          dedupeKey: `rectification:${rect.id}:opened:${officer.id}`,
          at: now,
        });
      }
    }
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "reviewAudit.complete",
        entityType: "ReviewAudit",
        entityId: audit.id,
        districtCode: audit.districtCode,
        reason: input.summary,
        data: { problems, rectificationId, dueDate },
      },
      tx,
    );
    return { rectificationId, dueDate };
  });
}

/** The district reports back on an open (or reopened) rectification. */
export async function submitRectificationReport(actor: Actor, input: SubmitReportInput, now: Date = new Date()): Promise<void> {
  assertCan(actor, "rectification:report");
  await prisma.$transaction(async (tx) => {
    const rect = await tx.rectification.findUnique({
      where: { id: input.rectificationId },
      select: { id: true, status: true, districtCode: true, dueDate: true },
    });
    if (!rect || !can(actor, "rectification:read", { districtCode: rect.districtCode })) throw new AppError("NOT_FOUND");
    assertCan(actor, "rectification:report", { districtCode: rect.districtCode });
    if (!OPEN_STATUSES.includes(rect.status)) throw new AppError("CONFLICT", { messageKey: "audits.errors.notOpen" });
    const updated = await tx.rectification.updateMany({
      where: { id: rect.id, status: rect.status },
      data: { status: "REPORTED", report: input.report, reportedAt: now, reportedById: actor.id },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT");
    const onTime = todayCST(now) <= fromDateColumn(rect.dueDate);
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "rectification.report",
        entityType: "Rectification",
        entityId: rect.id,
        districtCode: rect.districtCode,
        reason: input.report,
        data: { documentRef: input.documentRef ?? null, onTime },
      },
      tx,
    );
  });
}

/** A municipal officer accepts (closes) a reported rectification, or reopens it with a new deadline. */
export async function closeRectification(actor: Actor, input: CloseRectificationInput, now: Date = new Date()): Promise<{ status: RectificationStatus; dueDate: ISODate }> {
  assertCan(actor, "rectification:close");
  return prisma.$transaction(async (tx) => {
    const rect = await tx.rectification.findUnique({ where: { id: input.rectificationId }, select: { id: true, status: true, districtCode: true, dueDate: true } });
    if (!rect) throw new AppError("NOT_FOUND");
    if (rect.status !== "REPORTED") throw new AppError("CONFLICT", { messageKey: "audits.errors.notReported" });
    const accept = input.decision === "ACCEPT";
    const status: RectificationStatus = accept ? "ACCEPTED" : "REOPENED";
    const dueDate = accept ? fromDateColumn(rect.dueDate) : addWorkingDays(todayCST(now), DEADLINE_WORKING_DAYS.RECTIFICATION);
    // One decision per report: only a rectification still REPORTED moves; a concurrent second
    // decision (accept against reopen) matches nothing and is refused.
    const decided = await tx.rectification.updateMany({
      where: { id: rect.id, status: "REPORTED" },
      data: accept ? { status, acceptedAt: now, acceptedById: actor.id } : { status, dueDate: dateColumn(dueDate) },
    });
    if (decided.count !== 1) throw new AppError("CONFLICT", { messageKey: "audits.errors.notReported" });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: input.decision === "ACCEPT" ? "rectification.accept" : "rectification.reopen",
        entityType: "Rectification",
        entityId: rect.id,
        districtCode: rect.districtCode,
        reason: input.note ?? null,
        data: { dueDate },
      },
      tx,
    );
    return { status, dueDate };
  });
}

// ───────────── reading ─────────────

const auditListSelect = {
  id: true,
  districtCode: true,
  periodStart: true,
  periodEnd: true,
  status: true,
  startedAt: true,
  completedAt: true,
  auditor: { select: { name: true } },
  sampleSize: true,
} satisfies Prisma.ReviewAuditSelect;

/** A listed audit; the district's names come from the reference data, not a join. */
export type AuditRow = Prisma.ReviewAuditGetPayload<{ select: typeof auditListSelect }> & { district: { name: string; nameEn: string } };

function withDistrict<T extends { districtCode: string }>(row: T): T & { district: { name: string; nameEn: string } } {
  const names = districtNames(row.districtCode);
  return { ...row, district: { name: names.districtName, nameEn: names.districtNameEn } };
}

export async function listAudits(actor: Actor, filter: AuditListFilter): Promise<{ items: AuditRow[]; total: number; page: number; pageCount: number }> {
  // Municipal auditors see every audit; the audited district's officers see theirs (read-only).
  const permission: Permission = can(actor, "review:sample") ? "review:sample" : "rectification:read";
  assertCan(actor, permission);
  const scope = scopeWhere(actor, permission, "ReviewAudit", { districtCode: filter.district });
  if (scope === NOTHING) return { items: [], total: 0, page: 1, pageCount: 1 };
  const where: Prisma.ReviewAuditWhereInput = { AND: [scope, filter.status ? { status: filter.status } : {}] };
  const { rows, total, page, pageCount } = await readPage(
    filter.page,
    AUDIT_PAGE_SIZE,
    () => prisma.reviewAudit.count({ where }),
    (window) => prisma.reviewAudit.findMany({ where, select: auditListSelect, orderBy: [{ startedAt: "desc" }, { id: "asc" }], ...window }),
  );
  return { items: rows.map(withDistrict), total, page, pageCount };
}

const rectificationSelect = {
  id: true,
  auditId: true,
  districtCode: true,
  district: { select: { name: true, nameEn: true } },
  requirement: true,
  issuedAt: true,
  dueDate: true,
  status: true,
  report: true,
  reportedAt: true,
  reportedBy: { select: { name: true } },
  acceptedAt: true,
  acceptedBy: { select: { name: true } },
} satisfies Prisma.RectificationSelect;

export type RectificationRow = Prisma.RectificationGetPayload<{ select: typeof rectificationSelect }> & { isOverdue: boolean };

function withOverdue<T extends { status: RectificationStatus; dueDate: Date }>(row: T, today: ISODate): T & { isOverdue: boolean } {
  return { ...row, isOverdue: OPEN_STATUSES.includes(row.status) && fromDateColumn(row.dueDate) < today };
}

function rectificationViewWhere(view: RectificationView, today: ISODate): Prisma.RectificationWhereInput {
  switch (view) {
    case "OPEN":
      return { status: { in: OPEN_STATUSES } };
    case "REPORTED":
      return { status: "REPORTED" };
    case "ACCEPTED":
      return { status: "ACCEPTED" };
    case "OVERDUE":
      return { status: { in: OPEN_STATUSES }, dueDate: { lt: dateColumn(today) } };
    case "ALL":
      return {};
  }
}

export async function listRectifications(
  actor: Actor,
  filter: { view?: RectificationView; district?: string; page?: number },
  now: Date = new Date(),
): Promise<{ items: RectificationRow[]; total: number; page: number; pageCount: number; overdueTotal: number }> {
  assertCan(actor, "rectification:read");
  const today = todayCST(now);
  // The officer's district, or every district (narrowed to the one a municipal officer chose).
  const scope = scopeWhere(actor, "rectification:read", "Rectification", { districtCode: filter.district });
  if (scope === NOTHING) return { items: [], total: 0, page: 1, pageCount: 1, overdueTotal: 0 };
  const where: Prisma.RectificationWhereInput = { AND: [scope, rectificationViewWhere(filter.view ?? "OPEN", today)] };
  const [{ rows: items, total, page, pageCount }, overdueTotal] = await Promise.all([
    readPage(
      filter.page,
      RECTIFICATION_PAGE_SIZE,
      () => prisma.rectification.count({ where }),
      (window) => prisma.rectification.findMany({ where, select: rectificationSelect, orderBy: [{ dueDate: "asc" }, { id: "asc" }], ...window }),
    ),
    prisma.rectification.count({ where: { AND: [scope, rectificationViewWhere("OVERDUE", today)] } }),
  ]);
  return { items: items.map((r) => withOverdue(r, today)), total, page, pageCount, overdueTotal };
}

/** A sampled decision as the audit page shows it. */
export interface AuditItemRow {
  id: string;
  isCompliant: boolean | null;
  finding: string | null;
  reviewDecision: {
    id: string;
    level: ReviewLevel;
    outcome: ReviewOutcome;
    articlesCited: string[];
    comment: string | null;
    dueDate: Date;
    decidedAt: Date;
    officer: { name: string };
    application: { id: string; applicationNo: string };
  };
}

/**
 * An audit's sampled decisions with their officers and applications: one flat join. (As a nested
 * select, each of 100-odd rows builds JSON for three relations, and the statement costs
 * PostgreSQL more to plan than this one costs to run; docs/decisions/014.)
 */
async function readAuditItems(auditId: string): Promise<AuditItemRow[]> {
  const rows = await prisma.$queryRaw<
    Array<Omit<AuditItemRow, "reviewDecision"> & Omit<AuditItemRow["reviewDecision"], "id" | "officer" | "application"> & { decisionId: string; officerName: string; applicationId: string; applicationNo: string }>
  >`SELECT i."id", i."isCompliant", i."finding", r."id" AS "decisionId", r."level"::text AS "level", r."outcome"::text AS "outcome", r."articlesCited",
      r."comment", r."dueDate", r."decidedAt", u."name" AS "officerName", a."id" AS "applicationId", a."applicationNo"
    FROM "ReviewAuditItem" i
    JOIN "ReviewDecision" r ON r."id" = i."reviewDecisionId"
    JOIN "User" u ON u."id" = r."officerId"
    JOIN "Application" a ON a."id" = r."applicationId"
    WHERE i."auditId" = ${auditId}
    ORDER BY i."id"`;
  return rows.map((r) => ({
    id: r.id,
    isCompliant: r.isCompliant,
    finding: r.finding,
    reviewDecision: {
      id: r.decisionId,
      level: r.level,
      outcome: r.outcome,
      articlesCited: r.articlesCited,
      comment: r.comment,
      dueDate: r.dueDate,
      decidedAt: r.decidedAt,
      officer: { name: r.officerName },
      application: { id: r.applicationId, applicationNo: r.applicationNo },
    },
  }));
}

const auditDetailSelect = {
  ...auditListSelect,
  summary: true,
  rectifications: { select: rectificationSelect, orderBy: { issuedAt: "asc" } },
} satisfies Prisma.ReviewAuditSelect;

export type AuditDetail = Omit<Prisma.ReviewAuditGetPayload<{ select: typeof auditDetailSelect }>, "rectifications"> & {
  district: { name: string; nameEn: string };
  items: Array<AuditItemRow & { ticket: string | null }>;
  rectifications: RectificationRow[];
  sample: SampleRecord | null;
  canEdit: boolean;
};

export async function getAudit(actor: Actor, auditId: string, now: Date = new Date()): Promise<AuditDetail> {
  // Three plain statements side by side: the audit, its sampled decisions, the sample's record.
  // (One statement nesting the items in the audit costs PostgreSQL more to plan than to run.)
  const [audit, auditItems, sample] = await Promise.all([
    prisma.reviewAudit.findUnique({ where: { id: auditId }, select: auditDetailSelect }),
    readAuditItems(auditId),
    sampleRecordOf(prisma, auditId),
  ]);
  // Who may read it, as readableAudit asks: municipal auditors, and the audited district's officers.
  if (!audit || (!can(actor, "review:sample") && !can(actor, "rectification:read", { districtCode: audit.districtCode }))) {
    throw new AppError("NOT_FOUND");
  }
  const tickets = sample ? new Map(drawAuditSample(sample.seed, auditItems.map((i) => i.reviewDecision.id), auditItems.length).map((s) => [s.id, s.ticket])) : new Map<string, string>();
  const items = auditItems
    .map((i) => ({ ...i, ticket: tickets.get(i.reviewDecision.id) ?? null }))
    .sort((a, b) => ((a.ticket ?? "") < (b.ticket ?? "") ? -1 : 1));
  const today = todayCST(now);
  return {
    ...withDistrict(audit),
    items,
    rectifications: audit.rectifications.map((r) => withOverdue(r, today)),
    sample,
    canEdit: can(actor, "review:sample") && audit.status === "IN_PROGRESS",
  };
}

export interface RectificationHistoryEntry {
  at: Date;
  action: string;
  actorName: string | null;
  reason: string | null;
  documentRef: string | null;
}

export async function getRectification(
  actor: Actor,
  rectificationId: string,
  now: Date = new Date(),
): Promise<{ rectification: RectificationRow; history: RectificationHistoryEntry[]; canReport: boolean; canClose: boolean }> {
  assertCan(actor, "rectification:read");
  const row = await prisma.rectification.findUnique({ where: { id: rectificationId }, select: rectificationSelect });
  if (!row || !can(actor, "rectification:read", { districtCode: row.districtCode })) throw new AppError("NOT_FOUND");
  const entries = await prisma.auditLog.findMany({
    where: { entityType: "Rectification", entityId: rectificationId },
    select: { at: true, action: true, actorId: true, reason: true, data: true },
    orderBy: { id: "asc" },
  });
  const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id): id is string => !!id))];
  const users = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const rectification = withOverdue(row, todayCST(now));
  return {
    rectification,
    history: entries.map((e) => ({
      at: e.at,
      action: e.action,
      actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
      reason: e.reason,
      documentRef: ((e.data as { documentRef?: unknown } | null)?.documentRef as string | null | undefined) ?? null,
    })),
    canReport: can(actor, "rectification:report", { districtCode: row.districtCode }) && OPEN_STATUSES.includes(row.status),
    canClose: can(actor, "rectification:close") && row.status === "REPORTED",
  };
}

/** Districts for the sampling form (municipal officers). */
export async function listAuditableDistricts(actor: Actor): Promise<Array<{ code: string; name: string; nameEn: string }>> {
  assertCan(actor, "review:sample");
  return prisma.district.findMany({ select: { code: true, name: true, nameEn: true }, orderBy: { code: "asc" } });
}
