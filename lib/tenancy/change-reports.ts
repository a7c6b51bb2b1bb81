import "server-only";
import { parseInput } from "@/lib/allocation/inputs";
import { writeAudit } from "@/lib/audit-log/write-audit";
import type { Actor } from "@/lib/auth/permissions";
import { now as clockNow } from "@/lib/clock";
import { LIVING_LEASE_STATUSES } from "@/lib/db/application-status";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";
import type { ChangeKind, ChangeReportStatus } from "@/lib/generated/prisma/client";
import { assertManagesTenancyIn } from "./reach";
import { reportChangeSchema, reviewChangeSchema, type ReportChangeInput, type ReviewChangeInput } from "./change-schemas";

// Change reports (Art. 42): a tenant reports a change of work, income, housing or household on the
// lease; an officer of the district reviews it, once (a conditional update), and records the
// outcome the household is told (nothing further, an exchange under Art. 33, or a vacate order when
// the household no longer qualifies, Art. 38, 42, issued from the lease page). A report sent twice
// with the same form is recorded once (unique per lease and form key).

export interface ChangeReportView {
  id: string;
  kind: ChangeKind;
  description: string;
  reportedAt: Date;
  status: ChangeReportStatus;
  outcome: string | null;
  reviewedAt: Date | null;
}

/** The tenant reports a change on their own lease in force. */
export async function reportChange(actor: Actor, input: ReportChangeInput, options: { now?: Date } = {}): Promise<{ reportId: string; created: boolean }> {
  const data = parseInput(reportChangeSchema, input);
  const at = options.now ?? clockNow();
  const lease = await prisma.lease.findUnique({ where: { id: data.leaseId }, select: { id: true, leaseNo: true, status: true, tenantUserId: true, applicationId: true, unit: { select: { estate: { select: { districtCode: true } } } } } });
  if (!lease || lease.tenantUserId !== actor.id) throw new AppError("NOT_FOUND");
  if (!LIVING_LEASE_STATUSES.includes(lease.status)) throw new AppError("CONFLICT", { messageKey: "changes.errors.leaseNotLiving" });
  try {
    return await prisma.$transaction(async (tx) => {
      const report = await tx.changeReport.create({
        data: { applicationId: lease.applicationId, leaseId: lease.id, kind: data.kind, description: data.description, reportedAt: at, reportedById: actor.id, formKey: data.formKey },
        select: { id: true },
      });
      await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "change.report", entityType: "ChangeReport", entityId: report.id, districtCode: lease.unit.estate.districtCode, data: { leaseNo: lease.leaseNo, kind: data.kind } }, tx);
      return { reportId: report.id, created: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error, "formKey")) throw error;
    const existing = await prisma.changeReport.findFirstOrThrow({ where: { leaseId: lease.id, formKey: data.formKey }, select: { id: true } });
    return { reportId: existing.id, created: false };
  }
}

/** An officer of the district reviews a report once, with the outcome told to the household. */
export async function reviewChange(actor: Actor, input: ReviewChangeInput, options: { now?: Date } = {}): Promise<{ reportId: string }> {
  const data = parseInput(reviewChangeSchema, input);
  const at = options.now ?? clockNow();
  const report = await prisma.changeReport.findUnique({ where: { id: data.reportId }, select: { id: true, kind: true, lease: { select: { leaseNo: true, unit: { select: { estate: { select: { districtCode: true } } } } } } } });
  if (!report) throw new AppError("NOT_FOUND");
  const districtCode = report.lease?.unit.estate.districtCode;
  assertManagesTenancyIn(actor, districtCode);
  return prisma.$transaction(async (tx) => {
    const done = await tx.changeReport.updateMany({ where: { id: report.id, status: "SUBMITTED" }, data: { status: "REVIEWED", reviewedById: actor.id, reviewedAt: at, outcome: data.outcome } });
    if (done.count !== 1) throw new AppError("CONFLICT", { messageKey: "changes.errors.reviewed" });
    await writeAudit({ actorId: actor.id, actorRole: actor.role, action: "change.review", entityType: "ChangeReport", entityId: report.id, districtCode, reason: data.outcome, data: { leaseNo: report.lease!.leaseNo, kind: report.kind } }, tx);
    return { reportId: report.id };
  });
}

/** The reports on one lease (the caller has checked the lease is the actor's or in the officer's reach). */
export async function changeReportsOf(leaseId: string): Promise<ChangeReportView[]> {
  return prisma.changeReport.findMany({
    where: { leaseId },
    select: { id: true, kind: true, description: true, reportedAt: true, status: true, outcome: true, reviewedAt: true },
    orderBy: { reportedAt: "desc" },
    take: 50,
  });
}
