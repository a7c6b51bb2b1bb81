import "server-only";
import type { NotificationChannel, Prisma } from "@/lib/generated/prisma/client";

// The notification outbox: services enqueue inside their own transaction, so a notice exists iff
// the decision does; a delivery worker (lib/notifications/deliver.ts) sends them later. Texts are
// rendered from message templates (messages/*.json, namespace `notifications`) with `params`.
// Art. 19 requires reasons in writing or by SMS; personal information never goes into an SMS.

export interface NotificationInput {
  channel: NotificationChannel;
  templateKey: string;
  params?: Record<string, string | number>;
  recipientUserId?: string | null;
  recipientPhone?: string | null;
  applicationId?: string | null;
  leaseId?: string | null;
  /** Makes enqueueing idempotent: a second notice with the same key is ignored. */
  dedupeKey?: string | null;
  /** When the decision was made (the service's clock): the notice's date. Defaults to now. */
  at?: Date;
}

/** Resident ID numbers (18 characters) and long digit runs must never reach a notification. */
const RESIDENT_ID_LIKE = /\d{17}[\dXx]/;
const FORBIDDEN_PARAM_KEYS = /residentid|idnumber|income|salary/i;

export function assertNoSensitiveParams(params: Record<string, string | number>): void {
  for (const [key, value] of Object.entries(params)) {
    if (FORBIDDEN_PARAM_KEYS.test(key) || RESIDENT_ID_LIKE.test(String(value))) {
      throw new Error(`notification parameter "${key}" would carry sensitive personal information`);
    }
  }
}

export async function enqueueNotification(tx: Prisma.TransactionClient, input: NotificationInput): Promise<void> {
  const params = input.params ?? {};
  assertNoSensitiveParams(params);
  const data = {
    channel: input.channel,
    templateKey: input.templateKey,
    params,
    recipientUserId: input.recipientUserId ?? null,
    recipientPhone: input.recipientPhone ?? null,
    applicationId: input.applicationId ?? null,
    leaseId: input.leaseId ?? null,
    dedupeKey: input.dedupeKey ?? null,
    ...(input.at ? { createdAt: input.at } : {}),
  };
  if (input.dedupeKey) {
    await tx.notification.upsert({ where: { dedupeKey: input.dedupeKey }, create: data, update: {} });
  } else {
    await tx.notification.create({ data });
  }
}

/**
 * One decision, told to the applicant in the portal and by SMS (Art. 19). `dedupeKey` (for example
 * `application:<id>:first-review-rejected`) keeps a retried decision from notifying twice.
 */
export async function notifyApplicant(
  tx: Prisma.TransactionClient,
  input: {
    applicationId: string;
    userId: string | null;
    phone: string | null;
    templateKey: string;
    params?: Record<string, string | number>;
    dedupeKey: string;
    at?: Date;
  },
): Promise<void> {
  if (input.userId) {
    await enqueueNotification(tx, {
      channel: "IN_APP",
      templateKey: input.templateKey,
      params: input.params,
      recipientUserId: input.userId,
      applicationId: input.applicationId,
      dedupeKey: `${input.dedupeKey}:in-app`,
      at: input.at,
    });
  }
  if (input.phone) {
    await enqueueNotification(tx, {
      channel: "SMS",
      templateKey: input.templateKey,
      params: input.params,
      recipientUserId: input.userId,
      recipientPhone: input.phone,
      applicationId: input.applicationId,
      dedupeKey: `${input.dedupeKey}:sms`,
      at: input.at,
    });
  }
}

/**
 * `notifyApplicant` for many decisions at once (a publicity batch of thousands): the same rows,
 * written in one statement; a notice whose `dedupeKey` exists already is skipped, as one by one.
 */
export async function notifyApplicants(
  tx: Prisma.TransactionClient,
  inputs: ReadonlyArray<Parameters<typeof notifyApplicant>[1]>,
): Promise<void> {
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const input of inputs) {
    const params = input.params ?? {};
    assertNoSensitiveParams(params);
    const common = {
      templateKey: input.templateKey,
      params,
      recipientUserId: input.userId,
      applicationId: input.applicationId,
      ...(input.at ? { createdAt: input.at } : {}),
    };
    if (input.userId) rows.push({ ...common, channel: "IN_APP", recipientPhone: null, dedupeKey: `${input.dedupeKey}:in-app` });
    if (input.phone) rows.push({ ...common, channel: "SMS", recipientPhone: input.phone, dedupeKey: `${input.dedupeKey}:sms` });
  }
  if (rows.length > 0) await tx.notification.createMany({ data: rows, skipDuplicates: true });
}
