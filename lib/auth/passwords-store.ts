import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A password set by SMS code (忘记密码). Runs inside the caller's transaction. Like every password
 * change (lib/auth/accounts.ts), it ends every session of the account at once (decision 031).
 */
export async function setPassword(tx: Prisma.TransactionClient, userId: string, passwordHash: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } } });
}
