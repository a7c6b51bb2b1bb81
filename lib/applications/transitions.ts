import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { AppError } from "@/lib/errors";
import type { ApplicationStatus, Prisma, Role } from "@/lib/generated/prisma/client";
import { CLOSED_APPLICATION_STATUSES } from "@/lib/db/application-status";
import type { StatusReason } from "./status-reason";

// The application's state machine (Art. 12-23). Every status change goes through
// `transitionApplication`, inside the caller's transaction: it refuses illegal moves with a clear
// message, guards against a concurrent change, and writes the status history and the audit log.

export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  DRAFT: ["SUBMITTED", "WITHDRAWN"],
  // Acceptance (受理) starts the 7-working-day first review; incomplete documents go back (Art. 16).
  SUBMITTED: ["ACCEPTED", "RETURNED", "WITHDRAWN"],
  RETURNED: ["SUBMITTED", "WITHDRAWN"],
  // Art. 19: first review within 7 working days of acceptance.
  ACCEPTED: ["FIRST_REVIEW_PASSED", "FIRST_REVIEW_REJECTED", "WITHDRAWN"],
  // Art. 19: second review within 5 working days, by another officer.
  FIRST_REVIEW_PASSED: ["SECOND_REVIEW_PASSED", "SECOND_REVIEW_REJECTED", "WITHDRAWN"],
  SECOND_REVIEW_PASSED: ["IN_PUBLICITY", "WITHDRAWN"],
  // Art. 19: publicity for 5 working days; no objection or none upheld: qualified.
  IN_PUBLICITY: ["QUALIFIED", "OBJECTION_UPHELD", "WITHDRAWN"],
  // Refusals: appeal within 10 working days of the notice, or the refusal becomes final.
  FIRST_REVIEW_REJECTED: ["APPEALED", "REJECTED"],
  SECOND_REVIEW_REJECTED: ["APPEALED", "REJECTED"],
  OBJECTION_UPHELD: ["APPEALED", "REJECTED"],
  // The municipal agency upholds the refusal, or returns the case to the district for a new review.
  APPEALED: ["REJECTED", "ACCEPTED"],
  REJECTED: [],
  // Art. 20: the annual re-check may cancel a qualification; Art. 23: allocation.
  QUALIFIED: ["ALLOCATED", "CANCELLED", "WITHDRAWN"],
  ALLOCATED: ["HOUSED", "QUALIFIED", "CANCELLED"],
  HOUSED: [],
  CANCELLED: [],
  WITHDRAWN: [],
};

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[from].includes(to);
}

export interface TransitionActor {
  id: string;
  role: Role;
}

export interface TransitionInput {
  applicationId: string;
  to: ApplicationStatus;
  /** Null for the system: scheduled jobs and the intake API. */
  actor: TransitionActor | null;
  /**
   * Why, as the applicant's timeline shows it: an officer's words for the applicant and/or a
   * reason worded by the message files, citing articles (lib/applications/status-reason.ts).
   * Never an officer's internal note.
   */
  reason?: StatusReason | null;
  /** Other columns to set in the same update (due dates, acceptedAt…). */
  data?: Omit<Prisma.ApplicationUpdateManyMutationInput, "status" | "statusChangedAt">;
  /** Audit action name; defaults to `application.<to>` in lower case. */
  action?: string;
  auditData?: Prisma.InputJsonValue;
  at?: Date;
}

/** The status history's row for one move: who moved it, and why as the applicant reads it. */
function statusEventRow(
  applicationId: string,
  from: ApplicationStatus,
  to: ApplicationStatus,
  at: Date,
  by: { actor: TransitionActor | null; reason?: StatusReason | null },
): Prisma.ApplicationStatusEventCreateManyInput {
  return {
    applicationId,
    fromStatus: from,
    toStatus: to,
    at,
    actorId: by.actor?.id ?? null,
    actorRole: by.actor?.role ?? null,
    reason: by.reason?.text ?? null,
    reasonKey: by.reason?.key ?? null,
    reasonParams: by.reason?.params ? (by.reason.params as unknown as Prisma.InputJsonValue) : undefined,
  };
}

