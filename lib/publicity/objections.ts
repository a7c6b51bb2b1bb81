import "server-only";
import { transitionApplication } from "@/lib/applications/transitions";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { maskPhone } from "@/lib/rules/identity";
import { minutesUntil, takeAttempt, type ThrottleKey } from "@/lib/auth/login-throttle";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { nextSequenceValue } from "@/lib/db/sequence";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { applicantContact, contactSelect, refusalNoticeFields } from "@/lib/review/common";
import { isWithinPublicity, publicityPeriod } from "@/lib/rules/publicity";
import type { InvestigateInput, ObjectionInput, ObjectionOutcomeInput } from "./schemas";
import { publicPublicityChanged } from "./public-cache";

// Objections (异议) to applicants on a publicity list (Art. 19). Anyone may object during the
// period, with contact details; officers of the district investigate and record the outcome. An
// upheld objection refuses the application with reasons and opens the appeal window.

const HOUR = 60 * 60_000;

/**
 * A light limit on anonymous objections, counted in the sign-in throttle table: 10 an hour from
 * one address, 5 a day from one phone number.
 */
export function objectionThrottleKeys(phone: string, clientIp: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: `objection:phone:${phone}`, policy: { maxFailures: 5, windowMs: 24 * HOUR, lockMs: 24 * HOUR } }];
  if (clientIp) keys.push({ key: `objection:ip:${clientIp}`, policy: { maxFailures: 10, windowMs: HOUR, lockMs: HOUR } });
  return keys;
}

/** YY-500103-2026-000012: 异议 (yì yì), the district of the list, the year (CST), a six-digit sequence. */
export function formatObjectionReference(districtCode: string, year: number, sequence: number): string {
  return `YY-${districtCode}-${year}-${String(sequence).padStart(6, "0")}`;
}

/** The next reference number of the district's objections this year, taken inside the lodging transaction. */
async function nextObjectionReference(tx: Prisma.TransactionClient, districtCode: string, today: string): Promise<string> {
  const year = Number(today.slice(0, 4));
  return formatObjectionReference(districtCode, year, await nextSequenceValue(tx, `objection:${districtCode}:${year}`));
}

/**
 * Lodges an objection from the public (no sign-in) while the entry is in its publicity period, and
 * gives it a reference number for the objector to quote. The number finds nothing publicly: what
 * is public about an objection is only that the list takes them.
 */
export async function lodgeObjection(
  input: ObjectionInput,
  options: { now?: Date; clientIp?: string | null } = {},
): Promise<{ objectionId: string; referenceNo: string; batchId: string }> {
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const keys = objectionThrottleKeys(input.contactPhone, options.clientIp ?? null);
  // Counted before anything is checked and outside the transaction, so that parallel or failing
  // attempts count too.
  const attempt = await takeAttempt(prisma, keys, at);
  if (!attempt.allowed) throw new AppError("RATE_LIMITED", { messageKey: "publicity.errors.tooManyObjections", values: { minutes: minutesUntil(attempt.lockedUntil, at) } });
  return prisma.$transaction(async (tx) => {
    const entry = await tx.publicityEntry.findUnique({
      where: { id: input.entryId },
      select: {
        id: true,
        outcome: true,
        batch: { select: { id: true, status: true, startDate: true, endDate: true, districtCode: true } },
        application: { select: { status: true } },
      },
    });
    if (!entry || entry.batch.status === "DRAFT") throw new AppError("NOT_FOUND", { messageKey: "publicity.errors.entryNotFound" });
    const startDate = fromDateColumn(entry.batch.startDate);
    const endDate = fromDateColumn(entry.batch.endDate);
    // Art. 19: objections are part of the publicity period; outside it the list stands as published.
    if (entry.batch.status !== "PUBLISHED" || !isWithinPublicity({ startDate, endDate }, today)) {
      const period = publicityPeriod(startDate, endDate);
      throw new AppError("CONFLICT", { messageKey: "publicity.errors.outsidePeriod", values: { publishedOn: startDate, startDate: period.firstDay, endDate } });
    }
    if (entry.outcome !== null || entry.application.status !== "IN_PUBLICITY") {
      throw new AppError("CONFLICT", { messageKey: "publicity.errors.entryClosed" });
    }
    const referenceNo = await nextObjectionReference(tx, entry.batch.districtCode, today);
    const objection = await tx.objection.create({
      data: { entryId: entry.id, batchId: entry.batch.id, referenceNo, contactName: input.contactName, contactPhone: input.contactPhone, content: input.content, receivedAt: at },
      select: { id: true },
    });
    await writeAudit(
      {
        action: "objection.lodge",
        entityType: "Objection",
        entityId: objection.id,
        districtCode: entry.batch.districtCode,
        data: { entryId: entry.id, referenceNo, contactPhone: maskPhone(input.contactPhone) },
      },
      tx,
    );
    return { objectionId: objection.id, referenceNo, batchId: entry.batch.id };
  });
}

const objectionSelect = {
  id: true,
  status: true,
  entry: {
    select: {
      id: true,
      batch: { select: { id: true, districtCode: true } },
      application: { select: { id: true, applicationNo: true, status: true, ...contactSelect } },
    },
  },
} satisfies Prisma.ObjectionSelect;

