import "server-only";
import { parseInput } from "@/lib/allocation/inputs";
import { writeAudit } from "@/lib/audit-log/write-audit";
import type { Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { householdSelect } from "@/lib/shared-data/comparison-service";
import { isOpenOrderConflict, orderVacating } from "@/lib/tenancy/leaving";
import { decide, pendingTenancyCheck, runDueYearlyChecks, runYearlyCheck, type RecheckFindings, type RecheckRunResult } from "./recheck-service";
import { tenancyEndReason } from "./reason-text";
import { confirmTenancyEndSchema, type ConfirmTenancyEndInput } from "./schemas";

// The annual check of every tenancy (Art. 42: "区县公共租赁住房管理机构应当每年组织对承租人资格进行
// 核查…对不再符合条件的，取消租住资格，解除租赁合同"). Every lease in force in a district is assessed
// again with the qualification rules (lib/rules assessEligibility) against the latest shared data,
// the bans in force and the latest reference income R, exactly as the re-check of qualified
// households (Art. 20) and the renewal re-review (Art. 32) do. Those still eligible pass; the others
// wait (PENDING) for a district officer, who either ends the tenancy with the reasons (the lease is
// terminated and a vacate order of Art. 42 follows, with its deadline and, where granted, the
// 3-month transition of Art. 38), or keeps it with a reason. One AnnualRecheck row per lease and year
// (unique), so a run repeated, or run by two servers at once, checks nobody twice.

const TX = { maxWait: 20_000, timeout: 20_000 } as const;
export const TENANCY_RUN_ACTION = "recheck.tenancy.run";

/** Leases the check covers: in force, and not already succeeded by a renewal lease in force. */
const checkedLeaseWhere = (districtCode: string): Prisma.LeaseWhereInput => ({
  status: "ACTIVE",
  unit: { estate: { districtCode } },
  NOT: { nextLease: { is: { status: "ACTIVE" } } },
});

/**
 * Checks every lease in force of a district not yet checked in `year`. `actor` is the officer who
 * started it (null for the yearly job). Idempotent: a second run, or a concurrent one, checks nothing twice.
 */
export async function runTenancyCheck(args: { districtCode: string; year: number; actor: Actor | null; now?: Date }): Promise<RecheckRunResult> {
  const { districtCode, year } = args;
  return runYearlyCheck(args, {
    action: TENANCY_RUN_ACTION,
    nextBatch: (take) =>
      prisma.lease.findMany({
        where: { ...checkedLeaseWhere(districtCode), rechecks: { none: { year } } },
        select: { id: true, application: { select: householdSelect } },
        orderBy: { id: "asc" },
        take,
      }),
    owner: (lease) => ({ kind: "TENANCY", leaseId: lease.id }),
  });
}

/** The job: once a year per district, from the same day as the re-check of qualifications, check its tenancies. */
export async function runDueTenancyChecks(now: Date = new Date()): Promise<string> {
  return runDueYearlyChecks(now, {
    action: TENANCY_RUN_ACTION,
    noun: "tenancies ",
    // The districts with a lease in force: one EXISTS per district (it stops at the first lease,
    // through the estate, unit and lease indexes), not a read of every lease each minute.
    districts: async () =>
      (
        await prisma.$queryRaw<{ code: string }[]>`
          SELECT d."code" FROM "District" d
           WHERE EXISTS (SELECT 1 FROM "Estate" e JOIN "Unit" u ON u."estateId" = e.id JOIN "Lease" l ON l."unitId" = u.id
                          WHERE e."districtCode" = d."code" AND l.status = 'ACTIVE')
           ORDER BY 1`
      ).map((d) => d.code),
    run: runTenancyCheck,
  });
}

/**
 * The officer confirms the tenancy check failed (Art. 42), in one transaction and once (a
 * conditional update): the check is FAILED with the reasons, the lease is terminated and held over,
 * a vacate order on the ground ANNUAL_CHECK_FAILED is issued with the deadline (Art. 41) and, when
 * granted, the 3-month transition at 1.5 x (Art. 38), and the household is told the reasons with the
 * article in the portal and by SMS (codes only: no incomes, no ID numbers).
 */
export async function confirmTenancyEnd(actor: Actor, input: ConfirmTenancyEndInput, now: Date = new Date()): Promise<{ leaseId: string; orderNo: string }> {
  const data = parseInput(confirmTenancyEndSchema, input);
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await pendingTenancyCheck(tx, actor, data.recheckId);
      const findings = row.findings as unknown as RecheckFindings | null;
      const codes = findings?.reasons.map((r) => r.code) ?? [];
      const reason = tenancyEndReason(codes, data.note);
      await decide(tx, row.id, "FAILED", actor, reason, now);
      const order = await orderVacating(
        tx,
        actor,
        { leaseId: row.leaseId, ground: "ANNUAL_CHECK_FAILED", deadline: data.deadline, transitionGranted: data.transitionGranted, reason, at: now },
        { templateKey: "rechecks.tenancyEnded", params: { deadline: data.deadline, reasonCodes: codes.join(",") }, dedupeKey: `recheck:${row.id}:tenancy-ended` },
      );
      await writeAudit(
        {
          actorId: actor.id,
          actorRole: actor.role,
          action: "recheck.tenancy.confirm",
          entityType: "AnnualRecheck",
          entityId: row.id,
          districtCode: row.districtCode,
          reason,
          data: { leaseId: row.leaseId, leaseNo: order.leaseNo, orderNo: order.orderNo, year: row.year, codes, deadline: data.deadline, transitionGranted: data.transitionGranted },
        },
        tx,
      );
      return { leaseId: row.leaseId, orderNo: order.orderNo };
    }, TX);
  } catch (error) {
    if (isOpenOrderConflict(error)) throw new AppError("CONFLICT", { messageKey: "leaving.errors.orderOpen", cause: error });
    throw error;
  }
}
