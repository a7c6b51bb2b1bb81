import "server-only";
import { parseInput } from "@/lib/allocation/inputs";
import { latestBanUntil } from "@/lib/applications/household-claims";
import { writeAudit } from "@/lib/audit-log/write-audit";
import type { Actor } from "@/lib/auth/permissions";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { Prisma, RequestStatus } from "@/lib/generated/prisma/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { assessForRecheck, referenceIncomeFor, type RecheckFindings } from "@/lib/rechecks/recheck-service";
import { applicantContact, contactSelect } from "@/lib/review/common";
import { addDays } from "@/lib/rules/dates";
import { latestRenewalDate } from "@/lib/rules/lease";
import type { ISODate } from "@/lib/rules/types";
import { householdSelect, loadPersonRecords } from "@/lib/shared-data/comparison-service";
import { draftRenewalLease } from "./leases";
import { assertManagesTenancyIn } from "./reach";
import { decideRenewalSchema, requestRenewalSchema, type DecideRenewalInput, type RequestRenewalInput } from "./renewal-schemas";

// Renewals (Art. 32): "at the end of the term the tenant leaves, unless a renewal is applied for at
// least 3 months before expiry and the re-review passes; then a new lease is signed." The portal
// shows the last day (lib/rules latestRenewalDate), reminds the tenant a month before it (the
// renewal-reminders job, once per lease), and refuses a request made after it, with the article,
// keeping the refusal on record. An officer of the district re-reviews an on-time request with the
// qualification rules on the household and the latest shared data (the annual re-check's
// assessment), and approves it, which draws up the renewal lease (signed and countersigned like any
// lease), or refuses it with the reasons; a refusal is a ground to vacate (Art. 38.1). One request
// under way per lease is the partial unique index RenewalRequest_open_key.

type Tx = Prisma.TransactionClient;
const OPEN_INDEX = "RenewalRequest_open_key";
const OPEN: RequestStatus[] = ["SUBMITTED", "UNDER_REVIEW", "APPROVED"];
/** Days before the last day to request renewal when the tenant is reminded. */
export const RENEWAL_REMINDER_DAYS = 30;

function problem(key: string): AppError {
  return new AppError("CONFLICT", { messageKey: `renewals.errors.${key}` });
}

export interface RenewalView {
  id: string;
  status: RequestStatus;
  requestedAt: Date;
  isOnTime: boolean;
  latestOnTimeDate: ISODate;
  termMonths: number | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  findings: RecheckFindings | null;
}

const requestSelect = {
  id: true, status: true, requestedAt: true, isOnTime: true, latestOnTimeDate: true, termMonths: true, decisionReason: true, decidedAt: true, findings: true,
} satisfies Prisma.RenewalRequestSelect;

function view(r: Prisma.RenewalRequestGetPayload<{ select: typeof requestSelect }>): RenewalView {
  return { ...r, latestOnTimeDate: fromDateColumn(r.latestOnTimeDate), findings: (r.findings as RecheckFindings | null) ?? null };
}

export interface LeaseRenewal {
  /** The last day to request renewal (Art. 32). */
  latestDate: ISODate;
  onTime: boolean;
  /** Whether a request can be made now (the lease in force, none under way, not renewed). */
  canRequest: boolean;
  requests: RenewalView[];
  renewalLeaseNo: string | null;
}

/** Renewal on one lease (the caller has checked the lease is the actor's or in the officer's reach). */
export async function leaseRenewal(lease: { id: string; endDate: ISODate; status: string }, options: { now?: Date } = {}): Promise<LeaseRenewal> {
  const today = todayCST(options.now ?? clockNow());
  const [requests, next] = await Promise.all([
    prisma.renewalRequest.findMany({ where: { leaseId: lease.id }, select: requestSelect, orderBy: { requestedAt: "desc" } }),
    prisma.lease.findUnique({ where: { previousLeaseId: lease.id }, select: { leaseNo: true } }),
  ]);
  const latestDate = latestRenewalDate(lease.endDate);
  const views = requests.map(view);
  return {
    latestDate,
    onTime: today <= latestDate,
    canRequest: lease.status === "ACTIVE" && !next && !views.some((r) => OPEN.includes(r.status)) && lease.endDate >= today,
    requests: views,
    renewalLeaseNo: next?.leaseNo ?? null,
  };
}

