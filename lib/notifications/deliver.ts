import "server-only";
import { prisma } from "@/lib/db/client";
import { maskPhone } from "@/lib/rules/identity";
import { smsProvider } from "@/lib/sms/provider";
import { renderNotification } from "./render";

// Delivery of the outbox. SMS goes through the SMS provider SMS_PROVIDER names (lib/sms/provider.ts,
// the development one by default: the development outbox and the log); e-mail is only logged. No
// personal data reaches a text (see assertNoSensitiveParams). IN_APP notices are "sent" when stored.
//
// A worker claims a notice for a lease (SENDING until nextAttemptAt). A worker that dies while
// sending leaves the notice SENDING with its lease running out, and the next run takes it again:
// no notice (an Art. 19 refusal above all) is lost silently. Each claim counts an attempt; after
// MAX_ATTEMPTS the notice is FAILED and listed for administrators, who can send it again.

export interface Transport {
  send(message: { channel: "SMS" | "EMAIL"; to: string; text: string }): Promise<void>;
}

export const developmentTransport: Transport = {
  async send({ channel, to, text }) {
    if (channel === "SMS") return smsProvider().send({ to, text });
    console.info(`[outbox] ${channel} to ${maskPhone(to)}: ${text}`);
  },
};

export const MAX_ATTEMPTS = 5;
/** How long a claim lasts: longer than any provider call, short enough to retry a crash soon. */
export const CLAIM_LEASE_MS = 5 * 60_000;
const MINUTE = 60_000;

/** The wait before attempt n + 1 after n failed attempts: 2, 4, 8, 16 minutes. */
export function retryDelayMs(attempts: number): number {
  return MINUTE * 2 ** attempts;
}

export interface DeliveryResult {
  sent: number;
  failed: number;
  retrying: number;
}

/** Sends up to `limit` notices that are due (pending, or claimed by a worker whose lease ran out). */
export async function deliverNotifications(options: { transport?: Transport; limit?: number; now?: Date } = {}): Promise<DeliveryResult> {
  const transport = options.transport ?? developmentTransport;
  const at = options.now ?? new Date();
  const result: DeliveryResult = { sent: 0, failed: 0, retrying: 0 };
  const due = await prisma.notification.findMany({
    where: { status: { in: ["PENDING", "SENDING"] }, nextAttemptAt: { lte: at } },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 100,
    select: { id: true, status: true, attempts: true },
  });
  for (const candidate of due) {
    // An interrupted send that has used up its attempts is not tried again.
    if (candidate.status === "SENDING" && candidate.attempts >= MAX_ATTEMPTS) {
      const given = await prisma.notification.updateMany({
        where: { id: candidate.id, status: "SENDING", attempts: candidate.attempts, nextAttemptAt: { lte: at } },
        data: { status: "FAILED", lastError: "delivery interrupted" },
      });
      result.failed += given.count;
      continue;
    }
    // Claim it: one worker only, whoever read it at the same moment. The claim counts the attempt.
    const claimed = await prisma.notification.updateMany({
      where: { id: candidate.id, status: candidate.status, attempts: candidate.attempts, nextAttemptAt: { lte: at } },
      data: { status: "SENDING", attempts: { increment: 1 }, nextAttemptAt: new Date(at.getTime() + CLAIM_LEASE_MS) },
    });
    if (claimed.count !== 1) continue;
    const attempts = candidate.attempts + 1;
    const n = await prisma.notification.findUniqueOrThrow({ where: { id: candidate.id } });
    try {
      if (n.channel !== "IN_APP") {
        const to = n.channel === "SMS" ? n.recipientPhone : n.recipientEmail;
        if (!to) throw new Error("no recipient address");
        await transport.send({ channel: n.channel, to, text: await renderNotification(n.templateKey, n.params, "zh-CN") });
      }
      await prisma.notification.updateMany({ where: { id: n.id, status: "SENDING", attempts }, data: { status: "SENT", sentAt: at, lastError: null } });
      result.sent++;
    } catch (error) {
      const exhausted = attempts >= MAX_ATTEMPTS;
      await prisma.notification.updateMany({
        where: { id: n.id, status: "SENDING", attempts },
        data: {
          status: exhausted ? "FAILED" : "PENDING",
          // Provider messages name the fault, never the recipient: kept short.
          lastError: error instanceof Error ? error.message.slice(0, 200) : "unknown error",
          nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts)),
        },
      });
      if (exhausted) result.failed++;
      else result.retrying++;
    }
  }
  return result;
}
