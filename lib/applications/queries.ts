import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { NOTHING, scopeWhere } from "@/lib/auth/scope-where";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { prisma } from "@/lib/db/client";
import type { ApplicationSource, ApplicationStatus, Prisma } from "@/lib/generated/prisma/client";
import type { EligibilityResult, ISODate } from "@/lib/rules";
import { deadlineSelect, toDeadlineSource } from "./deadline-source";
import { stageDeadlines, type DeadlineSource, type StageDeadlines } from "./deadlines";
import { isProvisionalNumber } from "./numbering";

// What applicants read about their own applications: the list on /me and the status page.
// Applicants see only applications they own (anything else is "not found"); intake applications
// (no portal account) become theirs when they sign in with the mobile number the platform gave.

/**
 * Attaches intake API applications whose contact number is the applicant's account number and
 * that have no account yet (docs/decisions/005: linked on read, when the applicant opens /me).
 * Returns how many were attached.
 */
/** Households recorded without a portal account: from 渝快办, and directed nominees' (Art. 24). */
export const LINKABLE_SOURCES: ApplicationSource[] = ["INTAKE_API", "DIRECTED"];

/**
 * Applications from 渝快办 (or a directed nominee's household) that carry this account's mobile number and are not linked to any
 * account yet. Only the count is shown: a registration does not prove the number, so nothing of
 * the application is revealed until the applicant proves who they are (linkIntakeApplications).
 */
export async function countLinkableIntakeApplications(actor: Actor): Promise<number> {
  if (!can(actor, "application:link")) return 0;
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { phone: true, isActive: true } });
  if (!user?.phone || !user.isActive) return 0;
  return prisma.application.count({ where: { applicantUserId: null, source: { in: LINKABLE_SOURCES }, contactPhone: user.phone } });
}

/**
 * Links to the account the 渝快办 applications that carry its mobile number AND name the given
 * resident ID as the applicant: the number alone does not say who the applicant is. Returns how
 * many were linked (0 for a wrong ID: the caller counts that as a failed attempt). `useCode`, when
 * given, uses the linking's SMS code in the same transaction: "code-used" when another request
 * used it first (nothing is linked then).
 */
export async function linkIntakeApplications(
  actor: Actor,
  residentId: string,
  useCode?: (tx: Prisma.TransactionClient) => Promise<boolean>,
): Promise<number | "code-used"> {
  if (!can(actor, "application:link")) return 0;
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { phone: true, isActive: true } });
  if (!user?.phone || !user.isActive) return 0;
  const id = residentId.trim().toUpperCase();
  const candidates = await prisma.application.findMany({
    where: {
      applicantUserId: null,
      source: { in: LINKABLE_SOURCES },
      contactPhone: user.phone,
      members: { some: { relationship: "APPLICANT", residentId: id } },
    },
    select: { id: true, districtCode: true },
  });
  if (candidates.length === 0) return 0;
  return prisma.$transaction(async (tx) => {
    if (useCode && !(await useCode(tx))) return "code-used" as const;
    let linked = 0;
    for (const app of candidates) {
      const updated = await tx.application.updateMany({ where: { id: app.id, applicantUserId: null }, data: { applicantUserId: actor.id } });
      if (updated.count !== 1) continue;
      linked++;
      // A directed household's lease is drawn up before its tenant has an account (decision 032):
      // from now on it is theirs to read, sign and pay in the portal.
      await tx.lease.updateMany({ where: { applicationId: app.id, tenantUserId: null }, data: { tenantUserId: actor.id } });
      await writeAudit(
        { actorId: actor.id, actorRole: actor.role, action: "application.linked_to_account", entityType: "Application", entityId: app.id, districtCode: app.districtCode, data: { by: "contactPhone+residentId" } },
        tx,
      );
    }
    return linked;
  });
}

export interface MyApplicationSummary {
  applicationNo: string | null;
  status: ApplicationStatus;
  source: ApplicationSource;
  submittedAt: Date | null;
  statusChangedAt: Date;
  deadlines: StageDeadlines;
  appealDueDate: ISODate | null;
  householdSize: number;
}

/** The applicant's applications, newest first (a draft included). */
export async function listMyApplications(actor: Actor): Promise<MyApplicationSummary[]> {
  // What the actor holds in person: an officer's district is not "my applications".
  const scope = scopeWhere(actor, "application:read", "Application", { personal: true });
  if (scope === NOTHING) return [];
  const apps = await prisma.application.findMany({
    where: scope,
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      ...deadlineSelect,
      applicationNo: true,
      source: true,
      submittedAt: true,
      statusChangedAt: true,
      householdSize: true,
    },
  });
  return apps.map((a) => {
    const source = toDeadlineSource(a);
    return {
      applicationNo: isProvisionalNumber(a.applicationNo) ? null : a.applicationNo,
      status: a.status,
      source: a.source,
      submittedAt: a.submittedAt,
      statusChangedAt: a.statusChangedAt,
      deadlines: stageDeadlines(source),
      appealDueDate: source.appealDueDate,
      householdSize: a.householdSize,
    };
  });
}

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  return prisma.notification.count({ where: { recipientUserId: actor.id, channel: "IN_APP", readAt: null } });
}

