import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { pageWindow } from "@/lib/db/paging";
import { AppError } from "@/lib/errors";
import type { NotificationChannel, Prisma } from "@/lib/generated/prisma/client";
import { maskPhone } from "@/lib/rules/identity";
import { renderNotification } from "./render";

// Notices the outbox gave up on (lib/notifications/deliver.ts), for administrators: what each
// was, to whom (masked), why it failed; and a way to send it again.

export const FAILED_PAGE_SIZE = 20;

export interface FailedNotice {
  id: string;
  channel: NotificationChannel;
  /** The notice as the recipient would read it (notices carry no ID numbers or incomes). */
  text: string;
  recipient: string;
  applicationNo: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date;
}

export interface FailedNoticePage {
  items: FailedNotice[];
  total: number;
  page: number;
  pageCount: number;
}

const failedSelect = {
  id: true,
  channel: true,
  templateKey: true,
  params: true,
  recipientPhone: true,
  recipientUser: { select: { name: true } },
  application: { select: { applicationNo: true } },
  attempts: true,
  lastError: true,
  createdAt: true,
  nextAttemptAt: true,
} satisfies Prisma.NotificationSelect;

/** Failed notices, most recent first, one page at a time. */
export async function listFailedNotices(actor: Actor, page: number, locale: "zh-CN" | "en" = "zh-CN"): Promise<FailedNoticePage> {
  assertCan(actor, "notification:manage");
  const where = { status: "FAILED" } satisfies Prisma.NotificationWhereInput;
  const total = await prisma.notification.count({ where });
  const window = pageWindow(page, total, FAILED_PAGE_SIZE);
  const rows = await prisma.notification.findMany({ where, select: failedSelect, orderBy: [{ nextAttemptAt: "desc" }, { id: "asc" }], skip: window.skip, take: window.take });
  const items = await Promise.all(
    rows.map(async (n) => ({
      id: n.id,
      channel: n.channel,
      text: await renderNotification(n.templateKey, n.params, locale),
      recipient: n.recipientPhone ? maskPhone(n.recipientPhone) : (n.recipientUser?.name ?? "—"),
      applicationNo: n.application?.applicationNo ?? null,
      attempts: n.attempts,
      lastError: n.lastError,
      createdAt: n.createdAt,
      lastAttemptAt: n.nextAttemptAt,
    })),
  );
  return { items, total, page: window.page, pageCount: window.pageCount };
}

export async function countFailedNotices(actor: Actor): Promise<number> {
  assertCan(actor, "notification:manage");
  return prisma.notification.count({ where: { status: "FAILED" } });
}

/** Puts a failed notice back in the outbox with fresh attempts; the next delivery run sends it. */
export async function retryFailedNotice(actor: Actor, input: { notificationId: string }, now: Date = new Date()): Promise<void> {
  assertCan(actor, "notification:manage");
  await prisma.$transaction(async (tx) => {
    const again = await tx.notification.updateMany({
      where: { id: input.notificationId, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now },
    });
    if (again.count !== 1) throw new AppError("CONFLICT", { messageKey: "admin.notifications.notFailed" });
    await writeAudit(
      { actorId: actor.id, actorRole: actor.role, action: "notification.retry", entityType: "Notification", entityId: input.notificationId },
      tx,
    );
  });
}
