import "server-only";
import { writeAudit } from "@/lib/audit-log/write-audit";
import { prisma } from "@/lib/db/client";
import { hashPassword } from "./password";
import { setPassword } from "./passwords-store";
import { checkPhoneCode, invalidCodeError, sendPhoneCode, takeSendAttempt, usePhoneCode } from "./phone-codes";

// 忘记密码 (docs/decisions/035): the number, a code by SMS, a new password. The first step answers
// the same whether the number has an account or not (a code goes only to an active account's
// number); the second fails with the one neutral answer of a wrong code.

/** Step 1: a code to the number when it belongs to an active account; nothing otherwise. */
export async function requestPasswordResetCode(phone: string, ip: string | null, now: Date = new Date()): Promise<void> {
  await takeSendAttempt(phone, ip, now);
  const user = await prisma.user.findUnique({ where: { phone }, select: { isActive: true } });
  if (user?.isActive) await sendPhoneCode(phone, "RESET_PASSWORD", "resetCode", now);
}

/**
 * Step 2: the code, then the new password, the code's use and the audit row in one transaction.
 * The sign-in lock of the number is lifted: its holder has just proved it.
 */
export async function completePasswordReset(input: { phone: string; code: string; password: string }, now: Date = new Date()): Promise<void> {
  const codeId = await checkPhoneCode(input.phone, "RESET_PASSWORD", input.code, now);
  if (!codeId) throw invalidCodeError();
  const user = await prisma.user.findUnique({ where: { phone: input.phone }, select: { id: true, role: true, isActive: true, districtCode: true } });
  if (!user?.isActive) throw invalidCodeError();
  const passwordHash = await hashPassword(input.password);
  await prisma.$transaction(async (tx) => {
    if (!(await usePhoneCode(tx, codeId, now))) throw invalidCodeError();
    await setPassword(tx, user.id, passwordHash);
    await tx.loginThrottle.deleteMany({ where: { key: `account:phone:${input.phone}` } });
    await writeAudit({ actorId: user.id, actorRole: user.role, action: "auth.password_reset", entityType: "User", entityId: user.id, districtCode: user.districtCode, data: { by: "sms-code" } }, tx);
  });
}
