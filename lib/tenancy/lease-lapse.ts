import "server-only";
import { passWaitingListOffer } from "@/lib/allocation/waiting-list";
import { returnUnsignedLotteryUnit } from "@/lib/allocation/selection";
import { transitionApplication } from "@/lib/applications/transitions";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { dateColumn, fromDateColumn, now as clockNow, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { applicantContact, contactSelect } from "@/lib/review/common";
import { moveUnitStatus } from "@/lib/stock/stock-service";
import type { Prisma } from "@/lib/generated/prisma/client";

// Art. 25: "配租对象应当在规定时间内…签订租赁合同". A lease drawn up and not signed by the tenant by its
// `signDueDate` (SIGN_WORKING_DAYS working days, the offer's answer date) lapses, once, by a
// conditional update PENDING_SIGNATURE → LAPSED, and what it held goes on as a declined offer would:
// - from a lottery pool: the unit returns to the pool and the next in rank gets a turn;
// - from the waiting list: the household waits again in its place (as after a decline, decision 017)
//   and the unit goes to the head of the list, which passes over whoever let this unit lapse; for an
//   exchange lease that list is the exchange list, and the lease in force goes on (decision 026);
// - otherwise (an offer made as a record): the unit is vacant again;
// - a directed nominee's lease (no offer): the unit goes back to its directed allocation while that
//   is open (vacant once closed), the nominee is withdrawn and their household record cancelled.
// The household's application goes back from ALLOCATED to QUALIFIED: it keeps its qualification. A
// renewal lease (Art. 32) that lapses leaves the old lease to run to its end, after which the
// household must leave (Art. 38.1). The household is told in the portal and by SMS.

const TX = { maxWait: 20_000, timeout: 20_000 } as const;

export interface LapseResult {
  lapsed: number;
}

/** The scheduled job: every lease past its date to sign, lapsed once however often this runs. */
export async function lapseUnsignedLeases(now: Date = clockNow()): Promise<LapseResult> {
  const today = todayCST(now);
  const due = await prisma.lease.findMany({
    where: { status: "PENDING_SIGNATURE", signDueDate: { lt: dateColumn(today) } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: 500,
  });
  let lapsed = 0;
  for (const { id } of due) if (await lapseLease(id, now)) lapsed++;
  return { lapsed };
}

async function lapseLease(leaseId: string, at: Date): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const ended = await tx.lease.updateMany({ where: { id: leaseId, status: "PENDING_SIGNATURE", signDueDate: { lt: dateColumn(todayCST(at)) } }, data: { status: "LAPSED", terminatedAt: at, terminationReason: "未在规定时间内签订租赁合同（第二十五条）" } });
    if (ended.count !== 1) return false;
    const lease = await tx.lease.findUniqueOrThrow({
      where: { id: leaseId },
      select: {
        id: true, leaseNo: true, unitId: true, applicationId: true, previousLeaseId: true, origin: true, signDueDate: true, directedNomineeId: true,
        offer: { select: { id: true, status: true, waitingListEntryId: true, lotteryEntrantId: true } },
        unit: { select: { estate: { select: { districtCode: true, name: true } } } },
        application: { select: { status: true, ...contactSelect } },
      },
    });
    const reason = `租赁合同 ${lease.leaseNo} 未在规定时间内签订（第二十五条）`;
    const offer = lease.offer;
    // A renewal has no offer; an exchange lease's offer came from the exchange list (decision 026).
    if (lease.origin !== "RENEWAL" && offer) {
      const expired = await tx.offer.updateMany({ where: { id: offer.id, status: "ACCEPTED" }, data: { status: "EXPIRED" } });
      if (expired.count === 1) {
        if (lease.application.status === "ALLOCATED") {
          await transitionApplication(tx, { applicationId: lease.applicationId, to: "QUALIFIED", actor: null, at, action: "lease.lapse", reason: { key: "leaseLapsed", params: { articles: ["25"] } }, auditData: { leaseId, leaseNo: lease.leaseNo } });
        }
        if (offer.lotteryEntrantId) {
          await returnUnsignedLotteryUnit(tx, { unitId: lease.unitId, entrantId: offer.lotteryEntrantId, at, reason: "未在规定时间内签订租赁合同，房源退回本次配租" });
        } else if (offer.waitingListEntryId) {
          // Accepting ended the household's place (HOUSED); it waits again there, as after a decline.
          await tx.waitingListEntry.updateMany({ where: { id: offer.waitingListEntryId, status: "HOUSED" }, data: { status: "OFFERED", removedAt: null, removedReason: null } });
          await passWaitingListOffer(tx, { id: offer.id, unitId: lease.unitId, waitingListEntryId: offer.waitingListEntryId }, null, at);
        } else {
          await moveUnitStatus(tx, { unitId: lease.unitId, from: "OFFERED", to: "VACANT", reason: "未在规定时间内签订租赁合同", actor: null, at });
        }
      }
    }
    if (lease.origin === "DIRECTED" && lease.directedNomineeId) {
      await releaseDirectedUnit(tx, { leaseId, leaseNo: lease.leaseNo, unitId: lease.unitId, applicationId: lease.applicationId, nomineeId: lease.directedNomineeId, at });
    }
    await notifyApplicant(tx, {
      applicationId: lease.applicationId,
      ...applicantContact(lease.application),
      templateKey: lease.origin === "RENEWAL" ? "tenancy.renewalLapsed" : lease.origin === "EXCHANGE" ? "tenancy.exchangeLapsed" : lease.origin === "DIRECTED" ? "tenancy.directedLeaseLapsed" : "tenancy.leaseLapsed",
      params: { estate: lease.unit.estate.name, leaseNo: lease.leaseNo, dueDate: lease.signDueDate ? fromDateColumn(lease.signDueDate) : "" },
      dedupeKey: `lease:${lease.id}:lapsed`,
      at,
    });
    await writeAudit(
      { actorId: null, actorRole: null, action: "lease.lapse", entityType: "Lease", entityId: lease.id, districtCode: lease.unit.estate.districtCode, reason, data: { leaseNo: lease.leaseNo, origin: lease.origin, offerId: offer?.id ?? null } },
      tx,
    );
    return true;
  }, TX);
}

