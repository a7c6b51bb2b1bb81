import "server-only";
import { transitionApplication } from "@/lib/applications/transitions";
import { dateColumn, fromDateColumn, todayCST } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { notifyApplicant } from "@/lib/notifications/outbox";
import { APPEALABLE_STATUSES, applicantContact, contactSelect } from "@/lib/review/common";

// Art. 19: a refusal may be appealed within 10 working days of the notice. Once the appeal due date
// has passed (today CST after it) without an appeal, the refusal is final (REJECTED). Run by the
// scheduler; one transaction per application; idempotent.

export async function finalizeExpiredRefusals(now: Date): Promise<{ finalized: number }> {
  const today = todayCST(now);
  const due = await prisma.application.findMany({
    where: { status: { in: [...APPEALABLE_STATUSES] }, appealDueDate: { lt: dateColumn(today) } },
    select: { id: true },
    orderBy: { appealDueDate: "asc" },
    take: 500,
  });
  let finalized = 0;
  for (const { id } of due) {
    try {
      const done = await prisma.$transaction(async (tx) => {
        const app = await tx.application.findUnique({
          where: { id },
          select: { id: true, applicationNo: true, status: true, appealDueDate: true, ...contactSelect },
        });
        if (!app || !app.appealDueDate || !(APPEALABLE_STATUSES as readonly string[]).includes(app.status)) return false;
        const appealDueDate = fromDateColumn(app.appealDueDate);
        if (!(today > appealDueDate)) return false;
        await transitionApplication(tx, {
          applicationId: app.id,
          to: "REJECTED",
          actor: null,
          at: now,
          reason: { key: "refusalFinal", params: { articles: ["19"] } },
          action: "appeal.window_expired",
          data: { dueDate: null },
          auditData: { from: app.status, to: "REJECTED", appealDueDate },
        });
        await notifyApplicant(tx, {
          applicationId: app.id,
          ...applicantContact(app),
          templateKey: "appeals.refusalFinal",
          params: { applicationNo: app.applicationNo },
          dedupeKey: `application:${app.id}:refusal-final:${appealDueDate}`,
          at: now,
        });
        return true;
      });
      if (done) finalized++;
    } catch (error) {
      // An appeal lodged at the same moment wins; the next run looks again.
      if (!(isAppError(error) && error.code === "CONFLICT")) throw error;
    }
  }
  return { finalized };
}