export interface TransitionResult {
  id: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  districtCode: string;
}

/** Moves an application to `to`, or throws AppError (NOT_FOUND, CONFLICT for an illegal or concurrent move). */
export async function transitionApplication(tx: Prisma.TransactionClient, input: TransitionInput): Promise<TransitionResult> {
  const at = input.at ?? new Date();
  const current = await tx.application.findUnique({
    where: { id: input.applicationId },
    select: { id: true, status: true, districtCode: true },
  });
  if (!current) throw new AppError("NOT_FOUND");
  if (!canTransition(current.status, input.to)) {
    throw new AppError("CONFLICT", {
      messageKey: "applications.errors.illegalTransition",
      values: { from: current.status, to: input.to },
    });
  }
  const closing = (CLOSED_APPLICATION_STATUSES as readonly ApplicationStatus[]).includes(input.to);
  // Only move from the status just read: a concurrent change makes this update match nothing.
  const updated = await tx.application.updateMany({
    where: { id: current.id, status: current.status },
    data: { ...input.data, status: input.to, statusChangedAt: at, ...(closing ? { closedAt: at } : {}) },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT");
  await tx.applicationStatusEvent.create({ data: statusEventRow(current.id, current.status, input.to, at, input) });
  await writeAudit(
    {
      actorId: input.actor?.id ?? null,
      actorRole: input.actor?.role ?? null,
      action: input.action ?? `application.${input.to.toLowerCase()}`,
      entityType: "Application",
      entityId: current.id,
      districtCode: current.districtCode,
      reason: input.reason?.text ?? null,
      data: input.auditData ?? { from: current.status, to: input.to, ...(input.reason?.key ? { reasonKey: input.reason.key } : {}) },
    },
    tx,
  );
  return { id: current.id, from: current.status, to: input.to, districtCode: current.districtCode };
}

export interface BulkTransitionInput {
  /** Applications all in `from`, all of one district; at most a batch's 10,000. */
  applicationIds: readonly string[];
  districtCode: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  actor: TransitionActor | null;
  reason?: StatusReason | null;
  data?: Omit<Prisma.ApplicationUpdateManyMutationInput, "status" | "statusChangedAt">;
  action?: string;
  /** The audit row's data for one application. */
  auditData?: (applicationId: string) => Prisma.InputJsonValue;
  at?: Date;
}

/**
 * The same move for many applications at once (a publicity batch of thousands), with what
 * `transitionApplication` writes for each: one conditional update whose count must be the number
 * of applications (any one not in `from` any more, and nothing moves: the caller's transaction is
 * rolled back by the CONFLICT), then the status events and audit rows, each in one statement.
 */
export async function transitionApplications(tx: Prisma.TransactionClient, input: BulkTransitionInput): Promise<number> {
  const at = input.at ?? new Date();
  const ids = [...new Set(input.applicationIds)];
  if (ids.length === 0) return 0;
  if (!canTransition(input.from, input.to)) {
    throw new AppError("CONFLICT", { messageKey: "applications.errors.illegalTransition", values: { from: input.from, to: input.to } });
  }
  const closing = (CLOSED_APPLICATION_STATUSES as readonly ApplicationStatus[]).includes(input.to);
  const updated = await tx.application.updateMany({
    where: { id: { in: ids }, status: input.from, districtCode: input.districtCode },
    data: { ...input.data, status: input.to, statusChangedAt: at, ...(closing ? { closedAt: at } : {}) },
  });
  if (updated.count !== ids.length) throw new AppError("CONFLICT");
  await tx.applicationStatusEvent.createMany({ data: ids.map((applicationId) => statusEventRow(applicationId, input.from, input.to, at, input)) });
  await tx.auditLog.createMany({
    data: ids.map((applicationId) => ({
      at,
      actorId: input.actor?.id ?? null,
      actorRole: input.actor?.role ?? null,
      action: input.action ?? `application.${input.to.toLowerCase()}`,
      entityType: "Application",
      entityId: applicationId,
      districtCode: input.districtCode,
      reason: input.reason?.text ?? null,
      data: input.auditData?.(applicationId) ?? { from: input.from, to: input.to },
    })),
  });
  return ids.length;
}