/**
 * A directed nominee's lease lapsed (decision 032): the household record is cancelled (its people
 * free again under Art. 12), the nominee withdrawn, and the unit goes back to the allocation for
 * another nominee while it is open, or is vacant once it has closed.
 */
async function releaseDirectedUnit(tx: Prisma.TransactionClient, args: { leaseId: string; leaseNo: string; unitId: string; applicationId: string; nomineeId: string; at: Date }): Promise<void> {
  const { at } = args;
  await transitionApplication(tx, { applicationId: args.applicationId, to: "CANCELLED", actor: null, at, action: "lease.lapse", reason: { key: "directedLeaseLapsed", params: { articles: ["25"] } }, auditData: { leaseId: args.leaseId, leaseNo: args.leaseNo } });
  const withdrawn = await tx.directedNominee.updateMany({ where: { id: args.nomineeId, status: "ASSIGNED" }, data: { status: "WITHDRAWN" } });
  const nominee = await tx.directedNominee.findUniqueOrThrow({ where: { id: args.nomineeId }, select: { allocation: { select: { status: true } } } });
  const open = withdrawn.count === 1 && nominee.allocation.status === "OPEN";
  await moveUnitStatus(tx, {
    unitId: args.unitId,
    from: "OFFERED",
    to: open ? "RESERVED" : "VACANT",
    reason: open ? "定向配租对象未在规定时间内签订租赁合同，房源退回本次定向配租" : "未在规定时间内签订租赁合同",
    actor: null,
    at,
  });
}
