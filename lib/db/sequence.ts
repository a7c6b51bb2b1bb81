import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Human-friendly numbers (application numbers, objection reference numbers) come from named
// counters in `SequenceCounter`, taken inside the transaction that creates the numbered record.

/** Increments the counter `key` and returns its new value, atomically (one statement, safe under concurrency). */
export async function nextSequenceValue(tx: Prisma.TransactionClient, key: string): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "SequenceCounter" ("key", "value", "updatedAt") VALUES (${key}, 1, CURRENT_TIMESTAMP)
    ON CONFLICT ("key") DO UPDATE SET "value" = "SequenceCounter"."value" + 1, "updatedAt" = CURRENT_TIMESTAMP
    RETURNING "value"`;
  return Number(rows[0]!.value);
}