const statusViewSelect = {
  ...deadlineSelect,
  id: true,
  applicationNo: true,
  source: true,
  applicantUserId: true,
  districtCode: true,
  district: { select: { name: true, nameEn: true } },
  estateLevel: true,
  preferredUnitType: true,
  isPriority: true,
  submittedAt: true,
  acceptedAt: true,
  statusChangedAt: true,
  rejectionNotifiedAt: true,
  qualifiedAt: true,
  precheck: true,
  precheckEligible: true,
  precheckAt: true,
  referenceIncomeYear: true,
  members: {
    select: { id: true, relationship: true, name: true, residentId: true, sex: true, birthDate: true, annualIncomeFen: true },
    orderBy: { id: "asc" },
  },
  estatePreferences: { select: { rank: true, estate: { select: { code: true, name: true, nameEn: true } } }, orderBy: { rank: "asc" } },
  documents: {
    select: { id: true, kind: true, fileName: true, sizeBytes: true, mimeType: true, uploadedAt: true },
    orderBy: { uploadedAt: "asc" },
  },
  statusEvents: {
    where: { toStatus: { not: "DRAFT" } },
    select: { id: true, fromStatus: true, toStatus: true, at: true, reason: true, reasonKey: true, reasonParams: true, actorRole: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  },
  reviewDecisions: {
    // Never the officer's internal comment: this is the applicant's page.
    select: { id: true, level: true, outcome: true, reasons: true, articlesCited: true, applicantMessage: true, decidedAt: true, notifiedAt: true, noticeMethod: true },
    orderBy: { decidedAt: "asc" },
  },
  appeals: {
    select: { id: true, appealedStatus: true, lodgedAt: true, deadline: true, status: true, decision: true, decisionReason: true, decidedAt: true },
    orderBy: { lodgedAt: "asc" },
  },
} satisfies Prisma.ApplicationSelect;

export type StatusViewRecord = Prisma.ApplicationGetPayload<{ select: typeof statusViewSelect }>;

export interface ApplicationStatusView {
  record: StatusViewRecord;
  deadlineSource: DeadlineSource;
  deadlines: StageDeadlines;
  precheck: EligibilityResult | null;
  notifications: Array<{ id: string; templateKey: string; params: Record<string, string | number>; createdAt: Date; readAt: Date | null }>;
}

/**
 * The applicant's own application by number, or null (unknown, a draft, or someone else's: the
 * page answers 404 for all three so that numbers cannot be probed).
 */
export async function getMyApplicationStatus(actor: Actor, applicationNo: string): Promise<ApplicationStatusView | null> {
  if (typeof applicationNo !== "string" || applicationNo.length > 40) return null;
  // The applicant's page: only what the actor holds in person, never what they handle in office.
  const scope = scopeWhere(actor, "application:read", "Application", { personal: true });
  if (scope === NOTHING) return null;
  const record = await prisma.application.findFirst({ where: { AND: [{ applicationNo }, scope] }, select: statusViewSelect });
  if (!record || record.status === "DRAFT") return null;
  const notifications = await prisma.notification.findMany({
    where: { recipientUserId: actor.id, channel: "IN_APP", applicationId: record.id },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, templateKey: true, params: true, createdAt: true, readAt: true },
  });
  const deadlineSource = toDeadlineSource(record);
  return {
    record,
    deadlineSource,
    deadlines: stageDeadlines(deadlineSource),
    precheck: (record.precheck as unknown as EligibilityResult | null) ?? null,
    notifications: notifications.map((n) => ({
      ...n,
      params: n.params && typeof n.params === "object" && !Array.isArray(n.params) ? (n.params as Record<string, string | number>) : {},
    })),
  };
}

/** Marks the actor's own in-app notices read: the given ones, or all of one application's. Returns how many. */
export async function markNotificationsRead(
  actor: Actor,
  input: { ids?: readonly string[]; applicationNo?: string },
  at: Date = new Date(),
): Promise<number> {
  const where: Prisma.NotificationWhereInput = { recipientUserId: actor.id, channel: "IN_APP", readAt: null };
  if (input.ids?.length) where.id = { in: [...input.ids] };
  else if (input.applicationNo) where.application = { applicationNo: input.applicationNo };
  else return 0;
  const result = await prisma.notification.updateMany({ where, data: { readAt: at } });
  return result.count;
}
