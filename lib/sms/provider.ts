import "server-only";
import { prisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { maskPhone } from "@/lib/rules/identity";

// Text messages leave the portal through one SmsProvider, chosen by SMS_PROVIDER (lib/env.ts):
// the outbox's notices (lib/notifications/deliver.ts) and the one-time codes that verify a number
// (lib/auth/phone-codes.ts) alike. Only the development provider is built; a real provider plugs
// in here (docs/decisions/035).

export interface SmsMessage {
  to: string;
  text: string;
  /** The text carries a one-time code: it never reaches a production log. */
  secret?: boolean;
}

export interface SmsProvider {
  send(message: SmsMessage): Promise<void>;
}

/**
 * The development provider: "sends" by writing the text to the development outbox (table
 * DevSmsMessage; the demo's SMS outbox page and the journeys read it) and by logging it, the
 * number masked. A code's text is logged only outside production builds.
 */
export const developmentSmsProvider: SmsProvider = {
  async send({ to, text, secret }) {
    await prisma.devSmsMessage.create({ data: { phone: to, text } });
    if (secret && getEnv().NODE_ENV === "production") console.info(`[sms] code sent to ${maskPhone(to)}`);
    else console.info(`[sms] ${secret ? "code sent" : "sent"} to ${maskPhone(to)}: ${text}`);
  },
};

/** The provider SMS_PROVIDER names (default: the development provider). */
export function smsProvider(): SmsProvider {
  switch (getEnv().SMS_PROVIDER) {
    case "dev":
      return developmentSmsProvider;
  }
}

/** The development outbox, newest first: the demo's page and the tests read codes here. */
export async function devOutbox(options: { phone?: string; take?: number } = {}): Promise<{ id: bigint; phone: string; text: string; createdAt: Date }[]> {
  return prisma.devSmsMessage.findMany({
    where: options.phone ? { phone: options.phone } : {},
    orderBy: { id: "desc" },
    take: options.take ?? 50,
  });
}

/** The code in the latest development text to `phone` (the demo seed and the tests read it). */
export async function latestDevCode(phone: string): Promise<string> {
  const [latest] = await devOutbox({ phone, take: 1 });
  const code = latest?.text.match(/\d{6}/)?.[0];
  if (!code) throw new Error("no code in the development outbox for this number");
  return code;
}