/**
 * The tenant asks to renew. On time (on or before latestRenewalDate): a request for the officers.
 * Late: refused at once with Art. 32, the refusal kept on record and told to the household.
 */
export async function requestRenewal(actor: Actor, input: RequestRenewalInput, options: { now?: Date } = {}): Promise<{ requestId: string; onTime: boolean }> {
  const data = parseInput(requestRenewalSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const lease = await prisma.lease.findUnique({
    where: { id: data.leaseId },
    select: { id: true, leaseNo: true, status: true, endDate: true, tenantUserId: true, applicationId: true, nextLease: { select: { id: true } }, application: { select: contactSelect }, unit: { select: { estate: { select: { districtCode: true } } } } },
  });
  if (!lease || lease.tenantUserId !== actor.id) throw new AppError("NOT_FOUND");
  if (lease.status !== "ACTIVE" || lease.nextLease || fromDateColumn(lease.endDate) < today) throw problem("notRenewable");
  const latest = latestRenewalDate(fromDateColumn(lease.endDate));
  const onTime = today <= latest;
  try {
    return await prisma.$transaction(async (tx) => {
      const request = await tx.renewalRequest.create({
        data: {
          leaseId: lease.id,
          requestedAt: at,
          latestOnTimeDate: dateColumn(latest),
          isOnTime: onTime,
          termMonths: data.termMonths,
          ...(onTime ? {} : { status: "REJECTED" as const, decidedAt: at, decisionReason: `续租申请应当在合同期满3个月前提出（第三十二条），本合同最迟应于 ${latest} 前申请。` }),
        },
        select: { id: true },
      });
      await notifyApplicant(tx, {
        applicationId: lease.applicationId,
        ...applicantContact(lease.application),
        templateKey: onTime ? "renewals.received" : "renewals.refusedLate",
        params: { leaseNo: lease.leaseNo, date: latest },
        dedupeKey: `renewal:${request.id}:${onTime ? "received" : "late"}`,
        at,
      });
      await writeAudit({ actorId: actor.id, actorRole: actor.role, action: onTime ? "renewal.request" : "renewal.refused-late", entityType: "RenewalRequest", entityId: request.id, districtCode: lease.unit.estate.districtCode, data: { leaseNo: lease.leaseNo, latestOnTimeDate: latest, termMonths: data.termMonths } }, tx);
      return { requestId: request.id, onTime };
    });
  } catch (error) {
    if (isUniqueViolation(error, OPEN_INDEX)) throw problem("alreadyRequested");
    throw error;
  }
}

/** The re-review of a household (Art. 32): the qualification rules on its members, the shared data, bans and today's reference income. */
export async function reviewHousehold(applicationId: string, today: ISODate): Promise<RecheckFindings | null> {
  const app = await prisma.application.findUniqueOrThrow({ where: { id: applicationId }, select: householdSelect });
  const residentIds = app.members.map((m) => m.residentId);
  const [reference, records, bannedUntil] = await Promise.all([referenceIncomeFor(today), loadPersonRecords(prisma, residentIds), latestBanUntil(prisma, residentIds)]);
  return assessForRecheck({ app, records, reference, checkDate: today, bannedUntil: bannedUntil && bannedUntil > today ? bannedUntil : null });
}

/**
 * An officer of the district decides an on-time request, once (a conditional update). Approval needs
 * the re-review to pass and draws up the renewal lease in the same transaction; a refusal gives the
 * reasons. Both are told to the household.
 */
export async function decideRenewal(actor: Actor, input: DecideRenewalInput, options: { now?: Date } = {}): Promise<{ requestId: string; leaseNo: string | null }> {
  const data = parseInput(decideRenewalSchema, input);
  const at = options.now ?? clockNow();
  const today = todayCST(at);
  const request = await prisma.renewalRequest.findUnique({
    where: { id: data.requestId },
    select: { id: true, status: true, termMonths: true, lease: { select: { id: true, leaseNo: true, termMonths: true, applicationId: true, application: { select: contactSelect }, unit: { select: { estate: { select: { districtCode: true } } } } } } },
  });
  if (!request) throw new AppError("NOT_FOUND");
  const districtCode = request.lease.unit.estate.districtCode;
  assertManagesTenancyIn(actor, districtCode);
  const findings = await reviewHousehold(request.lease.applicationId, today);
  const approve = data.decision === "APPROVE";
  if (approve && findings && !findings.eligible) throw problem("notEligible");
  return prisma.$transaction(async (tx: Tx) => {
    const decided = await tx.renewalRequest.updateMany({
      where: { id: request.id, status: { in: ["SUBMITTED", "UNDER_REVIEW"] } },
      data: { status: approve ? "APPROVED" : "REJECTED", decidedById: actor.id, decidedAt: at, decisionReason: data.reason, findings: (findings ?? undefined) as unknown as Prisma.InputJsonValue },
    });
    if (decided.count !== 1) throw problem("decided");
    const renewal = approve ? await draftRenewalLease(tx, { actor, at, leaseId: request.lease.id, termMonths: request.termMonths ?? request.lease.termMonths }) : null;
    await notifyApplicant(tx, {
      applicationId: request.lease.applicationId,
      ...applicantContact(request.lease.application),
      templateKey: approve ? "renewals.approved" : "renewals.rejected",
      params: { leaseNo: request.lease.leaseNo },
      dedupeKey: `renewal:${request.id}:decided`,
      at,
    });
    await writeAudit({ actorId: actor.id, actorRole: actor.role, action: approve ? "renewal.approve" : "renewal.reject", entityType: "RenewalRequest", entityId: request.id, districtCode, reason: data.reason, data: { leaseNo: request.lease.leaseNo, renewalLeaseNo: renewal?.leaseNo ?? null, eligible: findings?.eligible ?? null } }, tx);
    return { requestId: request.id, leaseNo: renewal?.leaseNo ?? null };
  });
}

/**
 * The reminder (Art. 32): tenants of leases in force whose last day to request renewal is within
 * RENEWAL_REMINDER_DAYS and who have not asked, told once per lease (the notice's dedupe key).
 */
export async function remindRenewals(now: Date = clockNow()): Promise<number> {
  const today = todayCST(now);
  // latestRenewalDate = end - 3 months; ends up to 3 months + the reminder window ahead qualify, then the rule decides.
  const leases = await prisma.lease.findMany({
    where: {
      status: "ACTIVE",
      nextLease: { is: null },
      renewalRequests: { none: {} },
      endDate: { gte: dateColumn(today), lte: dateColumn(addDays(today, 130)) },
    },
    select: { id: true, leaseNo: true, endDate: true, applicationId: true, application: { select: contactSelect } },
    take: 5000,
  });
  let sent = 0;
  for (const lease of leases) {
    const latest = latestRenewalDate(fromDateColumn(lease.endDate));
    if (latest < today || latest > addDays(today, RENEWAL_REMINDER_DAYS)) continue;
    await prisma.$transaction((tx) =>
      notifyApplicant(tx, {
        applicationId: lease.applicationId,
        ...applicantContact(lease.application),
        templateKey: "renewals.reminder",
        params: { leaseNo: lease.leaseNo, date: latest },
        dedupeKey: `lease:${lease.id}:renewal-reminder`,
        at: now,
      }),
    );
    sent++;
  }
  return sent;
}
