import "server-only";
import { transitionApplication } from "@/lib/applications/transitions";
import { dateColumn, fromDateColumn, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { entitledUnitType, type HouseholdMember } from "@/lib/rules";
import { applicantContact, contactSelect } from "@/lib/review/common";
import { hasPublicityEnded } from "@/lib/rules/publicity";
import { publicPublicityChanged } from "./public-cache";

// The end of publicity (Art. 19), run by the scheduler: once a batch's period is over (today CST
// after its end date), every entry still in publicity with no open and no upheld objection is
// qualified (取得配租资格), one transaction per application. Entries with an open objection wait
// for its outcome and are qualified by a later run if it is not upheld. A batch with no entry left
// in publicity is closed. Idempotent: a second run finds nothing to do.

export interface ClosePublicityResult {
  qualified: number;
  waiting: number;
  closedBatches: number;
}

export async function closeEndedPublicity(now: Date): Promise<ClosePublicityResult> {
  const today = todayCST(now);
  const batches = await prisma.publicityBatch.findMany({
    where: { status: "PUBLISHED", endDate: { lt: dateColumn(today) } },
    select: { id: true, endDate: true },
    orderBy: { endDate: "asc" },
  });
  const result: ClosePublicityResult = { qualified: 0, waiting: 0, closedBatches: 0 };
  const changed: string[] = [];
  for (const batch of batches) {
    const before = result.qualified + result.closedBatches;
    // Belt and braces: the query already says so.
    if (!hasPublicityEnded(fromDateColumn(batch.endDate), today)) continue;
    const pending = await prisma.publicityEntry.findMany({
      where: { batchId: batch.id, outcome: null, application: { status: "IN_PUBLICITY" } },
      select: { id: true, objections: { select: { status: true, outcome: true } } },
    });
    for (const entry of pending) {
      const blocked = entry.objections.some((o) => o.status !== "CLOSED" || o.outcome === "UPHELD");
      if (blocked) {
        result.waiting++;
        continue;
      }
      if (await qualifyEntry(entry.id, now, today)) result.qualified++;
    }
    const stillPending = await prisma.publicityEntry.count({
      where: { batchId: batch.id, outcome: null, application: { status: "IN_PUBLICITY" } },
    });
    if (stillPending === 0) {
      const closed = await prisma.publicityBatch.updateMany({ where: { id: batch.id, status: "PUBLISHED" }, data: { status: "CLOSED", closedAt: now } });
      result.closedBatches += closed.count;
    }
    if (result.qualified + result.closedBatches > before) changed.push(batch.id);
  }
  // The lists and the batch pages show the batch closed.
  if (changed.length > 0) await publicPublicityChanged({ lists: true, batchIds: changed });
  return result;
}

/** Qualifies one entry's application; false when something changed under us (it is left for the next run). */
async function qualifyEntry(entryId: string, now: Date, today: string): Promise<boolean> {
  try {
    return await prisma.$transaction(async (tx) => {
      const entry = await tx.publicityEntry.findUnique({
        where: { id: entryId },
        select: {
          id: true,
          outcome: true,
          objections: { select: { status: true, outcome: true } },
          application: {
            select: {
              id: true,
              applicationNo: true,
              status: true,
              isPriority: true,
              ...contactSelect,
              members: { select: { relationship: true, sex: true, birthDate: true, fullCivilCapacity: true, annualIncomeFen: true } },
            },
          },
        },
      });
      if (!entry || entry.outcome !== null || entry.application.status !== "IN_PUBLICITY") return false;
      if (entry.objections.some((o) => o.status !== "CLOSED" || o.outcome === "UPHELD")) return false;
      const app = entry.application;
      const members: HouseholdMember[] = app.members.map((m) => ({
        relationship: m.relationship,
        sex: m.sex,
        birthDate: fromDateColumn(m.birthDate),
        fullCivilCapacity: m.fullCivilCapacity,
        annualIncomeFen: m.annualIncomeFen,
      }));
      await transitionApplication(tx, {
        applicationId: app.id,
        to: "QUALIFIED",
        actor: null,
        at: now,
        reason: { key: "qualified", params: { articles: ["19"] } },
        action: "publicity.qualify",
        data: { qualifiedAt: now, dueDate: null },
        auditData: { from: app.status, to: "QUALIFIED", entryId: entry.id, qualifiedOn: today },
      });
      await tx.qualification.create({
        data: {
          applicationId: app.id,
          qualifiedOn: dateColumn(today),
          // Art. 21: the largest unit type the household may take.
          entitledUnitType: entitledUnitType(members),
          isPriority: app.isPriority,
        },
      });
      await tx.publicityEntry.update({ where: { id: entry.id }, data: { outcome: "QUALIFIED" } });
      await notifyApplicant(tx, {
        applicationId: app.id,
        ...applicantContact(app),
        templateKey: "publicity.qualified",
        params: { applicationNo: app.applicationNo },
        dedupeKey: `publicity-entry:${entry.id}:qualified`,
        at: now,
      });
      return true;
    });
  } catch (error) {
    // A concurrent change (the applicant withdrew, an objection arrived) is not a failure of the job.
    if (isAppError(error) && error.code === "CONFLICT") return false;
    throw error;
  }
}
