import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The one write of an account's password (reset by SMS code; later any password change).
 * Runs inside the caller's transaction.
 */
export async function setPassword(tx: Prisma.TransactionClient, userId: string, passwordHash: string): Promise<void> {
  // sessions: bumped when sessionVersion lands
  await tx.user.update({ where: { id: userId }, data: { passwordHash } });
}