async function loadObjection(tx: Prisma.TransactionClient, actor: Actor, objectionId: string) {
  const objection = await tx.objection.findUnique({ where: { id: objectionId }, select: objectionSelect });
  if (!objection) throw new AppError("NOT_FOUND", { messageKey: "publicity.errors.objectionNotFound" });
  assertCan(actor, "objection:decide", { districtCode: objection.entry.batch.districtCode });
  if (objection.status === "CLOSED") throw new AppError("CONFLICT", { messageKey: "publicity.errors.objectionAlreadyDecided" });
  return objection;
}

/** Marks an objection as under investigation by the actor. */
export async function startInvestigation(actor: Actor, input: InvestigateInput): Promise<{ batchId: string }> {
  return prisma.$transaction(async (tx) => {
    const objection = await loadObjection(tx, actor, input.objectionId);
    // Only from RECEIVED: a second officer starting at the same moment changes nothing.
    const started = await tx.objection.updateMany({ where: { id: objection.id, status: "RECEIVED" }, data: { status: "INVESTIGATING", investigatorId: actor.id } });
    if (started.count !== 1) throw new AppError("CONFLICT", { messageKey: "publicity.errors.alreadyInvestigating" });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: "objection.investigate",
        entityType: "Objection",
        entityId: objection.id,
        districtCode: objection.entry.batch.districtCode,
      },
      tx,
    );
    return { batchId: objection.entry.batch.id };
  });
}

/**
 * Records the outcome of the investigation. Upheld: the application is refused (OBJECTION_UPHELD)
 * with the findings as reasons, notified, and may be appealed within 10 working days. Not upheld:
 * the entry is qualified by the closing job once the period is over and no other objection is open.
 */
export async function decideObjection(
  actor: Actor,
  input: ObjectionOutcomeInput,
  options: { now?: Date } = {},
): Promise<{ batchId: string; applicationNo: string; applicationStatus: string }> {
  const at = options.now ?? clockNow();
  const result = await prisma.$transaction(async (tx) => {
    const objection = await loadObjection(tx, actor, input.objectionId);
    const app = objection.entry.application;
    // One decision per objection: only an undecided objection is closed; a concurrent second
    // decision matches nothing here and is refused, whatever it would have said.
    const closed = await tx.objection.updateMany({
      where: { id: objection.id, status: { not: "CLOSED" } },
      data: { status: "CLOSED", outcome: input.outcome, outcomeNote: input.findings, investigatorId: actor.id, decidedAt: at },
    });
    if (closed.count !== 1) throw new AppError("CONFLICT", { messageKey: "publicity.errors.objectionAlreadyDecided" });
    await writeAudit(
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: `objection.${input.outcome === "UPHELD" ? "upheld" : "not_upheld"}`,
        entityType: "Objection",
        entityId: objection.id,
        districtCode: objection.entry.batch.districtCode,
        reason: input.findings,
        data: { applicationId: app.id, entryId: objection.entry.id },
      },
      tx,
    );
    let applicationStatus: string = app.status;
    // A second upheld objection against an already refused entry changes nothing more.
    if (input.outcome === "UPHELD" && app.status === "IN_PUBLICITY") {
      const notice = refusalNoticeFields(at);
      await transitionApplication(tx, {
        applicationId: app.id,
        to: "OBJECTION_UPHELD",
        actor,
        at,
        reason: { text: input.findings, key: "objectionUpheld", params: { articles: ["19"] } },
        action: "publicity.objection_upheld",
        data: notice.data,
        auditData: { from: app.status, to: "OBJECTION_UPHELD", objectionId: objection.id, appealDueDate: notice.appealDueDate },
      });
      await tx.publicityEntry.update({ where: { id: objection.entry.id }, data: { outcome: "OBJECTION_UPHELD" } });
      await notifyApplicant(tx, {
        applicationId: app.id,
        ...applicantContact(app),
        templateKey: "publicity.objectionUpheld",
        params: { applicationNo: app.applicationNo, appealDueDate: notice.appealDueDate },
        dedupeKey: `objection:${objection.id}:upheld`,
        at,
      });
      applicationStatus = "OBJECTION_UPHELD";
    }
    return { batchId: objection.entry.batch.id, applicationNo: app.applicationNo, applicationStatus };
  });
  // An upheld objection takes the entry out of publicity: the public batch pages show it.
  await publicPublicityChanged({ batchIds: [result.batchId] });
  return result;
}

export interface OpenObjection {
  id: string;
  referenceNo: string | null;
  batchId: string;
  batchTitle: string;
  districtCode: string;
  applicationNo: string;
  displayName: string;
  receivedAt: Date;
  status: "RECEIVED" | "INVESTIGATING" | "CLOSED";
}

/** Objections not yet decided, in the officer's reach, oldest first. */
export async function listOpenObjections(actor: Actor, options: { take?: number } = {}): Promise<OpenObjection[]> {
  assertCan(actor, "publicity:manage");
  const scope = scopeWhere(actor, "publicity:manage", "Objection");
  if (scope === NOTHING) return [];
  const rows = await prisma.objection.findMany({
    where: { AND: [scope, { status: { not: "CLOSED" } }] },
    select: {
      id: true,
      referenceNo: true,
      receivedAt: true,
      status: true,
      batch: { select: { id: true, title: true, districtCode: true } },
      entry: { select: { displayName: true, applicationNo: true } },
    },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    take: options.take ?? 50,
  });
  return rows.map((r) => ({
    id: r.id,
    referenceNo: r.referenceNo,
    batchId: r.batch.id,
    batchTitle: r.batch.title,
    districtCode: r.batch.districtCode,
    applicationNo: r.entry.applicationNo,
    displayName: r.entry.displayName,
    receivedAt: r.receivedAt,
    status: r.status,
  }));
}
