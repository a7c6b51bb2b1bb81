// The outbox never loses a notice: a worker that dies while sending leaves it SENDING with a
// lease, and the next run takes it again; failures back off; after the last attempt the notice is
// FAILED and listed for administrators, who can send it again. Two workers send each notice once.
import { beforeEach, describe, expect, it } from "vitest";
import { CLAIM_LEASE_MS, deliverNotifications, MAX_ATTEMPTS, retryDelayMs, type Transport } from "@/lib/notifications/deliver";
import { listFailedNotices, retryFailedNotice } from "@/lib/notifications/failed";
import { enqueueNotification } from "@/lib/notifications/outbox";
import { expectAppError } from "../support/app-errors";
import { cstInstant } from "../support/clock";
import { createUser, type TestActor } from "../support/users";
import { prisma, seedDistricts, truncateAll } from "./db";

const T0 = cstInstant("2026-03-02", "10:00");
const later = (ms: number) => new Date(T0.getTime() + ms);

function recordingTransport(fail = false): Transport & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async send({ to, text }) {
      if (fail) throw new Error("provider unavailable");
      sent.push(`${to}: ${text}`);
    },
  };
}

async function refusalNotice(phone = "13912345678"): Promise<string> {
  await prisma.$transaction((tx) =>
    enqueueNotification(tx, { channel: "SMS", templateKey: "review.firstRejected", params: { applicationNo: "GZF-500103-2026-000001", articles: "13.4", appealDueDate: "2026-03-16" }, recipientPhone: phone, dedupeKey: `test:${phone}` }),
  );
  await prisma.notification.updateMany({ data: { nextAttemptAt: T0, createdAt: T0 } });
  return (await prisma.notification.findFirstOrThrow({ where: { recipientPhone: phone } })).id;
}

let admin: TestActor;
beforeEach(async () => {
  await truncateAll();
  await seedDistricts();
  admin = await createUser("ADMIN", { name: "管理员" });
});

describe("notice delivery", () => {
  it("takes again a notice left SENDING by a worker that died, once its lease runs out, and sends it once", async () => {
    const id = await refusalNotice();
    // A worker claimed it at T0 and died before it finished.
    await prisma.notification.update({ where: { id }, data: { status: "SENDING", attempts: 1, nextAttemptAt: later(CLAIM_LEASE_MS) } });
    const transport = recordingTransport();
    expect(await deliverNotifications({ transport, now: later(CLAIM_LEASE_MS - 1000) })).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(await deliverNotifications({ transport, now: later(CLAIM_LEASE_MS) })).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]).toContain("GZF-500103-2026-000001");
    expect(await prisma.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("backs off after each failure, gives up after the last attempt, and lists the notice for administrators", async () => {
    const id = await refusalNotice();
    const failing = recordingTransport(true);
    let at = T0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await deliverNotifications({ transport: failing, now: at });
      expect(result).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, failed: 0, retrying: 1 } : { sent: 0, failed: 1, retrying: 0 });
      const row = await prisma.notification.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(row.nextAttemptAt).toEqual(new Date(at.getTime() + retryDelayMs(attempt)));
        // Not again before the wait is over.
        expect(await deliverNotifications({ transport: failing, now: new Date(row.nextAttemptAt.getTime() - 1) })).toEqual({ sent: 0, failed: 0, retrying: 0 });
        at = row.nextAttemptAt;
      }
    }
    expect(await prisma.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", lastError: "provider unavailable" });

    const page = await listFailedNotices(admin, 1);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id, channel: "SMS", recipient: "139****5678", attempts: MAX_ATTEMPTS, lastError: "provider unavailable", applicationNo: null });
    expect(page.items[0]!.text).toContain("GZF-500103-2026-000001");
    expect(JSON.stringify(page)).not.toContain("13912345678");

    await retryFailedNotice(admin, { notificationId: id }, at);
    await expectAppError(retryFailedNotice(admin, { notificationId: id }, at), "CONFLICT", "admin.notifications.notFailed");
    const working = recordingTransport();
    expect(await deliverNotifications({ transport: working, now: at })).toMatchObject({ sent: 1 });
    expect((await listFailedNotices(admin, 1)).total).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "notification.retry", entityId: id, actorId: admin.id } })).toBe(1);
  });

  it("gives up on a notice whose every attempt was interrupted", async () => {
    const id = await refusalNotice();
    await prisma.notification.update({ where: { id }, data: { status: "SENDING", attempts: MAX_ATTEMPTS, nextAttemptAt: T0 } });
    expect(await deliverNotifications({ transport: recordingTransport(), now: T0 })).toEqual({ sent: 0, failed: 1, retrying: 0 });
    expect(await prisma.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", lastError: "delivery interrupted" });
  });

  it("two workers at once send each notice exactly once", async () => {
    for (let i = 0; i < 12; i++) await refusalNotice(`139000000${String(i).padStart(2, "0")}`);
    const transport = recordingTransport();
    await Promise.all(Array.from({ length: 4 }, () => prisma.$queryRaw`SELECT 1 AS ok`));
    const results = await Promise.all([deliverNotifications({ transport, now: T0 }), deliverNotifications({ transport, now: T0 })]);
    expect(results[0]!.sent + results[1]!.sent).toBe(12);
    expect(transport.sent).toHaveLength(12);
    expect(new Set(transport.sent).size).toBe(12);
  });

  it("lets only administrators see or resend failed notices", async () => {
    const officer = await createUser("MUNICIPAL_OFFICER", { name: "市级经办员" });
    await expectAppError(listFailedNotices(officer, 1), "FORBIDDEN");
    await expectAppError(retryFailedNotice(officer, { notificationId: "x" }), "FORBIDDEN");
  });
});
