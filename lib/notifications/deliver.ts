import "server-only";
import { prisma } from "@/lib/db/client";
import { maskPhone } from "@/lib/rules/identity";
import { renderNotification } from "./render";

// Delivery of the outbox. Real SMS and e-mail providers plug in as transports; in development
// and tests the transport records the rendered text in the log (no personal data reaches it:
// see assertNoSensitiveParams) and marks the notice sent. IN_APP notices are "sent" when stored.

export interface Transport {
  send(message: { channel: "SMS" | "EMAIL"; to: string; text: string }): Promise<void>;
}

export const developmentTransport: Transport = {
  async send({ channel, to, text }) {
    console.info(`[outbox] ${channel} to ${maskPhone(to)}: ${text}`);
  },
};

const MAX_ATTEMPTS = 5;

/** Sends up to `limit` pending notices; returns how many were sent. */
export async function deliverPendingNotifications(
  options: { transport?: Transport; limit?: number; now?: Date } = {},
): Promise<number> {
  const transport = options.transport ?? developmentTransport;
  const at = options.now ?? new Date();
  const pending = await prisma.notification.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: at } },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 100,
  });
  let sent = 0;
  for (const n of pending) {
    // Claim the row so that two workers never send the same notice.
    const claimed = await prisma.notification.updateMany({ where: { id: n.id, status: "PENDING" }, data: { status: "SENDING" } });
    if (claimed.count !== 1) continue;
    try {
      if (n.channel !== "IN_APP") {
        const to = n.channel === "SMS" ? n.recipientPhone : n.recipientEmail;
        if (!to) throw new Error("no recipient address");
        await transport.send({ channel: n.channel, to, text: await renderNotification(n.templateKey, n.params, "zh-CN") });
      }
      await prisma.notification.update({ where: { id: n.id }, data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } } });
      sent++;
    } catch (error) {
      const attempts = n.attempts + 1;
      await prisma.notification.update({
        where: { id: n.id },
        data: {
          status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
          attempts,
          lastError: error instanceof Error ? error.message.slice(0, 200) : "unknown error",
          nextAttemptAt: new Date(at.getTime() + 60_000 * 2 ** attempts),
        },
      });
    }
  }
  return sent;
}
